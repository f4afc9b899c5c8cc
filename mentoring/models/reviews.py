"""A mentor's decision on one version, scored against the assignment's rubric.

The rubric lives in the lesson's StreamField and editors may change it later, so each
review keeps a copy of the criteria and levels it scored: an old review still reads as
it was written.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentoring.limits import MAX_SNIPPET_TEXT_LENGTH, MAX_SNIPPET_TITLE_LENGTH
from mentoring.models.choices import Action

DECISION_CHOICES = [
    (Action.APPROVE.value, _("Approved")),
    (Action.REQUEST_CHANGES.value, _("Changes requested")),
    (Action.REJECT.value, _("Rejected")),
]


class Review(models.Model):
    submission = models.ForeignKey(
        "mentoring.Submission", on_delete=models.CASCADE, related_name="reviews"
    )
    # Indexed by the one-review-per-version constraint.
    version = models.ForeignKey(
        "mentoring.SubmissionVersion",
        on_delete=models.CASCADE,
        related_name="reviews",
        db_index=False,
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reviews_given",
    )
    decision = models.CharField(_("decision"), max_length=20, choices=DECISION_CHOICES)
    feedback = models.TextField(_("feedback"), max_length=10000)
    reason = models.TextField(_("reason for rejecting"), blank=True, max_length=2000)
    # [{"criterion": str, "level": str, "points": int, "max_points": int}, ...]
    scores = models.JSONField(_("scores"), default=list)
    points = models.PositiveIntegerField(_("points"), default=0)
    max_points = models.PositiveIntegerField(_("out of"), default=0)
    created_at = models.DateTimeField(_("reviewed"), auto_now_add=True)

    class Meta:
        ordering = ["submission", "created_at", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            # One decision per version: a second mentor cannot decide twice.
            models.UniqueConstraint(fields=["version"], name="mentoring_review_one_per_version")
        ]

    def __str__(self):
        return f"{self.get_decision_display()} — {self.submission}"


class FeedbackSnippet(models.Model):
    """A paragraph a mentor writes often, kept per mentor and language."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_snippets"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    title = models.CharField(_("title"), max_length=MAX_SNIPPET_TITLE_LENGTH)
    text = models.TextField(_("text"), max_length=MAX_SNIPPET_TEXT_LENGTH)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["mentor", "language", "title"]
        verbose_name = _("feedback snippet")
        verbose_name_plural = _("feedback snippets")

    def __str__(self):
        return self.title
