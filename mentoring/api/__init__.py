"""Assignments and mentor review over the API: the same rules as the pages.

Learners read their submission, save a draft (JSON, and a file as multipart) and hand
it in. Mentors read their queue, claim, release and decide. Refusals are problem
details with stable codes: 404 for anything outside the caller's reach (it is not
told whether it exists), 409 ``claimed``/``not_claimed``/``not_editable``/
``invalid_transition``, 422 for invalid fields.
"""

from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import File, Path, Query, Router, Schema
from ninja.files import UploadedFile

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, Problem
from accounts.api.throttle import write_throttle
from courses.models import LessonPage
from learning.api.schemas import MAX_ID
from learning.progress.errors import LearningError, NotFound
from mentoring import services
from mentoring.models import FeedbackSnippet
from mentoring.permissions import is_mentor, reviewable_submissions, visible_submissions
from mentoring.states import WAITING
from mentoring.views.mentor import annotate, queue_rows

router = Router(tags=["review"], auth=learner_auth)

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
    lesson_id: int
    assignment_id: str
    assignment_title: str
    state: str
    waiting_since: datetime | None
    claimed_by_you: bool
    claim_expires_at: datetime | None
    draft: VersionOut | None
    versions: list[VersionOut]


class DraftIn(Schema):
    text: str | None = None
    link: str | None = None
    remove_file: bool = False


class QueueItemOut(Schema):
    id: UUID
    assignment_title: str
    course_title: str
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


class DecisionIn(Schema):
    decision: Literal["approve", "request_changes", "reject"]
    levels: dict[int, int] = {}
    feedback: str = ""
    reason: str = ""


