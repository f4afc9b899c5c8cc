"""The mentor's side: claims that expire, rubric scores and decisions."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.limits import MAX_REASON_LENGTH
from mentoring.models import (
    Review,
    Submission,
)
from mentoring.services.common import (
    MAX_FEEDBACK_LENGTH,
    ReviewError,
    _event,
    _locked,
    _refuse,
    assignment_of,
    complete_assignment,
)
from mentoring.services.handing_in import latest_version
from mentoring.states import (
    MENTOR,
    WAITING,
    Action,
    InvalidTransition,
    State,
    next_state,
)

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
    if submission.lesson_id is None:
        assignment_of(submission)  # refuses once the lesson is gone in every language
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
    elif len(reason) > MAX_REASON_LENGTH:
        errors["reason"] = [
            _("The reason is too long (at most %(max)s characters).") % {"max": MAX_REASON_LENGTH}
        ]
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
