"""A learner's work on one assignment: the submission, its frozen versions, its history.

A ``Submission`` is the thread (one per learner, lesson and assignment block); every
hand-in freezes a ``SubmissionVersion``; every change of state leaves a
``SubmissionEvent``. Nothing is edited after it is frozen and nothing is deleted, so
the history a mentor and the learner read is the history that happened, even after
editors delete, move or unpublish the lesson.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.models.choices import State
from mentoring.storage import get_private_storage


class Submission(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="submissions",
        db_index=False,  # the unique constraint starts with it
    )
    # The page handed in on. Learners' work outlives pages: deleting that page (or that
    # translation) empties this field and keeps the submission, its versions, reviews
    # and files; the lesson is then found again by its translation key, and a lesson
    # gone in every language is shown as removed (``mentoring.pages``).
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    # Translation keys: the same assignment in another language of the lesson is the
    # same piece of work (as in the progress tracker).
    lesson_key = models.UUIDField(_("lesson key"))
    course_key = models.UUIDField(_("course key"), db_index=True)
    # The assignment block's stable id inside the lesson body.
    assignment_id = models.CharField(_("assignment"), max_length=64)
    assignment_title = models.CharField(_("assignment title"), max_length=200, blank=True)
    # Copied at creation so the queue filters and permission checks need no page tree
    # walk; emptied, not cascaded, when the page goes (as ``lesson``).
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    cohort = models.ForeignKey(
        "mentoring.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    # Indexed with waiting_since (the queue's index).
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    # Language of the page the learner handed in from: e-mails to them use it when they
    # have no stored preference.
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    # When the current version joined the queue; the queue is ordered by it.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claimed_submissions",
    )
    claim_expires_at = models.DateTimeField(_("claim expires"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["waiting_since", "pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson_key", "assignment_id"],
                name="mentoring_submission_one_per_assignment",
            )
        ]
        indexes = [models.Index(fields=["state", "waiting_since"], name="mentoring_sub_queue_idx")]

    def __str__(self):
        return f"{self.assignment_title or self.assignment_id} — {self.learner}"

    def claim_is_live(self, now=None):
        return bool(
            self.claimed_by_id
            and self.claim_expires_at
            and self.claim_expires_at > (now or timezone.now())
        )

    def waiting_for(self, now=None):
        if not self.waiting_since:
            return None
        return (now or timezone.now()) - self.waiting_since


class SubmissionVersion(models.Model):
    """One hand-in. ``number`` is None while it is the learner's draft."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Indexed by the unique constraint on (submission, number).
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="versions", db_index=False
    )
    number = models.PositiveIntegerField(_("version"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True, max_length=20000)
    link = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to="submissions/", blank=True, max_length=255
    )
    file_name = models.CharField(_("file name"), max_length=150, blank=True)
    file_type = models.CharField(_("file type"), max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["submission", "number"]
        verbose_name = _("submission version")
        verbose_name_plural = _("submission versions")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="mentoring_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["submission"],
                condition=Q(number__isnull=True),
                name="mentoring_version_one_draft",
            ),
        ]

    def __str__(self):
        return f"{self.submission} v{self.number or '-'}"

    @property
    def is_draft(self):
        return self.number is None

    @property
    def is_empty(self):
        return not (self.text.strip() or self.link or self.file)


class SubmissionEvent(models.Model):
    """One change of state, who made it and why: the timeline both sides read."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20)
    from_state = models.CharField(_("from"), max_length=20, blank=True)
    to_state = models.CharField(_("to"), max_length=20)
    version = models.ForeignKey(
        SubmissionVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["submission", "created_at", "pk"]
        verbose_name = _("submission event")
        verbose_name_plural = _("submission events")

    def __str__(self):
        return f"{self.action}: {self.from_state} → {self.to_state}"
