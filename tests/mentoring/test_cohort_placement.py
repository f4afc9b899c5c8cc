"""Every hand-in reaches a mentor: placement in cohorts, the member count, the fallback
from a cohort's mentors to the course's lead mentors and then to default mentors, and
waiting work that follows a learner moved to another cohort."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.progress.enrolment import enrol
from mentoring import notify, reviewers
from mentoring.cohorts import place_in_open_cohort
from mentoring.models import (
    DEFAULT_COHORT_CAPACITY,
    LEAD_MENTORS_GROUP,
    MENTORS_GROUP,
    Cohort,
    CohortMembership,
    Intake,
    Submission,
)
from mentoring.permissions import reviewable_submissions
from mentoring.states import State
from notifications.models import Notice
from tests.factories.courses import CoursePageFactory
from tests.mentoring.helpers import hand_in, make_lesson, make_user


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def counts(course):
    return {
        cohort.name: cohort.member_count
        for cohort in Cohort.objects.filter(course_key=course.translation_key)
    }


def members(cohort):
    return set(cohort.memberships.values_list("learner__username", flat=True))


# --- placement ------------------------------------------------------------------------


def test_enrolment_fills_the_emptiest_cohort_then_opens_a_new_one(db, course, on_commit):
    mentor = make_user("karim", [MENTORS_GROUP])
    first = Cohort.objects.create(course=course, name="الأولى", capacity=2)
    second = Cohort.objects.create(course=course, name="الثانية", capacity=1)
    first.mentors.add(mentor)
    second.mentors.add(mentor)
    Intake.objects.create(course=course, cohort_capacity=3)
    learners = [make_user(f"learner{n}") for n in range(4)]
    for learner in learners:
        on_commit(enrol, learner, course)

    # Emptiest first (ties by age): 0 → first, 1 → second, 2 → first; then all are full.
    assert members(first) == {"learner0", "learner2"}
    assert members(second) == {"learner1"}
    opened = Cohort.objects.get(course_key=course.translation_key, name="الدفعة 3")
    assert members(opened) == {"learner3"}
    # Opened with the course's intake capacity and the latest cohort's mentors.
    assert opened.capacity == 3 and opened.is_open
    assert list(opened.mentors.all()) == [mentor]
    assert counts(course) == {"الأولى": 2, "الثانية": 1, "الدفعة 3": 1}
    # Enrolling again (or placing again) keeps the learner where she is.
    assert place_in_open_cohort(learners[0], course.translation_key).cohort == first
    assert counts(course)["الأولى"] == 2


def test_a_course_without_cohorts_gets_one_with_the_default_capacity(db, course, on_commit):
    learner = make_user("first")
    on_commit(enrol, learner, course)
    cohort = CohortMembership.objects.get(learner=learner).cohort
    assert cohort.course_key == course.translation_key
    assert (cohort.name, cohort.capacity, cohort.member_count) == (
        "الدفعة 1",
        DEFAULT_COHORT_CAPACITY,
        1,
    )
    assert not cohort.mentors.exists()


def test_closed_cohorts_take_nobody_and_the_track_can_stop_new_cohorts(db, course, on_commit):
    Cohort.objects.create(course=course, name="مغلقة", is_open=False)
    Intake.objects.create(track=course.track, open_new_cohorts=False)
    learner = make_user("waiting")
    on_commit(enrol, learner, course)
    assert not CohortMembership.objects.filter(learner=learner).exists()
    assert counts(course) == {"مغلقة": 0}
    # The course's own settings win over its track's.
    Intake.objects.create(course=course, open_new_cohorts=True, cohort_capacity=10)
    assert place_in_open_cohort(learner, course.translation_key).cohort.capacity == 10


def test_the_member_count_follows_adds_moves_and_deletes(db, course):
    a = Cohort.objects.create(course=course, name="A")
    b = Cohort.objects.create(course=course, name="B")
    stale_a = Cohort.objects.get(pk=a.pk)
    one = CohortMembership.objects.create(cohort=a, learner=make_user("one"))
    CohortMembership.objects.create(cohort=a, learner=make_user("two"))
    assert counts(course) == {"A": 2, "B": 0}
    # An instance read before the learners joined does not write its old count back.
    stale_a.capacity = 30
    stale_a.save()
    assert counts(course) == {"A": 2, "B": 0}
    one.cohort = b
    one.save()
    assert counts(course) == {"A": 1, "B": 1}
    one.delete()
    assert counts(course) == {"A": 1, "B": 0}
    Cohort.objects.update(member_count=7)
    Cohort.objects.recount()
    assert counts(course) == {"A": 1, "B": 0}


def test_enrolment_costs_the_same_queries_whatever_the_cohort_size(
    db, course, django_capture_on_commit_callbacks, client
):
    cohort = Cohort.objects.create(course=course, name="كبيرة")
    url = reverse("learning:enrol", args=[course.pk])

    def enrol_counted(name):
        client.force_login(make_user(name))
        with (
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = client.post(url)
        assert response.status_code == 302
        return [query["sql"] for query in captured.captured_queries]

    enrol_counted("warm")
    small = enrol_counted("small")
    # Fill the cohort with a few hundred learners (written in bulk, then counted once).
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bulk{n}", email=f"bulk{n}@example.com") for n in range(300)
    )
    CohortMembership.objects.bulk_create(
        CohortMembership(cohort=cohort, learner=user, course_key=cohort.course_key)
        for user in users
    )
    Cohort.objects.filter(pk=cohort.pk).recount()
    large = enrol_counted("large")

    assert len(large) == len(small)
    assert CohortMembership.objects.get(learner__username="large").cohort == cohort
    cohort.refresh_from_db()
    assert cohort.member_count == 303
    # Nothing counts the memberships: the cohort row carries the number.
    assert not [sql for sql in large if "COUNT(" in sql.upper() and "cohortmembership" in sql]


# --- who reviews ----------------------------------------------------------------------


def test_work_in_a_cohort_without_mentors_goes_to_the_lead_then_the_default_mentors(
    db, lesson, course, on_commit
):
    lonely = Cohort.objects.create(course=course, name="بلا مرشد")
    learner = make_user("amal")
    on_commit(enrol, learner, course)
    assert CohortMembership.objects.get(learner=learner).cohort == lonely
    by_track = make_user("track_mentor", [MENTORS_GROUP])
    by_course = make_user("course_mentor", [MENTORS_GROUP])
    bystander = make_user("bystander", [MENTORS_GROUP])
    Intake.objects.create(track=course.track).default_mentors.add(by_track)
    other_course = CoursePageFactory(track=course.track)
    Cohort.objects.create(course=other_course, name="أخرى").mentors.add(bystander)

    submission = on_commit(hand_in, learner, lesson)
    assert submission.cohort == lonely
    # Nobody mentors the cohort and the course has no lead mentor: the track's default.
    assert notify.mentors_for(submission) == [by_track]
    assert Notice.objects.get(kind="submission_arrived").user == by_track
    assert list(reviewable_submissions(by_track)) == [submission]
    assert not reviewable_submissions(bystander).exists()

    # A course's own default mentors come before its track's.
    Intake.objects.create(course=course).default_mentors.add(by_course)
    assert notify.mentors_for(submission) == [by_course]
    assert list(reviewable_submissions(by_course)) == [submission]
    assert not reviewable_submissions(make_user("track_again", [MENTORS_GROUP])).exists()

    # A lead mentor of the course comes before the default mentors.
    lead = make_user("lead", [MENTORS_GROUP, LEAD_MENTORS_GROUP])
    Cohort.objects.create(course=course, name="للقائد").mentors.add(lead)
    assert reviewers.reviewers_for(course.translation_key, lonely.pk) == (
        reviewers.LEAD,
        [lead],
    )
    assert list(reviewable_submissions(lead)) == [submission]

    # Once the cohort has a mentor, the work is theirs.
    cohort_mentor = make_user("cohort_mentor", [MENTORS_GROUP])
    lonely.mentors.add(cohort_mentor)
    assert notify.mentors_for(submission) == [cohort_mentor]
    assert list(reviewable_submissions(cohort_mentor)) == [submission]
    fresh_default = get_user_model().objects.get(pk=by_course.pk)
    assert not reviewable_submissions(fresh_default).exists()


def test_a_learner_in_no_cohort_is_seen_by_the_default_mentors(db, lesson, course, on_commit):
    Intake.objects.create(course=course, open_new_cohorts=False)
    Intake.objects.get(course=course).default_mentors.add(
        default := make_user("default", [MENTORS_GROUP])
    )
    learner = make_user("nocohort")
    on_commit(enrol, learner, course)
    submission = on_commit(hand_in, learner, lesson)
    assert submission.cohort is None
    assert notify.mentors_for(submission) == [default]
    assert list(reviewable_submissions(default)) == [submission]


def test_work_handed_in_before_placement_joins_the_cohort_she_is_then_placed_in(
    db, lesson, course, on_commit
):
    """Handed in while no cohort had room (or in the request that enrolled her, before
    the placement ran): once she is placed, the cohort's mentors get the work."""
    Intake.objects.create(course=course, open_new_cohorts=False)
    learner = make_user("early")
    on_commit(enrol, learner, course)
    submission = on_commit(hand_in, learner, lesson)
    assert submission.cohort is None
    mentor = make_user("karim", [MENTORS_GROUP])
    cohort = Cohort.objects.create(course=course, name="الأولى")
    cohort.mentors.add(mentor)

    on_commit(CohortMembership.objects.create, cohort=cohort, learner=learner)

    submission.refresh_from_db()
    assert submission.cohort == cohort
    assert list(reviewable_submissions(mentor)) == [submission]
    assert list(Notice.objects.values_list("user__username", flat=True)) == ["karim"]


