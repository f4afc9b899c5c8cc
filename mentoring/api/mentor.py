"""The mentor's side: the queue, claims, decisions and feedback snippets."""

from uuid import UUID

from ninja import Path, Query, Router

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS
from learning.api.schemas import MAX_ID
from learning.pages import COURSE_REMOVED
from learning.progress.errors import NotFound
from mentoring import services
from mentoring.api.common import (
    ERRORS,
    DecisionIn,
    FieldErrors,
    QueueFilters,
    QueueItemOut,
    ReviewOut,
    SnippetIn,
    SnippetOut,
    SubmissionOut,
    call,
    mentor_submission,
    review_out,
    submission_out,
)
from mentoring.models import FeedbackSnippet
from mentoring.permissions import is_mentor
from mentoring.states import WAITING
from mentoring.views.mentor import annotate, queue_rows

router = Router(tags=["review"], auth=learner_auth)


# --- the mentor ---------------------------------------------------------------------


@router.get(
    "/review/queue",
    response={200: list[QueueItemOut], **COMMON_ERRORS},
    summary="Submissions of your cohorts, the longest waiting first",
    description="`limit` (default 50, at most 200) items from `offset`.",
)
def review_queue(request, filters: Query[QueueFilters]):
    user = request.auth
    if not is_mentor(user):
        raise services.ReviewError(_("This is for mentors."), code="forbidden", status=403)
    now = timezone.now()
    data = filters.dict()
    data["course"] = str(data["course"]) if data.get("course") else None
    window = slice(filters.offset, filters.offset + filters.limit)
    rows = annotate(list(queue_rows(user, data, now)[window]), user, now)
    return [
        {
            "id": row.uuid,
            "assignment_title": row.assignment_title,
            "course_title": row.course_title or str(COURSE_REMOVED),
            "lesson_removed": row.lesson_removed,
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
