"""The learner's side: her submission, drafts (JSON and a file) and the hand-in."""

from uuid import UUID

from ninja import File, Path, Router
from ninja.files import UploadedFile

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, ERRORS_413
from accounts.api.throttle import write_throttle
from accounts.api.uploads import upload_auth
from learning.api.schemas import MAX_ID
from learning.progress.errors import NotFound
from mentoring import limits, services
from mentoring.api.common import (
    BLOCK_ID,
    BLOCK_ID_PATTERN,
    ERRORS,
    DraftIn,
    SubmissionOut,
    assignment_for,
    call,
    submission_out,
)
from mentoring.permissions import visible_submissions

router = Router(tags=["review"], auth=learner_auth)


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


UPLOAD_URL_NAME = "assignment-draft-file"


def _may_upload(request, user):
    """The assignment exists and its learner is enrolled: settled before the file is read.

    A malformed path is left to the route's own validation (422).
    """
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    lesson_id, block_id = str(kwargs.get("lesson_id", "")), str(kwargs.get("assignment_id", ""))
    if not (lesson_id.isascii() and lesson_id.isdigit() and 1 <= int(lesson_id) <= MAX_ID):
        return
    if not BLOCK_ID_PATTERN.fullmatch(block_id):
        return
    services.require_enrolment(user, assignment_for(int(lesson_id), block_id))


@router.post(
    "/assignments/{lesson_id}/{assignment_id}/draft/file",
    url_name=UPLOAD_URL_NAME,
    auth=upload_auth(UPLOAD_URL_NAME, limits.max_file_bytes, _may_upload),
    response={200: SubmissionOut, **ERRORS, **ERRORS_413},
    throttle=[write_throttle],
    summary="Attach a file to your draft (multipart field `file`)",
    description=(
        "The type is read from the content: PDF, PNG, JPEG, DOCX, ODT, ZIP or text. "
        "A body announced over the limit is answered 413 before it is read, and so is "
        "a file that runs over it."
    ),
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