# --- moving a learner -----------------------------------------------------------------


def test_moving_a_learner_moves_her_unclaimed_work_and_tells_the_new_mentors(
    roles, lesson, course, khamsat, on_commit
):
    learner, cohort_a, cohort_b = roles["learner"], roles["cohort_a"], roles["cohort_b"]
    waiting = on_commit(hand_in, learner, lesson)
    claimed = on_commit(hand_in, learner, make_lesson(khamsat, parent=course))
    decided = on_commit(hand_in, learner, make_lesson(khamsat, parent=course))
    Submission.objects.filter(pk=claimed.pk).update(
        state=State.IN_REVIEW,
        claimed_by=roles["mentor"],
        claim_expires_at=timezone.now() + timedelta(hours=1),
    )
    Submission.objects.filter(pk=decided.pk).update(state=State.APPROVED, waiting_since=None)
    Notice.objects.all().delete()

    membership = CohortMembership.objects.get(learner=learner)
    membership.cohort = cohort_b
    on_commit(membership.save)

    cohorts = dict(Submission.objects.filter(learner=learner).values_list("pk", "cohort"))
    assert cohorts == {waiting.pk: cohort_b.pk, claimed.pk: cohort_a.pk, decided.pk: cohort_a.pk}
    # Cohort B's mentors are told; the work is in their queue, not in cohort A's.
    told = set(Notice.objects.values_list("user__username", flat=True))
    assert told == {"othermentor", "lead"}
    assert waiting in reviewable_submissions(roles["other_mentor"])
    assert waiting not in reviewable_submissions(roles["mentor"])
    assert counts(course) == {"A": 0, "B": 2}


