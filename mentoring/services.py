"""Everything that changes a submission: drafts, hand-ins, claims and decisions.

Views and the API call these and nothing else. Each change runs in a transaction that
locks the submission row (or updates it conditionally), checks the move against
``states.TRANSITIONS`` and leaves an event, so two tabs, two mentors or a replayed
request cannot put a submission in a state the table does not allow.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.blocks.assignment import HAND_IN_FILE, HAND_IN_LINK, HAND_IN_TEXT
from learning.models import Enrolment
from learning.progress.errors import LearningError
from mentoring import files as file_checks
from mentoring.links import clean_link
from mentoring.models import (
    CohortMembership,
    Review,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from mentoring.states import (
    EDITABLE,
    LEARNER,
    MENTOR,
    SYSTEM,
    WAITING,
    Action,
    InvalidTransition,
    State,
    next_state,
)
from mentoring.storage import private

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 20000
MAX_FEEDBACK_LENGTH = 10000


class ReviewError(LearningError):
    """A refusal with a stable code, an HTTP status and a translated message; the API
    turns it into problem details like every other learning error."""

    def __init__(self, message, *, code, status=400):
        super().__init__(message, code=code, status=status)


def _refuse(error):
    status = 403 if error.code == "forbidden" else 409
    return ReviewError(error.message, code=error.code, status=status)


# --- the assignment ---------------------------------------------------------------


@dataclass
class Assignment:
    lesson: object
    course: object
    block_id: str
    value: object

    @property
    def hand_in(self):
        return set(self.value.get("hand_in") or [])

    @property
    def title(self):
        return self.value.get("title") or ""

    @property
    def marketplace(self):
        return self.value.get("link_marketplace")

    @property
    def needs_mentor(self):
        return bool(self.value.get("mentor_approval_required"))

    def rubric(self):
        """The rubric as plain data: what a review scores and keeps a copy of."""
        criteria = []
        for criterion in self.value.get("rubric") or []:
            levels = [
                {
                    "label": level["label"],
                    "description": level.get("description") or "",
                    "points": int(level["points"] or 0),
                }
                for level in criterion["levels"]
            ]
            criteria.append(
                {
                    "criterion": criterion["criterion"],
                    "description": criterion.get("description") or "",
                    "levels": levels,
                    "max_points": max((lv["points"] for lv in levels), default=0),
                }
            )
        return criteria


def find_assignment(lesson, block_id):
    """The live lesson's assignment block, or ReviewError(404)."""
    from courses.models import CoursePage

    value = lesson.get_assignment(block_id) if lesson is not None else None
    if value is None:
        raise ReviewError(_("This assignment does not exist."), code="not_found", status=404)
    course = CoursePage.objects.parent_of(lesson).first()
    if course is None:
        raise ReviewError(_("This assignment does not exist."), code="not_found", status=404)
    return Assignment(lesson=lesson, course=course, block_id=block_id, value=value)


def assignment_of(submission):
    return find_assignment(submission.lesson.specific, submission.assignment_id)


def is_enrolled(user, course):
    return Enrolment.objects.active().filter(user=user, course_key=course.translation_key).exists()


def submission_for(user, assignment):
    return Submission.objects.filter(
        learner=user,
        lesson_key=assignment.lesson.translation_key,
        assignment_id=assignment.block_id,
    ).first()


def start_submission(user, assignment, language):
    """The learner's submission for this assignment, created as a draft the first time."""
    if not is_enrolled(user, assignment.course):
        raise ReviewError(
            _("Enrol in this course (it is free) to hand in your work."),
            code="not_enrolled",
            status=403,
        )
    submission, _created = Submission.objects.get_or_create(
        learner=user,
        lesson_key=assignment.lesson.translation_key,
        assignment_id=assignment.block_id,
        defaults={
            "lesson": assignment.lesson,
            "course": assignment.course,
            "course_key": assignment.course.translation_key,
            "assignment_title": assignment.title[:200],
            "language": _language(language),
        },
    )
    return submission


def _language(code):
    codes = {c for c, _name in settings.LANGUAGES}
    code = (code or "").split("-")[0].lower()
    return code if code in codes else settings.LANGUAGE_CODE


def _event(submission, actor, action, from_state, version=None, at=None):
    SubmissionEvent.objects.create(
        submission=submission,
        actor=actor,
        action=action,
        from_state=from_state,
        to_state=submission.state,
        version=version,
        created_at=at or timezone.now(),
    )


def _locked(submission):
    return Submission.objects.select_for_update().get(pk=submission.pk)


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


# --- the mentor's side ------------------------------------------------------------


def claim_minutes():
    return settings.BIDAYA_REVIEW_CLAIM_MINUTES


