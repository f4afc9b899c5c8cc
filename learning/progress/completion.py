"""Completing components, lessons and courses, each exactly once.

"Exactly once" rests on two things: every completion runs with the learner's
enrolment row locked (see :func:`learning.progress.enrolment.lock_enrolment`), so two
requests finishing the last two lessons cannot both miss each other's work; and each
"done" is written with a conditional UPDATE (``… WHERE done_at IS NULL``), so only
the request whose update changed a row records it and sends the signal.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from learning import signals
from learning.models import Activity, ComponentKind, ComponentProgress, Enrolment, LessonProgress
from learning.progress import lessons as lesson_index
from learning.progress.enrolment import lock_enrolment
from learning.progress.errors import LearningError, NotFound


@dataclass
class Completion:
    component_done: bool = False
    lesson_done: bool = False
    course_done: bool = False
    # True only for the call that recorded the fact (the one that sent the signal).
    lesson_completed_now: bool = False
    course_completed_now: bool = False


def component_row(user, info, component, now, *, lock=True):
    """The learner's row for a component, created if missing, locked if asked."""
    rows = ComponentProgress.objects.filter(
        user=user, lesson_key=info.key, component_id=component.id
    )
    if lock:
        rows = rows.select_for_update()
    row = rows.first()
    if row is not None:
        return row, False
    try:
        with transaction.atomic():
            row = ComponentProgress.objects.create(
                user=user,
                course_key=info.course_key,
                lesson_key=info.key,
                component_id=component.id,
                kind=component.kind,
                duration=component.duration,
                created_at=now,
                updated_at=now,
            )
    except IntegrityError:
        return rows.get(), False
    return row, True


def start_lesson(user, info, now):
    """Record that the learner started (or is again working on) the lesson."""
    if LessonProgress.objects.filter(user=user, lesson_key=info.key).update(last_activity_at=now):
        return
    try:
        with transaction.atomic():
            LessonProgress.objects.create(
                user=user,
                course_key=info.course_key,
                lesson_key=info.key,
                started_at=now,
                last_activity_at=now,
            )
    except IntegrityError:
        return


def settle(user, info, enrolment, now, result=None):
    """Record the lesson, then the course, as done if everything they need is done.

    The caller holds the enrolment lock inside a transaction.
    """
    result = result or Completion()
    start_lesson(user, info, now)
    required = info.required_ids
    done = set(
        ComponentProgress.objects.filter(
            user=user, lesson_key=info.key, component_id__in=required, done_at__isnull=False
        ).values_list("component_id", flat=True)
    )
    if not set(required) <= done:
        return result
    result.lesson_done = True
    recorded = LessonProgress.objects.filter(
        user=user, lesson_key=info.key, done_at__isnull=True
    ).update(done_at=now, last_activity_at=now)
    if recorded:
        result.lesson_completed_now = True
        Activity.objects.create(
            user=user,
            kind=Activity.Kind.LESSON_DONE,
            course_key=info.course_key,
            lesson_key=info.key,
            created_at=now,
            data={"lesson_id": info.id},
        )
        transaction.on_commit(
            lambda: signals.lesson_completed.send(
                sender=LessonProgress,
                user=user,
                lesson_key=info.key,
                course_key=info.course_key,
                lesson_id=info.id,
                completed_at=now,
            )
        )
    settle_course(user, info, enrolment, now, result)
    return result


def settle_course(user, info, enrolment, now, result):
    if enrolment.completed_at:
        result.course_done = True
        return result
    keys = lesson_index.course_lesson_keys(info.course_id)
    if not keys:
        return result
    done = LessonProgress.objects.filter(
        user=user, lesson_key__in=keys, done_at__isnull=False
    ).count()
    if done < len(keys):
        return result
    result.course_done = True
    recorded = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    if recorded:
        enrolment.completed_at = now
        result.course_completed_now = True
        Activity.objects.create(
            user=user, kind=Activity.Kind.COURSE_DONE, course_key=info.course_key, created_at=now
        )
        transaction.on_commit(
            lambda: signals.course_completed.send(
                sender=Enrolment,
                user=user,
                course_key=info.course_key,
                course_id=info.course_id,
                completed_at=now,
            )
        )
    return result


def mark_component_done(user, info, component, enrolment, now):
    """Inside a locked transaction: the component done, then the lesson and course."""
    row, _created = component_row(user, info, component, now)
    result = Completion(component_done=True)
    if row.done_at is None:
        ComponentProgress.objects.filter(pk=row.pk, done_at__isnull=True).update(
            done_at=now, updated_at=now
        )
    return settle(user, info, enrolment, now, result)


def complete_component(user, lesson, component_id, kind=None, *, require_active=False):
    """Mark one component of a lesson done for a learner; the public entry point.

    ``lesson`` is a ``LessonPage`` or its id. The mentor review calls this with
    ``kind="assignment"`` when a mentor approves a submission (or on submission, for an
    assignment block that needs no approval). The learner must have an enrolment in the
    course; with ``require_active=False`` one they have since left still counts, so an
    approval that arrives after leaving is not lost. Returns a :class:`Completion`.
    Lesson and course completions it causes send their signals after commit.
    """
    if isinstance(lesson, int | str):
        info = lesson_index.lesson_info(int(lesson))
    else:
        info = lesson_index.lesson_info_for_page(lesson)
    if info is None:
        raise NotFound()
    component = info.component(component_id)
    if component is None:
        raise NotFound()
    if (kind is not None and component.kind != kind) or component.kind == ComponentKind.VIDEO:
        # Videos are finished by watching them (and locked in another order: heartbeats).
        raise LearningError(code="wrong_kind", status=409)
    now = timezone.now()
    with transaction.atomic():
        enrolment = lock_enrolment(user, info.course_key, active=require_active)
        return mark_component_done(user, info, component, enrolment, now)
