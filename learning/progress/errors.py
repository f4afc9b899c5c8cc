"""Refusals of the learning rules, each with a stable code and a translated message.

The API turns them into problem-details responses and the HTML views into messages,
so one rule has one wording wherever it is broken.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.api.problems import Refusal


class LearningError(Refusal):
    pass


class NotFound(LearningError):
    status = 404
    code = "not_found"
    message = _("There is nothing here, or it is not yours.")


class NotEnrolled(LearningError):
    status = 403
    code = "not_enrolled"
    message = _("Enrol in this course (it is free) to save your progress.")


class OutOfRange(LearningError):
    status = 422
    code = "out_of_range"
    message = _("The position or a watched range lies outside this video.")


class UnknownRung(LearningError):
    status = 422
    code = "unknown_rung"
    message = _("This video has no such quality. Reload the page to get its current list.")


class EventConflict(LearningError):
    status = 409
    code = "event_conflict"
    message = _("This event id was already used for something else. Send a new id.")


class TooLate(LearningError):
    status = 422
    code = "too_late"
    message = _("This progress was made offline too long ago to be counted.")

    def __init__(self, *, days, **extra):
        message = ngettext(
            "This progress was made offline too long ago to be counted: progress is kept "
            "for %(days)s day without a connection.",
            "This progress was made offline too long ago to be counted: progress is kept "
            "for %(days)s days without a connection.",
            days,
        ) % {"days": days}
        super().__init__(message, days=days, **extra)


class RequirementsPending(LearningError):
    status = 409
    code = "requirements_pending"
    message = _(
        "This lesson is finished by doing its video, quiz or assignment, not by marking it."
    )


class AttemptsExhausted(LearningError):
    status = 409
    code = "attempts_exhausted"
    message = _("You have used every attempt this quiz allows.")


class RetryLater(LearningError):
    status = 429
    code = "retry_later"
    message = _("This quiz asks you to wait before trying again.")


class RateLimited(LearningError):
    status = 429
    code = "rate_limited"
    message = _("Too many requests. Please wait a moment and try again.")


class InvalidAnswers(LearningError):
    status = 422
    code = "invalid_answers"
    message = _("Some answers do not belong to this quiz.")
