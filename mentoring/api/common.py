"""Schemas and helpers the learner's and the mentor's endpoints share."""

import re
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Path, Schema
from pydantic import ConfigDict, Field

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.api.problems import COMMON_ERRORS, Problem
from courses.models import LessonPage
from learning.progress.errors import LearningError, NotFound
from mentoring import limits, services
from mentoring.permissions import is_mentor, reviewable_submissions

BLOCK_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
BLOCK_ID = Path(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
ERRORS = {409: Problem, **COMMON_ERRORS}


class FieldErrors(LearningError):
    """Django validation errors of a service call, as 422 problem details with ``errors``."""

    def __init__(self, error):
        errors = [
            {"loc": ["body", field], "type": "invalid", "msg": str(message)}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
        super().__init__(
            _("Some fields are missing or invalid. See errors for where."),
            code="invalid_input",
            status=422,
            errors=errors,
        )


def call(function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except DjangoValidationError as error:
        raise FieldErrors(error) from error


# --- schemas ------------------------------------------------------------------------


class ReviewOut(Schema):
    id: int
    decision: str
    feedback: str
    reason: str
    scores: list[dict]
    points: int
    max_points: int
    created_at: datetime


class VersionOut(Schema):
    id: UUID
    number: int | None
    text: str
    link: str
    file_name: str
    file_type: str
    file_size: int | None
    file_url: str | None
    submitted_at: datetime | None
    review: ReviewOut | None = None


class SubmissionOut(Schema):
    id: UUID
    # The page handed in on, or another translation of it once that one was deleted;
    # null, with lesson_removed, once the lesson is gone in every language.
    lesson_id: int | None
    lesson_removed: bool
    assignment_id: str
    assignment_title: str
    state: str
    waiting_since: datetime | None
    claimed_by_you: bool
    claim_expires_at: datetime | None
    draft: VersionOut | None
    versions: list[VersionOut]


class DraftIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(max_length=limits.MAX_TEXT_LENGTH)] | None = None
    link: Annotated[str, Field(max_length=limits.MAX_LINK_LENGTH)] | None = None
    remove_file: bool = False


class QueueItemOut(Schema):
    id: UUID
    assignment_title: str
    course_title: str
    lesson_removed: bool
    learner: str
    state: str
    waiting_since: datetime | None
    waiting_seconds: int | None
    past_sla: bool
    claimed: bool
    claimed_by_you: bool
    url: str


class QueueFilters(Schema):
    state: Literal[
        "waiting",
        "submitted",
        "resubmitted",
        "in_review",
        "changes_requested",
        "approved",
        "rejected",
        "all",
    ] = "waiting"
    course: UUID | None = None
    assignment: str | None = None
    # A page at a time, like the queue page: a mentor's backlog can run to hundreds.
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


class DecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "request_changes", "reject"]
    levels: Annotated[
        dict[
            Annotated[int, Field(ge=0, lt=limits.MAX_RUBRIC_CRITERIA)],
            Annotated[int, Field(ge=0, lt=limits.MAX_RUBRIC_LEVEL)],
        ],
        Field(
            max_length=limits.MAX_RUBRIC_CRITERIA,
            description="The chosen level per rubric criterion, both counted from 0.",
        ),
    ] = {}
    feedback: Annotated[str, Field(max_length=limits.MAX_FEEDBACK_LENGTH)] = ""
    reason: Annotated[str, Field(max_length=limits.MAX_REASON_LENGTH)] = ""


class SnippetIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[
        str,
        Field(
            min_length=limits.MIN_SNIPPET_TITLE_LENGTH,
            max_length=limits.MAX_SNIPPET_TITLE_LENGTH,
        ),
    ]
    language: Literal["ar", "en", "fr"] = "ar"
    text: Annotated[str, Field(min_length=1, max_length=limits.MAX_SNIPPET_TEXT_LENGTH)]


class SnippetOut(Schema):
    id: int
    title: str
    language: str
    text: str


# --- helpers ------------------------------------------------------------------------


def review_out(review):
    if review is None:
        return None
    return {
        "id": review.pk,
        "decision": review.decision,
        "feedback": review.feedback,
        "reason": review.reason,
        "scores": review.scores,
        "points": review.points,
        "max_points": review.max_points,
        "created_at": review.created_at,
    }


def version_out(version):
    if version is None:
        return None
    reviews = list(version.reviews.all())
    return {
        "id": version.uuid,
        "number": version.number,
        "text": version.text,
        "link": version.link,
        "file_name": version.file_name,
        "file_type": version.file_type,
        "file_size": version.file_size,
        "file_url": reverse("mentoring:submission-file", args=[version.uuid])
        if version.file
        else None,
        "submitted_at": version.submitted_at,
        "review": review_out(reviews[0] if reviews else None),
    }


def submission_out(submission, user):
    versions = list(submission.versions.prefetch_related("reviews").order_by("-number"))
    frozen = [v for v in versions if v.number is not None]
    draft = next((v for v in versions if v.number is None), None)
    lesson_id = submission.lesson_id
    if lesson_id is None:
        lesson = services.lesson_of(submission)
        lesson_id = lesson.pk if lesson is not None else None
    return {
        "id": submission.uuid,
        "lesson_id": lesson_id,
        "lesson_removed": lesson_id is None,
        "assignment_id": submission.assignment_id,
        "assignment_title": submission.assignment_title,
        "state": submission.state,
        "waiting_since": submission.waiting_since,
        "claimed_by_you": submission.claim_is_live() and submission.claimed_by_id == user.pk,
        "claim_expires_at": submission.claim_expires_at,
        # A mentor never sees the learner's unfinished draft.
        "draft": version_out(draft) if submission.learner_id == user.pk else None,
        "versions": [version_out(v) for v in frozen],
    }


def assignment_for(lesson_id, block_id):
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None:
        raise NotFound()
    return services.find_assignment(lesson, block_id)


def mentor_submission(user, submission_id):
    if not is_mentor(user):
        raise NotFound()
    submission = reviewable_submissions(user).filter(uuid=submission_id).first()
    if submission is None:
        raise NotFound()
    return submission
