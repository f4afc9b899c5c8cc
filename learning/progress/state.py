"""Reading a learner's progress for pages and the API, in a fixed number of queries.

Every function takes whole lists of pages, so a course with three lessons and one with
thirty cost the same queries. Results computed for one request are kept on it, since
a course page asks for the same rows from several places (syllabus, header, actions).
"""

import uuid
from collections import defaultdict

from config.prepared import Prepared
from learning.models import ComponentKind, ComponentProgress, Enrolment, LessonProgress

NOT_STARTED = "not_started"
STARTED = "started"
DONE = "done"
# A saved position this close to the end of a video already done restarts it instead.
END_MARGIN_SECONDS = 5.0


# The queries every lesson page asks, compiled once.
_ENROLMENTS = Prepared(
    lambda user_id, keys: Enrolment.objects.filter(user_id=user_id, course_key__in=keys),
    user_id=int,
    keys=[uuid.UUID],
)
_LESSON_ROWS = Prepared(
    lambda user_id, keys: LessonProgress.objects.filter(user_id=user_id, lesson_key__in=keys),
    user_id=int,
    keys=[uuid.UUID],
)
_COMPONENT_ROWS = Prepared(
    lambda user_id, key, ids: ComponentProgress.objects.filter(
        user_id=user_id, lesson_key=key, component_id__in=ids
    ),
    user_id=int,
    key=uuid.UUID,
    ids=[str],
)


def _uuids(keys):
    return [uuid.UUID(key) for key in keys]


def _memo(request, name, key, compute):
    if request is None:
        return compute()
    store = request.__dict__.setdefault("_lms_memo", {})
    slot = (name, key)
    if slot not in store:
        store[slot] = compute()
    return store[slot]


def is_learner(user):
    return bool(user is not None and getattr(user, "is_authenticated", False))


def enrolments_by_course(user, course_keys, request=None):
    """``{course_key: Enrolment}`` for the given courses (any status)."""
    if not is_learner(user) or not course_keys:
        return {}
    keys = tuple(sorted({str(k) for k in course_keys}))

    def compute():
        rows = _ENROLMENTS(user_id=user.pk, keys=_uuids(keys))
        return {str(row.course_key): row for row in rows}

    return _memo(request, "enrolments", (user.pk, keys), compute)


def lesson_rows(user, lesson_keys, request=None):
    """``{lesson_key: LessonProgress}`` for the given lessons."""
    if not is_learner(user) or not lesson_keys:
        return {}
    keys = tuple(sorted({str(k) for k in lesson_keys}))

    def compute():
        rows = _LESSON_ROWS(user_id=user.pk, keys=_uuids(keys))
        return {str(row.lesson_key): row for row in rows}

    return _memo(request, "lessons", (user.pk, keys), compute)


def _memoized_lesson_row(user, lesson_key, request):
    """The lesson's progress row (or None) if this request already read it with others
    (the syllabus does); ``False`` when it has not."""
    store = request.__dict__.get("_lms_memo", {}) if request is not None else {}
    key = str(lesson_key)
    for (name, (user_pk, keys)), rows in store.items():
        if name == "lessons" and user_pk == user.pk and key in keys:
            return rows.get(key)
    return False


def lesson_statuses(user, lessons, request=None):
    """``{lesson.pk: "started" | "done"}``; lessons not started are absent."""
    keys = [str(lesson.translation_key) for lesson in lessons]
    rows = lesson_rows(user, keys, request)
    result = {}
    for lesson in lessons:
        row = rows.get(str(lesson.translation_key))
        if row is not None:
            result[lesson.pk] = row.status
    return result


def course_percent(done, total):
    if not total:
        return 0
    return min(100, round(100 * done / total))


def course_summaries(user, courses, request=None):
    """``{course.pk: {"percent", "done", "total", "started", …}}`` for enrolled courses.

    Each course needs ``lesson_count`` set (``courses.models.attach_course_stats``).
    """
    enrolments = enrolments_by_course(user, [c.translation_key for c in courses], request)
    if not enrolments:
        return {}
    done_counts = defaultdict(int)
    started = set()
    rows = LessonProgress.objects.filter(user=user, course_key__in=list(enrolments)).values_list(
        "course_key", "done_at"
    )
    for course_key, done_at in rows:
        started.add(str(course_key))
        if done_at:
            done_counts[str(course_key)] += 1
    result = {}
    for course in courses:
        enrolment = enrolments.get(str(course.translation_key))
        if enrolment is None or not enrolment.is_active:
            continue
        total = getattr(course, "lesson_count", 0)
        done = min(done_counts[str(course.translation_key)], total)
        percent = 100 if enrolment.completed_at else course_percent(done, total)
        result[course.pk] = {
            "percent": percent,
            "done": done,
            "total": total,
            "enrolment": enrolment,
            "completed": bool(enrolment.completed_at),
            "started": str(course.translation_key) in started,
        }
    return result


