"""Enrolments: join a course (free), see yours, leave one."""

from typing import Literal

from ninja import Path, Query, Router, Schema, Status

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, Problem
from accounts.api.throttle import write_throttle
from learning.api.schemas import EnrolmentIn, EnrolmentOut, LessonLink
from learning.dashboard import course_cards
from learning.links import page_url, resume_url
from learning.models import Enrolment
from learning.progress import enrolment as enrolments
from learning.progress.errors import NotFound

router = Router(tags=["enrolments"], auth=learner_auth)


def enrolment_out(card, request):
    enrolment = card.enrolment
    next_lesson = None
    if card.next_lesson is not None:
        next_lesson = LessonLink(
            id=card.next_lesson.pk,
            title=card.next_lesson.title,
            url=resume_url(card.next_lesson, card.next_position, request),
            position=card.next_position,
        )
    return {
        "id": enrolment.pk,
        "course_id": card.course.pk,
        "course_key": enrolment.course_key,
        "course_title": card.course.title,
        "course_url": page_url(card.course, request),
        "status": enrolment.status,
        "enrolled_at": enrolment.enrolled_at,
        "left_at": enrolment.left_at,
        "completed_at": enrolment.completed_at,
        "lessons_done": card.done,
        "lesson_count": len(card.lessons),
        "progress_percent": card.percent,
        "next_lesson": next_lesson,
    }


def one(user, enrolment, request):
    cards, _spent = course_cards(user, [enrolment])
    if not cards:  # the course was unpublished
        raise NotFound()
    return enrolment_out(cards[0], request)


class EnrolmentFilters(Schema):
    status: Literal["active", "left", "all"] = "active"


@router.get(
    "/enrolments",
    response={200: list[EnrolmentOut], **COMMON_ERRORS},
    summary="Your enrolments with progress",
)
def list_enrolments(request, filters: Query[EnrolmentFilters]):
    user = request.auth
    rows = Enrolment.objects.filter(user=user).order_by("-enrolled_at", "-pk")
    if filters.status != "all":
        rows = rows.filter(status=filters.status)
    cards, _spent = course_cards(user, list(rows))
    return [enrolment_out(card, request) for card in cards]


@router.post(
    "/enrolments",
    response={200: EnrolmentOut, 201: EnrolmentOut, **COMMON_ERRORS},
    throttle=[write_throttle],
    summary="Enrol in a course (or re-join one you left)",
    description="201 when this call enrolled you, 200 when you already were.",
)
def create_enrolment(request, data: EnrolmentIn):
    course = enrolments.course_for(data.course_id)
    enrolment, changed = enrolments.enrol(request.auth, course)
    return Status(201 if changed else 200, one(request.auth, enrolment, request))


def own_enrolment(user, enrolment_id):
    enrolment = Enrolment.objects.filter(pk=enrolment_id, user=user).first()
    if enrolment is None:
        # Someone else's enrolment and a missing one look the same.
        raise NotFound()
    return enrolment


@router.get(
    "/enrolments/{enrolment_id}",
    response={200: EnrolmentOut, **COMMON_ERRORS},
    summary="One of your enrolments",
)
def get_enrolment(request, enrolment_id: int = Path(..., ge=1, le=2**63 - 1)):
    return one(request.auth, own_enrolment(request.auth, enrolment_id), request)


@router.delete(
    "/enrolments/{enrolment_id}",
    response={204: None, 409: Problem, **COMMON_ERRORS},
    throttle=[write_throttle],
    summary="Leave a course",
    description="Your progress is kept: enrolling again picks up where you were.",
)
def delete_enrolment(request, enrolment_id: int = Path(..., ge=1, le=2**63 - 1)):
    enrolment = own_enrolment(request.auth, enrolment_id)
    if enrolment.is_active:
        enrolments.leave(request.auth, enrolment.course_key)
    return Status(204, None)
