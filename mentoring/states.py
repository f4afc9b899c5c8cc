"""The life of a submission, as one table.

Every change of state in the code goes through :func:`next_state`, so what the queue,
the views and the API allow cannot drift apart, and the test can walk the whole table:
each (state, action) pair is either listed here or refused.
"""

from django.utils.translation import gettext_lazy as _

from mentoring.models.choices import Action, State

__all__ = ["Action", "State", "next_state", "InvalidTransition"]


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
