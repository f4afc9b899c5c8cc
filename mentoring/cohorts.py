"""Placing learners in cohorts, keeping each cohort's member count, moving learners.

Enrolment places the learner in the emptiest open cohort of the course with room; when
every cohort is full or closed, a new one is opened with the course's intake settings
(``mentoring.models.Intake``) and the mentors of the course's latest cohort. The count
of members lives on the cohort and changes by ``F()`` updates as memberships are added,
moved or deleted (by enrolment, the admin or a script alike), so placing a learner
costs the same few queries however many learners the course has.

A learner moved to another cohort of the course takes her waiting work along: her
unclaimed submissions join the new cohort's queue, and its mentors are told. So does
a learner placed in her first cohort after handing in.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext

from courses.models import CoursePage
from learning import signals
from mentoring import notify
from mentoring.models import DEFAULT_COHORT_CAPACITY, Cohort, CohortMembership, Submission
from mentoring.reviewers import intakes_for
from mentoring.states import FINAL, WAITING

logger = logging.getLogger(__name__)

ATTEMPTS = 5


def place_in_open_cohort(user, course_key):
    """Put the learner in a cohort of the course; return the membership.

    A learner already in a cohort of the course stays there (re-joining after leaving
    finds their mentors again). Returns None only when every cohort is full or closed
    and the course's intake settings say not to open a new one: the work then goes to
    the course's lead mentors or its default mentors (``mentoring.reviewers``).
    """
    existing = CohortMembership.objects.filter(learner=user, course_key=course_key).first()
    if existing is not None:
        return existing
    for _attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                cohort = _lock_cohort_with_room(course_key) or _open_cohort(course_key)
                if cohort is None:
                    logger.warning("No cohort with room for course %s", course_key)
                    return None
                with transaction.atomic():
                    # The post_save receiver adds one to the count, under the lock.
                    return CohortMembership.objects.create(cohort=cohort, learner=user)
        except IntegrityError:
            # Placed by another request at the same moment, or another request opened a
            # cohort with the same name first: look again.
            existing = CohortMembership.objects.filter(learner=user, course_key=course_key)
            if existing.exists():
                return existing.first()
    raise RuntimeError(f"Could not place user {user.pk} in a cohort of course {course_key}")


def _lock_cohort_with_room(course_key):
    """The emptiest open cohort with room, its row locked until the transaction ends.

    Two enrolments that pick the same cohort take turns; the second re-checks the row
    (READ COMMITTED re-reads a locked row) and finds nothing if the first took the last
    seat, so it asks once more, now seeing the first one's count.
    """
    for _look in range(2):
        cohort = Cohort.objects.open_for(course_key).select_for_update().first()
        if cohort is not None:
            return cohort
    return None


def _open_cohort(course_key):
    """A new cohort for the course, or None when its intake settings say not to."""
    intakes = intakes_for(course_key)
    intake = intakes[0] if intakes else None
    if intake is not None and not intake.open_new_cohorts:
        return None
    latest = Cohort.objects.filter(course_key=course_key).order_by("-pk").first()
    # A cohort outlives its course page (course emptied); open under a live page only.
    course = (latest.course if latest is not None and latest.course_id else None) or _course(
        course_key
    )
    if course is None:
        return None
    names = set(Cohort.objects.filter(course_key=course_key).values_list("name", flat=True))
    number = len(names)
    with translation.override(settings.LANGUAGE_CODE):
        name = ""
        while not name or name in names:
            number += 1
            name = gettext("Cohort %(number)s") % {"number": number}
    with transaction.atomic():
        cohort = Cohort.objects.create(
            course=course,
            name=name,
            capacity=intake.cohort_capacity if intake else DEFAULT_COHORT_CAPACITY,
        )
    if latest is not None:
        cohort.mentors.set(latest.mentors.all())
    logger.info("Opened cohort %s for course %s", cohort.pk, course_key)
    return cohort


def _course(course_key):
    """The course page in the site's default language if it has one."""
    rows = CoursePage.objects.filter(translation_key=course_key).select_related("locale")
    pages = sorted(rows, key=lambda p: p.locale.language_code != settings.LANGUAGE_CODE)
    return pages[0] if pages else None


@receiver(signals.enrolled, dispatch_uid="mentoring.place_in_open_cohort")
def _on_enrolled(sender, user, course_key, **kwargs):
    place_in_open_cohort(user, course_key)


# --- the member count and moves --------------------------------------------------------


def _add(cohort_id, delta):
    rows = Cohort.objects.filter(pk=cohort_id)
    if delta < 0:
        rows = rows.filter(member_count__gte=-delta)
    rows.update(member_count=F("member_count") + delta)


@receiver(pre_save, sender=CohortMembership, dispatch_uid="mentoring.membership_before")
def _remember_cohort(sender, instance, raw=False, **kwargs):
    instance._previous_cohort_id = None
    if instance.pk and not raw:
        instance._previous_cohort_id = (
            CohortMembership.objects.filter(pk=instance.pk).values_list("cohort", flat=True).first()
        )


@receiver(post_save, sender=CohortMembership, dispatch_uid="mentoring.membership_saved")
def _membership_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_previous_cohort_id", None)
    if created:
        _add(instance.cohort_id, 1)
        # Work handed in before she had a cohort (none had room, or the hand-in came in
        # the request that enrolled her) reaches no queue until it joins this one.
        move_waiting_work(instance)
    elif previous and previous != instance.cohort_id:
        _add(previous, -1)
        _add(instance.cohort_id, 1)
        move_waiting_work(instance)


@receiver(post_delete, sender=CohortMembership, dispatch_uid="mentoring.membership_deleted")
def _membership_deleted(sender, instance, **kwargs):
    _add(instance.cohort_id, -1)


def move_waiting_work(membership):
    """Move the learner's unclaimed, undecided work in the course to her cohort now.

    Work a mentor holds a live claim on stays where it is until they decide; decided
    work keeps the cohort it was reviewed in. The new cohort's mentors are told of each
    waiting piece. Returns the number of submissions moved.
    """
    now = timezone.now()
    live_claim = Q(claimed_by__isnull=False, claim_expires_at__gt=now)
    moving = list(
        Submission.objects.filter(
            learner_id=membership.learner_id, course_key=membership.course_key
        )
        .exclude(cohort_id=membership.cohort_id)
        .exclude(state__in=FINAL)
        .exclude(live_claim)
        .values_list("pk", "state")
    )
    if not moving:
        return 0
    Submission.objects.filter(pk__in=[pk for pk, _state in moving]).update(
        cohort_id=membership.cohort_id, updated_at=now
    )
    for pk, state in moving:
        if state in WAITING:
            transaction.on_commit(lambda pk=pk: notify.submission_arrived(pk))
    return len(moving)
