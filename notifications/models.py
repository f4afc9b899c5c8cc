"""How people hear of what happened: in-app notices and an e-mail outbox.

E-mails are written to the outbox in the request and sent by a background task, so a
slow or failing mail server never slows a page; a row stays until it is sent, with its
attempts and last error, and a failed send is tried again later (see
``notifications.outbox``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """Someone's own settings, the same on every device: the language of their e-mails
    (the site's language if unset), and data saver for the lesson videos."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email_enabled = models.BooleanField(_("send me e-mails"), default=True)
    data_saver = models.BooleanField(
        _("data saver"),
        default=False,
        help_text=_("Lesson videos play the sound only, with a still picture."),
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user} ({self.language})"


class Notice(models.Model):
    """An in-app notice; its text is rendered in the reader's language when shown."""

    class Kind(models.TextChoices):
        SUBMISSION_ARRIVED = "submission_arrived", _("New work to review")
        REVIEW_DONE = "review_done", _("Your work was reviewed")
        # Written by outcomes.asking, 30 days after a learner finished a course.
        OUTCOME_ASK = "outcome_ask", _("What did your course bring you?")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        db_index=False,  # the unread index starts with it
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    # What the writing app needs to word the notice and link it (ids, titles, names).
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [models.Index(fields=["user", "read_at"], name="notifications_unread_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"


class OutboxEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")
        # A digest whose items were all dealt with before it was due.
        SKIPPED = "skipped", _("Nothing left to send")

    class Kind(models.TextChoices):
        SUBMISSION_DIGEST = "submission_digest", _("New work to review")
        REVIEW_DONE = "review_done", _("Review done")
        # Written by credentials.awarding, rendered by its builder in CONTEXT_BUILDERS.
        BADGE_AWARDED = "badge_awarded", _("Badge awarded")
        # Written by outcomes.asking, rendered by its builder in CONTEXT_BUILDERS.
        OUTCOME_ASK = "outcome_ask", _("What did your course bring you?")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="outbox_emails",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    # What the kind's builder needs (a digest's item ids, a review id); rendered when sent.
    data = models.JSONField(default=dict, blank=True)
    # A digest gathers items until it is due; a recipient has one open digest per kind.
    is_digest = models.BooleanField(_("digest"), default=False, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    # Not before: a digest waits for more arrivals; a failed send waits for its backoff.
    send_after = models.DateTimeField(_("send after"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail in the outbox")
        verbose_name_plural = _("e-mail outbox")
        indexes = [
            models.Index(fields=["status", "send_after"], name="notifications_outbox_due_idx"),
            # The admin lists the outbox newest first.
            models.Index(fields=["created_at", "id"], name="notifications_outbox_created"),
        ]
        constraints = [
            # At most one open digest per recipient and kind: new items join it.
            models.UniqueConstraint(
                fields=["recipient", "kind"],
                condition=Q(status="pending", is_digest=True, attempts=0),
                name="notifications_outbox_one_open_digest",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"