def test_the_admin_moves_a_learner_within_her_course_only(roles, course, client):
    editor = roles["editor"]
    client.force_login(editor)
    membership = CohortMembership.objects.get(learner=roles["learner"])
    elsewhere = Cohort.objects.create(course=CoursePageFactory(), name="بعيدة")
    url = reverse("cohort_members:edit", args=[membership.pk])
    refused = client.post(url, {"cohort": elsewhere.pk, "learner": roles["learner"].pk})
    assert refused.status_code == 200
    assert list(refused.context["form"].errors) == ["cohort"]
    moved = client.post(url, {"cohort": roles["cohort_b"].pk, "learner": roles["learner"].pk})
    assert moved.status_code == 302
    membership.refresh_from_db()
    assert membership.cohort == roles["cohort_b"]
    assert counts(course) == {"A": 0, "B": 2}


# --- what the learner is told -----------------------------------------------------------


def test_the_learner_sees_who_will_review_and_by_when(
    catalogue_page, khamsat, client, settings, on_commit
):
    settings.BIDAYA_REVIEW_SLA_HOURS = 48
    course = CoursePageFactory(parent=catalogue_page)
    lesson = make_lesson(khamsat, parent=course)
    Cohort.objects.create(course=course, name="A").mentors.add(make_user("samira", [MENTORS_GROUP]))
    learner = make_user("learner")
    on_commit(enrol, learner, course)
    client.force_login(learner)
    workspace = reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": lesson.pk, "assignment_id": lesson.assignment_id},
    )
    for url in (lesson.url, workspace):
        # Before handing in: the cohort's mentor and the promised delay.
        page = client.get(url).content.decode()
        assert "يراجعه <bdi>Samira</bdi> خلال 48 ساعة من تسليمك." in page, url

    submission = hand_in(learner, lesson)
    due = timezone.localtime(submission.waiting_since + timedelta(hours=48))
    for url in (lesson.url, workspace, reverse("learning:dashboard")):
        page = client.get(url).content.decode()
        assert f'data-review-due="{due.isoformat()}"' in page, url
        assert "سيراجعه مرشدك <bdi>Samira</bdi> قبل" in page, url
