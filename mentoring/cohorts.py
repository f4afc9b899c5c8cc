"""Placing learners in cohorts."""

import logging

from django.db import IntegrityError, transaction
from django.dispatch import receiver

from learning import signals
from mentoring.models import Cohort, CohortMembership

logger = logging.getLogger(__name__)


def place_in_open_cohort(user, course_key):
    """Put the learner in the emptiest open cohort of the course that has room.

    A learner already in a cohort of the course stays there (re-joining after leaving
    finds their mentors again). Returns the membership, or None when no cohort is open:
    their work then waits for the course's lead mentors.
    """
    existing = CohortMembership.objects.filter(learner=user, course_key=course_key).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        # Lock the candidate cohorts so two learners enrolling together do not both take
        # the last seat.
        candidates = list(
            Cohort.objects.select_for_update()
            .filter(course_key=course_key, is_open=True)
            .values_list("pk", flat=True)
        )
        cohort = Cohort.objects.open_for(course_key).filter(pk__in=candidates).first()
        if cohort is None:
            logger.info("No open cohort with room for course %s", course_key)
            return None
        try:
            with transaction.atomic():
                return CohortMembership.objects.create(cohort=cohort, learner=user)
        except IntegrityError:
            return CohortMembership.objects.filter(learner=user, course_key=course_key).first()


@receiver(signals.enrolled, dispatch_uid="mentoring.place_in_open_cohort")
def _on_enrolled(sender, user, course_key, **kwargs):
    place_in_open_cohort(user, course_key)