class SnippetIn(Schema):
    title: str
    language: Literal["ar", "en", "fr"] = "ar"
    text: str


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
    return {
        "id": submission.uuid,
        "lesson_id": submission.lesson_id,
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


# --- the learner --------------------------------------------------------------------


@router.get(
    "/assignments/{lesson_id}/{assignment_id}/submission",
    response={200: SubmissionOut, **COMMON_ERRORS},
    summary="Your submission for an assignment: state, draft, versions and reviews",
)
def my_submission(
    request, lesson_id: int = Path(..., ge=1, le=MAX_ID), assignment_id: str = BLOCK_ID
):
    assignment = assignment_for(lesson_id, assignment_id)
    submission = services.submission_for(request.auth, assignment)
    if submission is None:
        raise NotFound()
    return submission_out(submission, request.auth)


@router.put(
    "/assignments/{lesson_id}/{assignment_id}/draft",
    response={200: SubmissionOut, **ERRORS},
    throttle=[write_throttle],
    summary="Save the text and link of your draft (fields left out are kept)",
)
def save_draft(
    request,
    data: DraftIn,
    lesson_id: int = Path(..., ge=1, le=MAX_ID),
    assignment_id: str = BLOCK_ID,
):
    assignment = assignment_for(lesson_id, assignment_id)
    submission = services.start_submission(request.auth, assignment, get_language())
    call(
        services.save_draft,
        submission,
        text=data.text,
        link=data.link,
        remove_file=data.remove_file,
        assignment=assignment,
    )
    return submission_out(submission, request.auth)


@router.post(
    "/assignments/{lesson_id}/{assignment_id}/draft/file",
    response={200: SubmissionOut, **ERRORS},
    throttle=[write_throttle],
    summary="Attach a file to your draft (multipart field `file`)",
    description="The type is read from the content: PDF, PNG, JPEG, DOCX, ODT, ZIP or text.",
)
def upload_file(
    request,
    file: File[UploadedFile],
    lesson_id: int = Path(..., ge=1, le=MAX_ID),
    assignment_id: str = BLOCK_ID,
):
    assignment = assignment_for(lesson_id, assignment_id)
    submission = services.start_submission(request.auth, assignment, get_language())
    call(services.save_draft, submission, upload=file, assignment=assignment)
    return submission_out(submission, request.auth)


@router.post(
    "/assignments/{lesson_id}/{assignment_id}/submission",
    response={200: SubmissionOut, **ERRORS},
    throttle=[write_throttle],
    summary="Hand in your draft: it becomes a new version in the mentors' queue",
)
def hand_in(request, lesson_id: int = Path(..., ge=1, le=MAX_ID), assignment_id: str = BLOCK_ID):
    assignment = assignment_for(lesson_id, assignment_id)
    submission = services.submission_for(request.auth, assignment)
    if submission is None:
        raise services.ReviewError(
            _("Save a draft before handing in."), code="no_draft", status=409
        )
    call(services.submit, submission, request.auth, assignment=assignment)
    return submission_out(submission, request.auth)


@router.get(
    "/submissions/{submission_id}",
    response={200: SubmissionOut, **COMMON_ERRORS},
    summary="One submission you own or review",
)
def get_submission(request, submission_id: UUID):
    submission = get_object_or_404(visible_submissions(request.auth), uuid=submission_id)
    return submission_out(submission, request.auth)


# --- the mentor ---------------------------------------------------------------------


@router.get(
    "/review/queue",
    response={200: list[QueueItemOut], **COMMON_ERRORS},
    summary="Submissions of your cohorts, the longest waiting first",
)
def review_queue(request, filters: Query[QueueFilters]):
    user = request.auth
    if not is_mentor(user):
        raise services.ReviewError(_("This is for mentors."), code="forbidden", status=403)
    now = timezone.now()
    data = filters.dict()
    data["course"] = str(data["course"]) if data.get("course") else None
    rows = annotate(list(queue_rows(user, data, now)[:200]), user, now)
    return [
        {
            "id": row.uuid,
            "assignment_title": row.assignment_title,
            "course_title": row.course.title,
            "learner": row.learner_name,
            "state": row.state,
            "waiting_since": row.waiting_since if row.state in WAITING else None,
            "waiting_seconds": int(row.waited.total_seconds()) if row.waited else None,
            "past_sla": row.late,
            "claimed": row.claim_live,
            "claimed_by_you": row.mine,
            "url": reverse("mentoring:mentor-submission", args=[row.uuid]),
        }
        for row in rows
    ]


@router.post(
    "/review/submissions/{submission_id}/claim",
    response={200: SubmissionOut, **ERRORS},
    summary="Claim a submission; 409 `claimed` if another mentor holds it",
)
def claim(request, submission_id: UUID):
    submission = mentor_submission(request.auth, submission_id)
    services.claim(submission, request.auth)
    return submission_out(submission, request.auth)


@router.post(
    "/review/submissions/{submission_id}/release",
    response={200: SubmissionOut, **ERRORS},
    summary="Give a claimed submission back to the queue",
)
def release(request, submission_id: UUID):
    submission = mentor_submission(request.auth, submission_id)
    services.release(submission, request.auth)
    return submission_out(submission, request.auth)


@router.post(
    "/review/submissions/{submission_id}/reviews",
    response={201: ReviewOut, **ERRORS},
    summary="Approve, request changes or reject the latest version",
    description=(
        "`levels` maps each rubric criterion's index to the chosen level's index "
        "(every criterion, except when rejecting). You must hold the claim."
    ),
)
def decide(request, data: DecisionIn, submission_id: UUID):
    submission = mentor_submission(request.auth, submission_id)
    review = call(
        services.decide,
        submission,
        request.auth,
        data.decision,
        levels=data.levels,
        feedback=data.feedback,
        reason=data.reason,
    )
    return 201, review_out(review)


@router.get("/review/snippets", response={200: list[SnippetOut], **COMMON_ERRORS})
def list_snippets(request):
    if not is_mentor(request.auth):
        raise NotFound()
    return list(FeedbackSnippet.objects.filter(mentor=request.auth))


@router.post("/review/snippets", response={201: SnippetOut, **COMMON_ERRORS})
def create_snippet(request, data: SnippetIn):
    if not is_mentor(request.auth):
        raise NotFound()
    errors = {}
    title, text = data.title.strip(), data.text.strip()
    if not title or len(title) > 80:
        errors["title"] = [_("Give the snippet a title of at most 80 characters.")]
    if not text or len(text) > 3000:
        errors["text"] = [_("Write the snippet's text (at most 3000 characters).")]
    if errors:
        raise FieldErrors(DjangoValidationError(errors))
    snippet = FeedbackSnippet.objects.create(
        mentor=request.auth, title=title, language=data.language, text=text
    )
    return 201, snippet


@router.delete("/review/snippets/{snippet_id}", response={204: None, **COMMON_ERRORS})
def delete_snippet(request, snippet_id: int = Path(..., ge=1, le=MAX_ID)):
    deleted, _rows = FeedbackSnippet.objects.filter(pk=snippet_id, mentor=request.auth).delete()
    if not deleted:
        raise NotFound()
    return 204, None
