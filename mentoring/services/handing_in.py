"""The learner's side: drafts (text, link, file) and hand-ins."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.blocks.assignment import HAND_IN_FILE, HAND_IN_LINK, HAND_IN_TEXT
from mentoring import files as file_checks
from mentoring.links import clean_link
from mentoring.models import (
    CohortMembership,
    SubmissionVersion,
)
from mentoring.services.common import (
    MAX_TEXT_LENGTH,
    ReviewError,
    _event,
    _locked,
    _refuse,
    assignment_of,
    complete_assignment,
)
from mentoring.states import (
    EDITABLE,
    LEARNER,
    SYSTEM,
    Action,
    InvalidTransition,
    State,
    next_state,
)
from mentoring.storage import private

logger = logging.getLogger(__name__)


# --- the learner's side -----------------------------------------------------------


def current_draft(submission):
    return submission.versions.filter(number__isnull=True).first()


def latest_version(submission):
    return submission.versions.filter(number__isnull=False).order_by("-number").first()


def save_draft(
    submission, *, text=None, link=None, upload=None, remove_file=False, assignment=None
):
    """Update the learner's draft of their next version; return it.

    Every field is checked before anything is written, and all errors come back
    together as one ValidationError keyed by field, so a form can show them beside
    what the learner typed.
    """
    assignment = assignment or assignment_of(submission)
    errors = {}
    cleaned = {}
    if text is not None:
        text = text.replace("\r\n", "\n").strip()
        if text and HAND_IN_TEXT not in assignment.hand_in:
            errors["text"] = [_("This assignment does not take a text answer.")]
        elif len(text) > MAX_TEXT_LENGTH:
            errors["text"] = [
                _("Your answer is too long (at most %(max)s characters).")
                % {"max": MAX_TEXT_LENGTH}
            ]
        else:
            cleaned["text"] = text
    if link is not None:
        link = link.strip()
        if link and HAND_IN_LINK not in assignment.hand_in:
            errors["link"] = [_("This assignment does not take a link.")]
        elif link:
            try:
                cleaned["link"] = clean_link(link, assignment.marketplace)
            except ValidationError as error:
                errors["link"] = error.messages
        else:
            cleaned["link"] = ""
    checked = None
    if upload is not None:
        if HAND_IN_FILE not in assignment.hand_in:
            errors["file"] = [_("This assignment does not take a file.")]
        else:
            try:
                checked = file_checks.check_upload(upload)
            except ValidationError as error:
                errors["file"] = error.messages
    if errors:
        raise ValidationError(errors)

    stored_name = None
    if checked is not None:
        # Written before the transaction: a storage round trip must not hold a row lock.
        upload.seek(0)
        stored_name = private.save(
            file_checks.storage_name(submission.uuid, checked.extension), upload
        )
    try:
        with transaction.atomic():
            locked = _locked(submission)
            if locked.state not in EDITABLE:
                raise ReviewError(
                    _("Your work is with a mentor now; you can change it if they ask you to."),
                    code="not_editable",
                    status=409,
                )
            draft = current_draft(locked)
            if draft is None:
                draft = SubmissionVersion(submission=locked)
                previous = latest_version(locked)
                if previous is not None:
                    # The next version starts as a copy of the last one handed in.
                    for field in ("text", "link", "file", "file_name", "file_type", "file_size"):
                        setattr(draft, field, getattr(previous, field))
            for field, value in cleaned.items():
                setattr(draft, field, value)
            old_file = draft.file.name if draft.file else ""
            if stored_name:
                draft.file.name = stored_name
                draft.file_name = checked.display_name
                draft.file_type = checked.content_type
                draft.file_size = checked.size
            elif remove_file:
                draft.file.name = ""
                draft.file_name = draft.file_type = ""
                draft.file_size = None
            draft.save()
            if old_file and old_file != (draft.file.name or ""):
                transaction.on_commit(lambda: _delete_if_unused(old_file))
    except BaseException:
        if stored_name:
            private.delete(stored_name)
        raise
    return draft


def _delete_if_unused(name):
    """Remove a file only a discarded draft pointed at; frozen versions keep theirs."""
    if not SubmissionVersion.objects.filter(file=name).exists():
        try:
            private.delete(name)
        except Exception:  # the file is orphaned, not lost work: log and go on
            logger.warning("Could not delete unused submission file %s", name, exc_info=True)


def missing_parts(version, assignment):
    missing = []
    if HAND_IN_TEXT in assignment.hand_in and not (version and version.text.strip()):
        missing.append(("text", _("Write your answer before handing in.")))
    if HAND_IN_LINK in assignment.hand_in and not (version and version.link):
        missing.append(("link", _("Add the link before handing in.")))
    if HAND_IN_FILE in assignment.hand_in and not (version and version.file):
        missing.append(("file", _("Attach your file before handing in.")))
    return missing


def submit(submission, actor, *, assignment=None):
    """Freeze the draft as the next version and put it in the mentors' queue."""
    assignment = assignment or assignment_of(submission)
    if actor.pk != submission.learner_id:
        raise ReviewError(
            _("Only the learner can hand in their work."), code="forbidden", status=403
        )
    with transaction.atomic():
        locked = _locked(submission)
        action = Action.RESUBMIT if locked.state == State.CHANGES_REQUESTED else Action.SUBMIT
        from_state = locked.state
        try:
            target = next_state(locked.state, action, LEARNER)
        except InvalidTransition as error:
            raise _refuse(error) from error
        draft = current_draft(locked)
        missing = missing_parts(draft, assignment)
        if missing:
            raise ValidationError({field: [message] for field, message in missing})
        now = timezone.now()
        number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        draft.number = number
        draft.submitted_at = now
        draft.save(update_fields=["number", "submitted_at", "updated_at"])
        membership = (
            CohortMembership.objects.filter(learner=locked.learner, course_key=locked.course_key)
            .select_related("cohort")
            .first()
        )
        locked.cohort = membership.cohort if membership else None
        locked.state = target
        locked.waiting_since = now
        locked.first_submitted_at = locked.first_submitted_at or now
        locked.claimed_by = None
        locked.claim_expires_at = None
        locked.lesson = assignment.lesson
        if assignment.course.translation_key == locked.course_key:
            locked.course = assignment.course  # again, if the page it named was deleted
        locked.save()
        _event(locked, actor, action, from_state, draft, now)
        if not assignment.needs_mentor:
            from_state = locked.state
            locked.state = next_state(locked.state, Action.AUTO_APPROVE, SYSTEM)
            locked.decided_at = now
            locked.waiting_since = None
            locked.save()
            _event(locked, None, Action.AUTO_APPROVE, from_state, draft, now)
            complete_assignment(locked)
        else:
            from mentoring import notify

            transaction.on_commit(lambda: notify.submission_arrived(locked.pk))
    submission.refresh_from_db()
    return draft
