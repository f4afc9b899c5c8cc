"""Read-only analytics for editors and moderators, with a token or a session.

The same figures as the admin pages (``analytics.reading``), with the same privacy
threshold: a hidden figure is ``null``. Anyone without the analytics permission gets
403, whoever they are.
"""

from uuid import UUID

from ninja import Router

from django.utils.translation import gettext_lazy as _

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, Refusal
from analytics import privacy, reading
from analytics.api.schemas import (
    AnalyticsCourseOut,
    AnalyticsCoursesOut,
    AnalyticsMentoringOut,
    AnalyticsOutcomesOut,
    AnalyticsQuizOut,
    AnalyticsQuizSummaryOut,
    AnalyticsVideoOut,
    AnalyticsVideoSummaryOut,
)
from analytics.models import Snapshot
from analytics.views.base import may_see
from learning.api.schemas import BlockId

router = Router(tags=["analytics"], auth=learner_auth)


class NotAllowed(Refusal):
    status = 403
    code = "forbidden"
    message = _("Only editors and moderators see the analytics.")


class NotFound(Refusal):
    status = 404
    code = "not_found"
    message = _("There are no figures for this.")


def _allowed(request):
    if not may_see(request.user):
        raise NotAllowed()


def _found(value):
    if value is None:
        raise NotFound()
    return value


@router.get(
    "/analytics/courses",
    response={200: AnalyticsCoursesOut, **COMMON_ERRORS},
    summary="Courses and tracks",
)
def courses(request):
    _allowed(request)
    return {
        "min_learners": privacy.min_learners(),
        "computed_at": reading.computed_at(Snapshot.Kind.COURSE),
        "tracks": reading.tracks(),
        "courses": reading.courses(),
    }


@router.get(
    "/analytics/courses/{course_key}",
    response={200: AnalyticsCourseOut, **COMMON_ERRORS},
    summary="A course's funnel, drop-off and enrolments per week",
)
def course(request, course_key: UUID):
    _allowed(request)
    return _found(reading.course(str(course_key)))


@router.get(
    "/analytics/videos",
    response={200: list[AnalyticsVideoSummaryOut], **COMMON_ERRORS},
    summary="Videos",
)
def videos(request):
    _allowed(request)
    return reading.videos()


@router.get(
    "/analytics/videos/{lesson_key}/{video_id}",
    response={200: AnalyticsVideoOut, **COMMON_ERRORS},
    summary="A video's audience retention and re-watched passages",
)
def video(request, lesson_key: UUID, video_id: BlockId):
    _allowed(request)
    return _found(reading.video(f"{lesson_key}/{video_id}"))


@router.get(
    "/analytics/quizzes",
    response={200: list[AnalyticsQuizSummaryOut], **COMMON_ERRORS},
    summary="Quizzes",
)
def quizzes(request):
    _allowed(request)
    return reading.quizzes()


@router.get(
    "/analytics/quizzes/{lesson_key}/{quiz_id}",
    response={200: AnalyticsQuizOut, **COMMON_ERRORS},
    summary="A quiz's item statistics",
)
def quiz(request, lesson_key: UUID, quiz_id: BlockId):
    _allowed(request)
    return _found(reading.quiz(f"{lesson_key}/{quiz_id}"))


@router.get(
    "/analytics/mentoring",
    response={200: AnalyticsMentoringOut, **COMMON_ERRORS},
    summary="Mentoring",
)
def mentoring(request):
    _allowed(request)
    return _found(reading.mentoring())


@router.get(
    "/analytics/outcomes",
    response={200: AnalyticsOutcomesOut, **COMMON_ERRORS},
    summary="Outcomes of the learners who agreed to be counted",
)
def outcomes(request):
    _allowed(request)
    return _found(reading.outcomes())