def claim(submission, mentor):
    """Take the submission for review; exactly one of several concurrent claims wins.

    One conditional UPDATE decides: it only matches while the claim is free, expired or
    already the caller's, and the database applies concurrent UPDATEs to a row one
    after another, re-checking the condition, so the losers match nothing.
    """
    try:
        next_state(submission.state, Action.CLAIM, MENTOR)
    except InvalidTransition as error:
        raise _refuse(error) from error
    now = timezone.now()
    with transaction.atomic():
        updated = (
            Submission.objects.filter(
                pk=submission.pk,
                state__in=[State.SUBMITTED, State.RESUBMITTED, State.IN_REVIEW],
            )
            .filter(
                Q(claimed_by__isnull=True) | Q(claim_expires_at__lte=now) | Q(claimed_by=mentor)
            )
            .update(
                state=State.IN_REVIEW,
                claimed_by=mentor,
                claim_expires_at=now + timedelta(minutes=claim_minutes()),
                updated_at=now,
            )
        )
        if not updated:
            current = Submission.objects.select_related("claimed_by").get(pk=submission.pk)
            if current.state not in (State.SUBMITTED, State.RESUBMITTED, State.IN_REVIEW):
                raise ReviewError(
                    _("This submission is no longer waiting for review."),
                    code="not_waiting",
                    status=409,
                )
            raise ReviewError(
                _("Another mentor is reviewing this submission until %(time)s.")
                % {"time": timezone.localtime(current.claim_expires_at).strftime("%H:%M")},
                code="claimed",
                status=409,
            )
        from_state = submission.state
        submission.refresh_from_db()
        _event(submission, mentor, Action.CLAIM, from_state, at=now)
    return submission


def release(submission, mentor):
    """Give the submission back to the queue without deciding."""
    with transaction.atomic():
        locked = _locked(submission)
        if locked.claimed_by_id != mentor.pk:
            raise ReviewError(
                _("You have not claimed this submission."), code="not_claimed", status=409
            )
        released_to = (
            State.RESUBMITTED if locked.versions.filter(number__gt=1).exists() else State.SUBMITTED
        )
        try:
            target = next_state(locked.state, Action.RELEASE, MENTOR, released_to=released_to)
        except InvalidTransition as error:
            raise _refuse(error) from error
        from_state = locked.state
        locked.state = target
        locked.claimed_by = None
        locked.claim_expires_at = None
        locked.save()
        _event(locked, mentor, Action.RELEASE, from_state)
    submission.refresh_from_db()
    return submission


def score(rubric, levels):
    """Check a level choice per criterion against the rubric; return (rows, points, max).

    ``levels`` maps a criterion's index to the chosen level's index.
    """
    rows = []
    errors = []
    for index, criterion in enumerate(rubric):
        choice = levels.get(index, levels.get(str(index)))
        try:
            choice = int(choice)
            level = criterion["levels"][choice]
            if choice < 0:
                raise IndexError
        except (TypeError, ValueError, IndexError):
            errors.append(
                _("Choose a level for “%(criterion)s”.") % {"criterion": criterion["criterion"]}
            )
            continue
        rows.append(
            {
                "criterion": criterion["criterion"],
                "level": level["label"],
                "level_index": choice,
                "points": level["points"],
                "max_points": criterion["max_points"],
            }
        )
    if errors:
        raise ValidationError({"scores": errors})
    return rows, sum(r["points"] for r in rows), sum(c["max_points"] for c in rubric)


def decide(submission, mentor, decision, *, levels=None, feedback="", reason=""):
    """Approve, request changes or reject the latest version; return the Review."""
    try:
        decision = Action(decision)
    except ValueError:
        decision = None
    if decision not in (Action.APPROVE, Action.REQUEST_CHANGES, Action.REJECT):
        raise ValidationError({"decision": [_("Choose approve, request changes or reject.")]})
    assignment = assignment_of(submission)
    rubric = assignment.rubric()
    errors = {}
    feedback = (feedback or "").replace("\r\n", "\n").strip()
    reason = (reason or "").replace("\r\n", "\n").strip()
    if not feedback:
        errors["feedback"] = [_("Write some feedback for the learner.")]
    elif len(feedback) > MAX_FEEDBACK_LENGTH:
        errors["feedback"] = [
            _("Feedback is too long (at most %(max)s characters).") % {"max": MAX_FEEDBACK_LENGTH}
        ]
    if decision == Action.REJECT and not reason:
        errors["reason"] = [_("Say why the work is rejected.")]
    rows, points, max_points = [], 0, sum(c["max_points"] for c in rubric)
    if decision != Action.REJECT or levels:
        try:
            rows, points, max_points = score(rubric, levels or {})
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        locked = _locked(submission)
        if locked.state in WAITING and locked.claimed_by_id != mentor.pk:
            raise ReviewError(
                _("Claim this submission before reviewing it: another mentor holds it.")
                if locked.claimed_by_id
                else _("Claim this submission before reviewing it."),
                code="not_claimed",
                status=409,
            )
        try:
            target = next_state(locked.state, decision, MENTOR)
        except InvalidTransition as error:
            raise _refuse(error) from error
        version = latest_version(locked)
        now = timezone.now()
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    submission=locked,
                    version=version,
                    mentor=mentor,
                    decision=decision,
                    feedback=feedback,
                    reason=reason if decision == Action.REJECT else "",
                    scores=rows,
                    points=points,
                    max_points=max_points,
                )
        except IntegrityError as error:
            raise ReviewError(
                _("This version has already been reviewed."), code="already_reviewed", status=409
            ) from error
        from_state = locked.state
        locked.state = target
        locked.claimed_by = None
        locked.claim_expires_at = None
        locked.waiting_since = None
        if target in (State.APPROVED, State.REJECTED):
            locked.decided_at = now
        locked.save()
        _event(locked, mentor, decision, from_state, version, now)
        if target == State.APPROVED:
            complete_assignment(locked)
        from mentoring import notify

        transaction.on_commit(lambda: notify.review_done(review.pk))
    submission.refresh_from_db()
    return review


def complete_assignment(submission):
    """Tell the progress tracker the assignment component is done (approval)."""
    from learning.progress.completion import complete_component

    complete_component(
        submission.learner,
        submission.lesson.specific,
        submission.assignment_id,
        kind="assignment",
    )
