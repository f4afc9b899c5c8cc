"""The life of a submission, as one table.

Every change of state in the code goes through :func:`next_state`, so what the queue,
the views and the API allow cannot drift apart, and the test can walk the whole table:
each (state, action) pair is either listed here or refused.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submit")
    CLAIM = "claim", _("Claim")
    RELEASE = "release", _("Release")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    RESUBMIT = "resubmit", _("Resubmit")
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    # An assignment that needs no mentor is approved the moment it is handed in.
    AUTO_APPROVE = "auto_approve", _("Approve without review")


LEARNER = "learner"
MENTOR = "mentor"
SYSTEM = "system"

# (state, action) -> (next state, who may do it). A claim on a submission already in
# review is how a mentor renews their own claim or takes over an expired one; whether
# the claim is free is checked by the claim itself, atomically.
TRANSITIONS = {
    (State.DRAFT, Action.SUBMIT): (State.SUBMITTED, LEARNER),
    (State.SUBMITTED, Action.AUTO_APPROVE): (State.APPROVED, SYSTEM),
    (State.SUBMITTED, Action.CLAIM): (State.IN_REVIEW, MENTOR),
    (State.RESUBMITTED, Action.CLAIM): (State.IN_REVIEW, MENTOR),
    (State.IN_REVIEW, Action.CLAIM): (State.IN_REVIEW, MENTOR),
    (State.IN_REVIEW, Action.RELEASE): (None, MENTOR),  # back to where it came from
    (State.IN_REVIEW, Action.REQUEST_CHANGES): (State.CHANGES_REQUESTED, MENTOR),
    (State.IN_REVIEW, Action.APPROVE): (State.APPROVED, MENTOR),
    (State.IN_REVIEW, Action.REJECT): (State.REJECTED, MENTOR),
    (State.CHANGES_REQUESTED, Action.RESUBMIT): (State.RESUBMITTED, LEARNER),
    (State.RESUBMITTED, Action.AUTO_APPROVE): (State.APPROVED, SYSTEM),
}

# States in which a mentor has something to do, oldest first in the queue.
WAITING = (State.SUBMITTED, State.RESUBMITTED, State.IN_REVIEW)
# States in which the learner may edit a draft of their next version.
EDITABLE = (State.DRAFT, State.CHANGES_REQUESTED)
FINAL = (State.APPROVED, State.REJECTED)
DECISIONS = (Action.APPROVE, Action.REQUEST_CHANGES, Action.REJECT)


class InvalidTransition(Exception):
    """Refused change of state; ``message`` is translated and safe to show."""

    def __init__(self, message, code="invalid_transition"):
        super().__init__(str(message))
        self.message = message
        self.code = code


def next_state(state, action, role, *, released_to=None):
    """The state after ``action`` by ``role``, or :class:`InvalidTransition`.

    ``released_to`` is the queue state a released claim falls back to (submitted for a
    first version, resubmitted after that); the caller knows the version count.
    """
    try:
        state, action = State(state), Action(action)
    except ValueError as error:
        raise InvalidTransition(_("Unknown state or action.")) from error
    rule = TRANSITIONS.get((state, action))
    if rule is None:
        raise InvalidTransition(
            _("You cannot %(action)s a submission that is %(state)s.")
            % {"action": action.label.lower(), "state": state.label.lower()}
        )
    target, allowed_role = rule
    if role != allowed_role:
        raise InvalidTransition(
            _("Only a %(role)s can do this.") % {"role": ROLE_LABELS[allowed_role]},
            code="forbidden",
        )
    if target is None:
        target = State(released_to or State.SUBMITTED)
        if target not in (State.SUBMITTED, State.RESUBMITTED):
            raise InvalidTransition(_("A released submission goes back to the queue."))
    return target


ROLE_LABELS = {LEARNER: _("learner"), MENTOR: _("mentor"), SYSTEM: _("the site")}
