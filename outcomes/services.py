"""Reporting outcomes, changing their consents, and what follows from either.

Every way in (the page, the API, the admin) goes through here, so the rules, the
statistics cache and the badges' evidence stay in step:

* a report is validated by ``OutcomeForm`` and saved with the course it follows;
* withdrawing a consent clears it at once, and every figure built from the rows
  (``outcomes.statistics``) no longer counts the learner;
* a change to what a verified outcome shows publicly re-signs the learner's badges,
  whose evidence lists it (``credentials.evidence``).
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts.api.problems import Refusal
from credentials import tasks as credential_tasks
from credentials.models import BadgeAward
from learning.models import Enrolment
from outcomes.forms import OutcomeForm
from outcomes.models import Outcome

CONSENTS = ("count_in_statistics", "may_contact", "show_publicly")


class OutcomeError(Refusal):
    status = 422
    code = "invalid_outcome"
    message = _("The report has mistakes. See errors for where.")


class Duplicate(OutcomeError):
    status = 409
    code = "duplicate"
    message = _("You already reported this.")


def form_errors(form):
    """``[{"loc", "type", "msg"}]`` of a refused form, as the API's other errors read."""
    found = []
    for field, errors in form.errors.as_data().items():
        for error in errors:
            message = error.message % error.params if error.params else error.message
            found.append(
                {
                    "loc": ["body", "data"] + ([field] if field != "__all__" else []),
                    "type": error.code or "invalid",
                    "msg": str(message),
                }
            )
    return found


def last_finished_course(user):
    return (
        Enrolment.objects.filter(user=user, completed_at__isnull=False)
        .order_by("-completed_at")
        .values_list("course_key", flat=True)
        .first()
    )


def report(user, data):
    """Validate and save one report; raise ``OutcomeError`` (422) or ``Duplicate``
    (409) with the form's errors."""
    form = OutcomeForm(data, user=user)
    if not form.is_valid():
        errors = form_errors(form)
        if any(error["type"] == "duplicate" for error in errors):
            raise Duplicate(form.non_field_errors()[0], errors=errors)
        raise OutcomeError(errors=errors)
    return save_report(form, user)


def save_report(form, user):
    """Save a valid ``OutcomeForm`` as the learner's report (``Duplicate`` when another
    request saved the same one a moment before)."""
    outcome = form.save(commit=False)
    outcome.user = user
    outcome.course_key = last_finished_course(user)
    try:
        with transaction.atomic():
            outcome.save()
    except IntegrityError as error:
        # Two reports at the same moment: the database keeps one.
        raise Duplicate() from error
    _after_change(outcome, was_public=False)
    return outcome


def set_consents(outcome, **changes):
    """Change some of the outcome's consents (``count_in_statistics=False`` …)."""
    unknown = set(changes) - set(CONSENTS)
    if unknown:
        raise ValueError(f"not a consent: {sorted(unknown)}")
    was_public = is_public_evidence(outcome)
    for name, value in changes.items():
        setattr(outcome, name, bool(value))
    outcome.save(update_fields=[*changes, "updated_at"])
    _after_change(outcome, was_public)
    return outcome


def withdraw(outcome, consents=CONSENTS):
    return set_consents(outcome, **dict.fromkeys(consents, False))


def set_review(outcome, review):
    was_public = is_public_evidence(outcome)
    outcome.review = review
    outcome.save(update_fields=["review", "updated_at"])
    _after_change(outcome, was_public)
    return outcome


def is_public_evidence(outcome):
    return outcome.show_publicly and outcome.review == Outcome.Review.VERIFIED


def _after_change(outcome, was_public):
    if was_public == is_public_evidence(outcome):
        return
    user_id = outcome.user_id
    if BadgeAward.objects.valid().filter(recipient_id=user_id).exists():
        transaction.on_commit(lambda: credential_tasks.request_resign(user_id))
