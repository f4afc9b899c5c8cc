"""Who reviews a cohort's work, so that no hand-in waits where nobody can see it.

The chain: the cohort's mentors; for a cohort without any (or a learner in no cohort),
the course's lead mentors (lead mentors who mentor a cohort of the course); for a course
without them, the default mentors editors set on the course's intake settings, else on
its track's. Superusers see everything besides. The notices, the learner's "who will
review and by when" and the default mentors' queue all read this module.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import pgettext

from courses.models import CoursePage
from mentoring.models import (
    LEAD_MENTORS_GROUP,
    MENTORS_GROUP,
    Cohort,
    CohortMembership,
    Intake,
    Submission,
)
from mentoring.states import WAITING
from notifications.outbox import account_name

COHORT, LEAD, DEFAULT = "cohort", "lead", "default"


def mentor_users():
    """Everyone who may review: active people in the Mentors or Lead mentors group."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[MENTORS_GROUP, LEAD_MENTORS_GROUP])
        .distinct()
    )


def sla():
    """How long work may wait for a review: the promise the learner is shown."""
    return timedelta(hours=settings.BIDAYA_REVIEW_SLA_HOURS)


def review_due(submission):
    """When the waiting version should be reviewed by, or None when it is not waiting."""
    return submission.waiting_since + sla() if submission.waiting_since else None


def intakes_for(course_key):
    """The course's own intake settings, then its track's: zero to two rows, one query."""
    track = CoursePage.objects.filter(translation_key=course_key).values("track")[:1]
    rows = Intake.objects.filter(Q(course_key=course_key) | Q(track__in=Subquery(track)))
    return sorted(rows, key=lambda row: row.course_key is None)


def _without_mentors():
    """A condition on Cohort: no active person of the mentor groups mentors it."""
    mentors = mentor_users().filter(mentored_cohorts=OuterRef("pk"))
    return ~Exists(mentors)


def reviewers_for(course_key, cohort_id, exclude=None):
    """``(source, [users])``: who reviews work of this cohort (or of no cohort) in the
    course; ``source`` is COHORT, LEAD, DEFAULT or None when nobody does."""
    people = mentor_users().order_by("first_name", "last_name", "email")
    if exclude is not None:
        people = people.exclude(pk=exclude)
    if cohort_id:
        found = list(people.filter(mentored_cohorts=cohort_id))
        if found:
            return COHORT, found
    leads = people.filter(
        groups__name=LEAD_MENTORS_GROUP,
        mentored_cohorts__in=Cohort.objects.filter(course_key=course_key),
    )
    found = list(leads)
    if found:
        return LEAD, found
    for intake in intakes_for(course_key):
        found = list(people.filter(default_mentor_of=intake))
        if found:
            return DEFAULT, found
    return None, []


def default_scope(user):
    """A Q over Submission for the work that falls back to ``user`` as a default mentor,
    or None: in the courses of their intake rows (or their tracks), the cohorts without
    mentors and the learners in no cohort.

    One query for anyone (their intake rows), one more for a default mentor.
    """
    rows = list(Intake.objects.filter(default_mentors=user).values_list("course_key", "track"))
    if not rows:
        return None
    keys = {key for key, _track in rows if key}
    tracks = {track for _key, track in rows if track}
    if tracks:
        # A track's defaults stand in for its courses without default mentors of their own.
        own = Intake.objects.filter(course_key__isnull=False, default_mentors__isnull=False).values(
            "course_key"
        )
        keys |= set(
            CoursePage.objects.filter(track__in=tracks)
            .exclude(translation_key__in=own)
            .values_list("translation_key", flat=True)
        )
    orphans = list(
        Cohort.objects.filter(course_key__in=keys)
        .filter(_without_mentors())
        .values_list("pk", flat=True)
    )
    return Q(cohort_id__in=sorted(orphans)) | Q(cohort__isnull=True, course_key__in=sorted(keys))


# --- what the learner is told ----------------------------------------------------------


@dataclass
class Promise:
    """Who will review the learner's work and by when: ``due`` once it is waiting,
    else ``sla_hours`` counted from the hand-in."""

    names: list = field(default_factory=list)
    due: datetime | None = None
    claimed: bool = False
    sla_hours: int = 0

    @property
    def names_text(self):
        return pgettext("between names in a list", ", ").join(self.names)


def promise_for(learner, course_key, submission=None, memo=None):
    """The promise for a learner's work in a course (``submission`` may be None or a
    draft: then it says who will review once handed in). ``memo`` shares the look-ups
    of one page between several submissions."""
    memo = {} if memo is None else memo
    result = Promise(sla_hours=settings.BIDAYA_REVIEW_SLA_HOURS)
    if submission is not None and submission.claim_is_live():
        result.names, result.claimed = [account_name(submission.claimed_by)], True
    else:
        if submission is not None and submission.state in WAITING:
            cohort_id = submission.cohort_id
        else:
            cohort_id = (
                CohortMembership.objects.filter(learner=learner, course_key=course_key)
                .values_list("cohort_id", flat=True)
                .first()
            )
        if (course_key, cohort_id) not in memo:
            _source, people = reviewers_for(course_key, cohort_id, exclude=learner.pk)
            memo[course_key, cohort_id] = [account_name(person) for person in people]
        result.names = memo[course_key, cohort_id]
    if submission is not None and submission.state in WAITING:
        result.due = review_due(submission)
    return result


def waiting_work(learner):
    """The learner's work waiting for a mentor, oldest first, each with its promise."""
    rows = list(
        Submission.objects.filter(learner=learner, state__in=WAITING)
        .select_related("claimed_by")
        .order_by("waiting_since", "pk")
    )
    memo = {}
    for row in rows:
        row.promise = promise_for(learner, row.course_key, row, memo)
    return rows
