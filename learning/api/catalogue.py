"""The public catalogue, with the caller's state when they are signed in."""

from ninja import Path, Query, Router, Schema
from pydantic import Field

from django.db.models import Q
from django.utils import translation

from accounts.api.auth import token_auth
from accounts.api.problems import Problem
from courses.models import CoursePage, Level, Track, attach_course_stats
from learning.api.schemas import MAX_ID, CourseDetail, CourseOut, LessonLink, LessonOutline
from learning.links import page_url, resume_url
from learning.progress import state
from learning.progress.errors import NotFound

router = Router(tags=["catalogue"])


def caller(request):
    """The signed-in user (session or bearer token), or ``None``: reading needs neither."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = token_auth.authenticate(request, header[7:].strip())
        if user is not None:
            return user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class CatalogueFilters(Schema):
    track: Track | None = None
    level: Level | None = None
    language: str | None = Field(
        None, pattern=r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$", description="Language of instruction."
    )


def course_out(course, request, summary=None, user=None):
    return {
        "id": course.pk,
        "key": course.translation_key,
        "title": course.title,
        "url": page_url(course, request),
        "language": course.language,
        "track": course.track,
        "level": course.level,
        "summary": course.summary,
        "lesson_count": getattr(course, "lesson_count", 0),
        "video_seconds": float(getattr(course, "video_seconds", 0) or 0),
        "enrolled": None if user is None else summary is not None,
        "progress_percent": summary["percent"] if summary else None,
    }


def site_language_q():
    language = (translation.get_language() or "").split("-")[0]
    return Q(locale__language_code=language) if language else Q()


@router.get(
    "/catalogue",
    response={200: list[CourseOut], 422: Problem},
    auth=None,
    summary="Courses in the catalogue",
    description="Live courses in the request's language (Accept-Language), in catalogue "
    "order. Signed-in callers also get whether they are enrolled and their progress.",
)
def catalogue(request, filters: Query[CatalogueFilters]):
    courses = CoursePage.objects.live().public().filter(site_language_q())
    for name in ("track", "level", "language"):
        value = getattr(filters, name)
        if value:
            courses = courses.filter(**{name: value})
    courses = list(courses.order_by("path"))
    attach_course_stats(courses)
    user = caller(request)
    summaries = state.course_summaries(user, courses, request) if user else {}
    return [course_out(c, request, summaries.get(c.pk), user) for c in courses]


@router.get(
    "/catalogue/{course_id}",
    response={200: CourseDetail, 404: Problem, 422: Problem},
    auth=None,
    summary="One course with its syllabus",
)
def course_detail(request, course_id: int = Path(..., ge=1, le=MAX_ID)):
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        raise NotFound()
    lessons = list(course.lessons())
    attach_course_stats([course], lessons=lessons)
    user = caller(request)
    statuses = state.lesson_statuses(user, lessons, request) if user else {}
    summary = state.course_summaries(user, [course], request).get(course.pk) if user else None
    data = course_out(course, request, summary, user)
    data["lessons"] = [
        LessonOutline(
            id=lesson.pk,
            title=lesson.title,
            url=page_url(lesson, request),
            kinds=list(lesson.kinds or []),
            video_seconds=float(lesson.video_seconds or 0),
            status=statuses.get(lesson.pk, state.NOT_STARTED),
        )
        for lesson in lessons
    ]
    data["continue_at"] = None
    if summary is not None:
        target, position = state.continue_target(user, course, lessons, request)
        if target is not None:
            data["continue_at"] = LessonLink(
                id=target.pk,
                title=target.title,
                url=resume_url(target, position, request),
                position=position,
            )
    return data
