"""Waiting times, requests for changes and the review promise, from known reviews."""

from datetime import timedelta

import pytest

from django.utils import timezone

from analytics import reading
from mentoring.models import Review, Submission
from mentoring.models.choices import Action, State
from tests.factories.mentoring import (
    CohortFactory,
    MentorFactory,
    ReviewFactory,
    SubmissionFactory,
    SubmissionVersionFactory,
)

pytestmark = pytest.mark.django_db

# Hours each hand-in waited, and whether the mentor asked for changes.
WAITS = [(1, False), (2, True), (3, False), (4, True), (50, False)]


@pytest.fixture
def reviewed(threshold):
    cohort = CohortFactory(name="الدفعة الأولى")
    mentor = MentorFactory(first_name="كريم", last_name="بن يوسف")
    now = timezone.now()
    for hours, changes in WAITS:
        state = State.CHANGES_REQUESTED if changes else State.APPROVED
        submission = SubmissionFactory(
            submitted=True, cohort=cohort, state=state, waiting_since=None
        )
        handed_in = now - timedelta(days=1, hours=hours)
        version = SubmissionVersionFactory(submission=submission, submitted_at=handed_in)
        review = ReviewFactory(
            submission=submission,
            version=version,
            mentor=mentor,
            decision=Action.REQUEST_CHANGES if changes else Action.APPROVE,
        )
        Review.objects.filter(pk=review.pk).update(created_at=now - timedelta(days=1))
    # One hand-in waits now, for three days: past the 48-hour promise.
    waiting = SubmissionFactory(submitted=True, cohort=cohort)
    Submission.objects.filter(pk=waiting.pk).update(waiting_since=now - timedelta(days=3))
    return cohort, mentor


def test_waiting_times_per_cohort_and_mentor(reviewed, rollup):
    rollup()
    figures = reading.mentoring()
    (cohort,) = figures["cohorts"]
    (mentor,) = figures["mentors"]
    for group in (cohort, mentor, figures["all"]):
        # Median of 1, 2, 3, 4, 50 hours; the 90th percentile by nearest rank is the 5th.
        assert (group["p50_hours"], group["p90_hours"]) == (3.0, 50.0)
        assert group["reviews"] == 5
        assert group["changes_requested_share"] == 40.0
        assert group["past_sla"] == 1
    assert cohort["name"] == "الدفعة الأولى"
    assert mentor["name"] == "كريم بن يوسف"
    assert (figures["waiting_now"], figures["waiting_past_sla"]) == (1, 1)


def test_reviews_per_week(reviewed, rollup):
    rollup()
    weeks = reading.mentoring()["reviews_per_week"]
    assert sum(w["reviews"] for w in weeks) == 5
    assert sum(w["changes_requested"] for w in weeks) == 2


def test_a_mentor_with_fewer_learners_is_hidden(reviewed, threshold, rollup):
    threshold(6)
    rollup()
    (mentor,) = reading.mentoring()["mentors"]
    assert mentor["shown"] is False
    assert mentor["p50_hours"] is None and mentor["reviews"] is None
