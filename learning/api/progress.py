"""Heartbeats from the player, the state of a lesson, and marking a reading done.

Two doors lead to the same heartbeat logic. ``POST /progress/heartbeats`` takes JSON
and is what the player uses while the page is open (``fetch`` with the
``X-CSRFToken`` header, or a bearer token). ``POST /progress/heartbeats/beacon`` takes
an ``application/x-www-form-urlencoded`` body with ``payload`` (the same JSON) and
``csrfmiddlewaretoken``: ``navigator.sendBeacon``, the one request a closing tab is
sure to send, cannot set headers, and a form body is something Django's CSRF check
reads on its own.
"""

import pydantic
from ninja import Form, Path, Router, Status
from ninja.errors import ValidationError

from accounts.api.auth import learner_auth, session_auth
from accounts.api.problems import COMMON_ERRORS, Problem
from accounts.api.throttle import heartbeat_throttle, write_throttle
from learning.api.schemas import MAX_ID, HeartbeatIn, HeartbeatOut, LessonStateOut
from learning.models import READING_COMPONENT_ID, ComponentKind
from learning.progress import completion, heartbeats, state
from learning.progress import lessons as lesson_index
from learning.progress.enrolment import active_enrolment
from learning.progress.errors import NotFound, RequirementsPending

router = Router(tags=["progress"], auth=learner_auth)

MAX_BEACON_BYTES = 32_000
HEARTBEAT_ERRORS = {**COMMON_ERRORS, 409: Problem}


def apply(request, data):
    beat = heartbeats.Beat(
        event_id=data.event_id,
        lesson_id=data.lesson_id,
        component_id=data.component_id,
        position=data.position,
        intervals=[list(pair) for pair in data.intervals],
        sent_at=data.sent_at,
        age=data.age,
        rung=data.rung,
    )
    return heartbeats.record(request.auth, beat).as_dict()


@router.post(
    "/progress/heartbeats",
    response={200: HeartbeatOut, **HEARTBEAT_ERRORS},
    auth=learner_auth,
    throttle=[heartbeat_throttle],
    summary="Report watched ranges and the playback position",
    description=(
        "Idempotent by `event_id`: resending a heartbeat returns the current state with "
        "`duplicate: true`. Send one with no `intervals` when playback starts: the first "
        "beat of a video opens it and credits nothing, and later beats are credited only "
        "as far as the server's clock since then allows at 2× speed (what does not fit "
        "is reported in `uncredited_seconds`). Refused with 422 `out_of_range` (position "
        "or range outside the video), 422 `unknown_rung` (a `rung` not in the video's "
        "ladder), 403 `not_enrolled`, 409 `event_conflict` (the id "
        "was used for another beat), 429 `rate_limited`."
    ),
)
def post_heartbeat(request, data: HeartbeatIn):
    return apply(request, data)


@router.post(
    "/progress/heartbeats/beacon",
    response={204: None, **HEARTBEAT_ERRORS},
    auth=session_auth,
    throttle=[heartbeat_throttle],
    summary="The same heartbeat, as a form body for navigator.sendBeacon",
    description="Fields: `payload` (the heartbeat JSON) and `csrfmiddlewaretoken`.",
)
def post_heartbeat_beacon(request, payload: Form[str]):
    if len(payload) > MAX_BEACON_BYTES:
        raise ValidationError([{"loc": ["form", "payload"], "type": "too_long", "msg": "too long"}])
    try:
        data = HeartbeatIn.model_validate_json(payload)
    except pydantic.ValidationError as error:
        raise ValidationError(
            [{**e, "loc": ["form", "payload", *e.get("loc", ())]} for e in error.errors()]
        ) from None
    apply(request, data)
    return Status(204, None)


def lesson_or_404(lesson_id):
    info = lesson_index.lesson_info(lesson_id)
    if info is None:
        raise NotFound()
    return info


def lesson_state_out(user, info):
    data = state.lesson_state(user, info)
    data["enrolled"] = active_enrolment(user, info.course_key) is not None
    return data


@router.get(
    "/lessons/{lesson_id}/state",
    response={200: LessonStateOut, **COMMON_ERRORS},
    summary="Your state in a lesson: status, components, resume position",
)
def get_lesson_state(request, lesson_id: int = Path(..., ge=1, le=MAX_ID)):
    return lesson_state_out(request.auth, lesson_or_404(lesson_id))


@router.post(
    "/lessons/{lesson_id}/completion",
    response={200: LessonStateOut, 409: Problem, **COMMON_ERRORS},
    throttle=[write_throttle],
    summary="Mark a reading lesson as done",
    description="Only for lessons without a video, quiz or assignment (409 "
    "`requirements_pending` otherwise: those finish the lesson).",
)
def complete_lesson(request, lesson_id: int = Path(..., ge=1, le=MAX_ID)):
    info = lesson_or_404(lesson_id)
    if not info.is_reading:
        raise RequirementsPending()
    completion.complete_component(
        request.auth, info.id, READING_COMPONENT_ID, kind=ComponentKind.READING, require_active=True
    )
    return lesson_state_out(request.auth, info)
