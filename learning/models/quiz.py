"""Quiz attempts, every one of them kept."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class QuizAttempt(models.Model):
    """One scored submission of a quiz.

    ``number`` counts a learner's attempts at one quiz from 1; the unique constraint on
    it is what keeps two simultaneous submissions from both slipping under an attempt
    limit. ``answers`` holds the chosen choice ids per question id and ``results`` the
    scoring per question, so the result page can be shown again later exactly as scored,
    even after an editor changes the quiz.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        db_index=False,  # the unique constraint starts with it
    )
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    lesson_id = models.IntegerField(_("lesson page"), help_text=_("The page that was answered."))
    quiz_id = models.CharField(_("quiz"), max_length=64)
    number = models.PositiveIntegerField(_("attempt number"))
    answers = models.JSONField(_("answers"), default=dict)
    results = models.JSONField(_("results"), default=list)
    correct = models.PositiveIntegerField(_("correct answers"))
    total = models.PositiveIntegerField(_("questions"))
    score = models.PositiveSmallIntegerField(_("score (%)"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    passed = models.BooleanField(_("passed"))
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    # The client's id for this submission: a quiz answered offline is resent until the
    # server answers, and a resend must not spend a second attempt.
    event_id = models.UUIDField(_("event id"), null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "quiz_id", "number"],
                name="learning_quiz_attempt_number",
            )
        ]
        # The admin lists attempts newest first.
        indexes = [models.Index(fields=["created_at", "id"], name="learning_quiz_created")]

    def __str__(self):
        return f"{self.user_id} · {self.quiz_id} #{self.number} ({self.score}%)"

    @cached_property
    def lesson_title(self):
        from learning.models.enrolment import title_for_key

        return title_for_key(self.lesson_key)

    lesson_title.short_description = _("lesson")
