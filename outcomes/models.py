"""What learners earned after their courses: a first client, then monthly earnings.

Each row carries its own consents. Statistics read only rows with
``count_in_statistics``; withdrawing that consent clears it, and every figure built
from the rows drops the learner on its next computation.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Outcome(models.Model):
    class Kind(models.TextChoices):
        FIRST_CLIENT = "first_client", _("First client or sale")
        EARNINGS = "earnings", _("Monthly earnings")

    class Band(models.TextChoices):
        """Monthly earnings, in US dollars."""

        UNDER_100 = "lt100", _("Under $100 a month")
        B100_300 = "100-300", _("$100 to $300 a month")
        B300_1000 = "300-1000", _("$300 to $1,000 a month")
        OVER_1000 = "gt1000", _("Over $1,000 a month")

    class Review(models.TextChoices):
        """An editor checks the link."""

        REPORTED = "reported", _("Reported")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="outcomes",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The translation key of the course it follows (the last one she finished), so the
    # figure stays with the course in every language.
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    marketplace = models.ForeignKey(
        "cms.Marketplace",
        verbose_name=_("marketplace"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    happened_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    band = models.CharField(_("monthly earnings"), max_length=10, choices=Band.choices, blank=True)
    count_in_statistics = models.BooleanField(_("count in statistics"), default=False)
    may_contact = models.BooleanField(_("may be contacted for a story"), default=False)
    show_publicly = models.BooleanField(_("shown on her profile"), default=False)
    review = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.REPORTED
    )
    story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story draft"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            # One first client per learner; one earnings band per month.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(kind="first_client"),
                name="outcome_one_first_client",
            ),
            models.UniqueConstraint(
                fields=["user", "happened_on"],
                condition=models.Q(kind="earnings"),
                name="outcome_one_band_a_month",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "kind"], name="outcome_user_kind"),
            models.Index(fields=["kind", "count_in_statistics"], name="outcome_kind_counted"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.happened_on}"


class OutcomeAsk(models.Model):
    """The one time a learner was asked, 30 days after finishing a course, what she
    earned since. Its row is written before the notice and the e-mail, in the same
    transaction, so a second run of the periodic task finds her asked already."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="outcome_ask",
    )
    course_key = models.UUIDField(_("course"))
    language = models.CharField(_("language"), max_length=10)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)

    class Meta:
        verbose_name = _("outcome question")
        verbose_name_plural = _("outcome questions")

    def __str__(self):
        return f"{self.user_id} · {self.asked_at:%Y-%m-%d}"