def video_rows(user, course_key, request=None):
    """The learner's video progress rows in a course, most recent first."""
    if not is_learner(user):
        return []

    def compute():
        return list(
            ComponentProgress.objects.filter(
                user=user, course_key=course_key, kind=ComponentKind.VIDEO
            )
            .only(
                "lesson_key",
                "component_id",
                "position",
                "duration",
                "done_at",
                "updated_at",
                "watched_seconds",
            )
            .order_by("-updated_at")
        )

    return _memo(request, "videos", (user.pk, str(course_key)), compute)


def resume_position(row):
    """Where the learner picks the video up: where she stopped, unless she finished it.

    A video she has not finished resumes even from its last seconds (the player starts
    a little before the end); one that is done and was left near its end starts over.
    """
    if row is None:
        return 0.0
    if row.done_at and row.duration and row.position >= row.duration - END_MARGIN_SECONDS:
        return 0.0
    return round(row.position, 1)


def continue_target(user, course, lessons, request=None):
    """``(lesson, seconds)`` where the learner should pick up, or ``(None, 0)`` when done."""
    if not lessons or not is_learner(user):
        return None, 0.0
    rows = lesson_rows(user, [lesson.translation_key for lesson in lessons], request)
    videos = video_rows(user, course.translation_key, request)
    return pick_continue(lessons, rows, videos)


def pick_continue(lessons, rows, videos):
    """The lesson last worked on if unfinished, else the first unfinished one in order.

    ``rows`` maps lesson keys to ``LessonProgress``; ``videos`` are the course's video
    progress rows, most recent first. The seconds are the saved position of the target
    lesson's most recently watched video.
    """
    by_key = {str(lesson.translation_key): lesson for lesson in lessons}
    latest_video = {}
    for row in videos:
        latest_video.setdefault(str(row.lesson_key), row)
    recent = None
    recent_at = None
    for key, row in rows.items():
        if key not in by_key:
            continue
        when = row.last_activity_at or row.started_at
        video = latest_video.get(key)
        if video is not None and video.updated_at > when:
            when = video.updated_at
        if recent_at is None or when > recent_at:
            recent, recent_at = key, when
    if recent is not None and rows[recent].done_at is None:
        target = by_key[recent]
    else:
        target = next(
            (
                lesson
                for lesson in lessons
                if str(lesson.translation_key) not in rows
                or rows[str(lesson.translation_key)].done_at is None
            ),
            None,
        )
    if target is None:
        return None, 0.0
    return target, resume_position(latest_video.get(str(target.translation_key)))


def lesson_state(user, info, request=None):
    """The learner's state in one lesson, for the API and the lesson page.

    With ``request``, the lesson's progress row comes from the syllabus's rows when the
    page already read them.
    """
    progress = _memoized_lesson_row(user, info.key, request)
    if progress is False:
        progress = next(iter(_LESSON_ROWS(user_id=user.pk, keys=_uuids([info.key]))), None)
    rows = {
        row.component_id: row
        for row in _COMPONENT_ROWS(
            user_id=user.pk, key=uuid.UUID(str(info.key)), ids=list(info.required_ids)
        )
    }
    components = []
    for component in info.components:
        row = rows.get(component.id)
        item = {
            "id": component.id,
            "kind": component.kind,
            "done": bool(row and row.done_at),
        }
        if component.kind == ComponentKind.VIDEO:
            item.update(
                {
                    "video_id": component.video_id,
                    "duration": component.duration,
                    "position": resume_position(row),
                    "watched_seconds": row.watched_seconds if row else 0.0,
                    "coverage": round(row.coverage, 4) if row else 0.0,
                }
            )
        components.append(item)
    status = NOT_STARTED if progress is None else progress.status
    return {
        "lesson_id": info.id,
        "course_id": info.course_id,
        "status": status,
        "done_at": progress.done_at if progress else None,
        "components": components,
    }
