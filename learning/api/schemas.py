"""Request and response schemas of the learning API.

Inputs forbid unknown fields (a client sending ``user_id`` is told so, not ignored),
numbers must be finite, ids and lists are bounded: whatever arrives is either valid
or answered with a 422 problem, never a server error.
"""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from ninja import Schema
from pydantic import ConfigDict, Field

from learning.models import RUNG_MAX_LENGTH

MAX_ID = 2**31 - 1
PageId = Annotated[int, Field(ge=1, le=MAX_ID)]
BlockId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Seconds = Annotated[float, Field(allow_inf_nan=False, ge=-1e7, le=1e7)]


class StrictSchema(Schema):
    model_config = ConfigDict(extra="forbid")


def every_key_matches(schema):
    """Document a mapping with constrained keys as it is validated.

    pydantic writes such a mapping's keys as ``patternProperties``, which in JSON
    Schema lets any other key through with any value; the API refuses them. (Use as
    ``Field(json_schema_extra=every_key_matches)``.)
    """
    patterns = schema.pop("patternProperties", None)
    if patterns:
        [(pattern, values)] = patterns.items()
        schema["additionalProperties"] = values
        schema.setdefault("propertyNames", {})["pattern"] = pattern


# Catalogue and enrolment -------------------------------------------------------------


class LessonLink(Schema):
    id: int
    title: str
    url: str
    position: float = Field(0.0, description="Saved video position to resume at, in seconds.")


class CourseOut(Schema):
    id: int
    key: UUID = Field(description="Shared by the course and its translations.")
    title: str
    url: str
    language: str
    track: str
    level: str
    summary: str
    lesson_count: int
    video_seconds: float
    enrolled: bool | None = Field(None, description="Null for anonymous callers.")
    progress_percent: int | None = None


class LessonOutline(Schema):
    id: int
    title: str
    url: str
    kinds: list[str]
    video_seconds: float
    status: str = Field(description="not_started, started or done.")


class CourseDetail(CourseOut):
    lessons: list[LessonOutline]
    continue_at: LessonLink | None = Field(
        None, description="Where the learner left off (enrolled learners only)."
    )


class EnrolmentIn(StrictSchema):
    course_id: PageId


class EnrolmentOut(Schema):
    id: int
    course_id: int | None = Field(description="The course page in the caller's language.")
    course_key: UUID
    course_title: str
    course_url: str
    status: str
    enrolled_at: datetime
    left_at: datetime | None
    completed_at: datetime | None
    lessons_done: int
    lesson_count: int
    progress_percent: int
    next_lesson: LessonLink | None


# Progress ----------------------------------------------------------------------------


class HeartbeatIn(StrictSchema):
    event_id: UUID = Field(description="A new random UUID per heartbeat; resend it on retry.")
    lesson_id: PageId
    component_id: BlockId = Field(description="The video block's id in the lesson body.")
    position: Seconds = Field(description="Current playback position, in seconds.")
    intervals: list[tuple[Seconds, Seconds]] = Field(
        default_factory=list,
        max_length=500,
        description="Ranges played since the previous heartbeat, [start, end] in seconds.",
    )
    sent_at: datetime | None = Field(
        None, description="When the client made it, on its own clock (kept for the record)."
    )
    rung: str | None = Field(
        None,
        min_length=1,
        max_length=RUNG_MAX_LENGTH,
        pattern=r"^(audio|[1-9][0-9]{1,3}p)$",
        description=(
            'The ladder rung that played these ranges: its name ("240p", "360p", …) '
            'or "audio" for data saver. It counts the data used; one of the video\'s '
            "rungs or the beat is refused."
        ),
    )
    age: float | None = Field(
        None,
        ge=0,
        le=1e7,
        allow_inf_nan=False,
        description=(
            "Seconds the beat waited on the device before this request, measured on the "
            "device's clock. Resume positions are ordered by the server's receipt time "
            "less this, so devices whose clocks disagree still update each other."
        ),
    )


class HeartbeatOut(Schema):
    duplicate: bool = Field(description="True when this event id was already applied.")
    component_id: str
    duration: float
    watched_seconds: float
    coverage: float
    position: float
    video_done: bool
    lesson_done: bool | None = Field(None, description="Null when this beat could not change it.")
    course_done: bool | None = None
    uncredited_seconds: float = Field(
        0,
        description=(
            "New coverage this beat claimed beyond what the time since the video was "
            "opened (or the previous beat) allows at 2× speed; it was not counted."
        ),
    )


class ComponentState(Schema):
    id: str
    kind: str
    done: bool
    video_id: int | None = None
    duration: float | None = None
    position: float | None = None
    watched_seconds: float | None = None
    coverage: float | None = None


class LessonStateOut(Schema):
    lesson_id: int
    course_id: int
    status: str = Field(description="not_started, started or done.")
    done_at: datetime | None
    enrolled: bool
    components: list[ComponentState]


# Quizzes -----------------------------------------------------------------------------


class AttemptIn(StrictSchema):
    answers: dict[BlockId, Annotated[list[BlockId], Field(max_length=10)]] = Field(
        description="Chosen choice ids per question id.",
        max_length=60,
        json_schema_extra=every_key_matches,
    )
    event_id: UUID | None = Field(
        None,
        description=(
            "A new random UUID per submission, resent on retry: a submission queued "
            "offline and sent twice is scored once (the second answer is the first attempt)."
        ),
    )


class QuestionResult(Schema):
    question_id: str
    chosen: list[str]
    correct: bool
    correct_choices: list[str] | None = Field(
        None,
        description="The right choices, or null while the quiz's review options hide them "
        "(by default until the quiz is passed or no attempt is left).",
    )
    explanation: str | None = Field(
        None,
        description="Why the right answer is right, or null while the quiz's review "
        "options hide it (or the question has none).",
    )


class PolicyOut(Schema):
    max_attempts: int = Field(description="0 means unlimited.")
    attempts_used: int
    attempts_left: int | None
    wait_minutes: int
    next_attempt_at: datetime | None
    passed: bool
    best_score: int | None
    shows_correct_answers: bool = Field(
        description="Whether the quiz's review options show the right choices now."
    )
    shows_explanations: bool = Field(
        description="Whether the quiz's review options show the explanations now."
    )


class AttemptOut(Schema):
    id: int
    number: int
    score: int
    pass_mark: int
    passed: bool
    correct: int
    total: int
    created_at: datetime
    results: list[QuestionResult]
    policy: PolicyOut


class AttemptsOut(Schema):
    policy: PolicyOut
    attempts: list[AttemptOut]


# Dashboard ---------------------------------------------------------------------------


class ActivityOut(Schema):
    kind: str
    label: str
    created_at: datetime
    course_title: str
    lesson_title: str | None
    url: str | None


class DashboardCourse(Schema):
    enrolment_id: int
    course_id: int
    title: str
    url: str
    progress_percent: int
    lessons_done: int
    lesson_count: int
    completed: bool
    seconds_spent: float
    next_lesson: LessonLink | None


class DashboardOut(Schema):
    courses: list[DashboardCourse]
    seconds_spent: float
    data_used_bytes: int = Field(
        description="Video and sound downloaded in the last 7 days, from the rungs played."
    )
    recent_activity: list[ActivityOut]
