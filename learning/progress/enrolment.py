"""Enrolling in a course and leaving it. Enrolment is free; leaving keeps the progress."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import CoursePage
from learning import signals
from learning.models import Activity, Enrolment
from learning.progress.errors import NotEnrolled, NotFound


def course_for(course_id):
    """A live, public course by page id, or :class:`NotFound`."""
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        raise NotFound()
    return course


def lock_enrolment(user, course_key, *, active=True):
    """Lock the learner's enrolment row for the rest of the transaction.

    Every write to a learner's progress in a course takes this lock first, so the
    checks "is every lesson done?" and "how many attempts so far?" always see the
    writes of the transaction before them, and locks are always taken in one order.
    """
    rows = Enrolment.objects.select_for_update().filter(user=user, course_key=course_key)
    if active:
        rows = rows.filter(status=Enrolment.Status.ACTIVE)
    enrolment = rows.first()
    if enrolment is None:
        raise NotEnrolled()
    return enrolment


def enrol(user, course):
    """Enrol ``user`` in ``course`` (or re-join it); returns ``(enrolment, changed)``."""
    now = timezone.now()
    key = course.translation_key
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().filter(user=user, course_key=key).first()
        rejoined = False
        if enrolment is None:
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        user=user, course_key=key, created_at=now, enrolled_at=now
                    )
            except IntegrityError:
                # Two tabs enrolling at once: the other one won, which is the same result.
                return Enrolment.objects.get(user=user, course_key=key), False
        elif enrolment.status == Enrolment.Status.ACTIVE:
            return enrolment, False
        else:
            rejoined = True
            enrolment.status = Enrolment.Status.ACTIVE
            enrolment.enrolled_at = now
            enrolment.left_at = None
            enrolment.save(update_fields=["status", "enrolled_at", "left_at"])
        Activity.objects.create(
            user=user, kind=Activity.Kind.ENROLLED, course_key=key, created_at=now
        )
        transaction.on_commit(
            lambda: signals.enrolled.send(
                sender=Enrolment, user=user, course_key=key, course_id=course.pk, rejoined=rejoined
            )
        )
    return enrolment, True


def leave(user, course_key):
    """Leave a course. Progress stays, so re-joining picks up where the learner was."""
    now = timezone.now()
    with transaction.atomic():
        enrolment = lock_enrolment(user, course_key)
        enrolment.status = Enrolment.Status.LEFT
        enrolment.left_at = now
        enrolment.save(update_fields=["status", "left_at"])
        Activity.objects.create(
            user=user, kind=Activity.Kind.LEFT, course_key=course_key, created_at=now
        )
        transaction.on_commit(
            lambda: signals.left.send(sender=Enrolment, user=user, course_key=course_key)
        )
    return enrolment


def active_enrolment(user, course_key):
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrolment.objects.active().filter(user=user, course_key=course_key).first()
