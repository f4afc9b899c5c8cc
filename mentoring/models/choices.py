"""The states of a submission and the actions on it (the rules are in ``mentoring.states``)."""

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
