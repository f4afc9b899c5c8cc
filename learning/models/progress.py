"""What a learner has done in a lesson, one row per lesson and one per component.

A lesson's components are the blocks of its body that have to be done: each video
(watched to the coverage threshold), each quiz (passed), each assignment (approved), or,
in a lesson with none of those, the reading itself (marked done). Components are named
by their StreamField block id, which survives reordering and translation.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ComponentKind(models.TextChoices):
    VIDEO = "video", _("Video")
    READING = "reading", _("Reading")
    QUIZ = "quiz", _("Quiz")
    ASSIGNMENT = "assignment", _("Assignment")


# The component id of a lesson that has nothing to do but read.
READING_COMPONENT_ID = "reading"


class LessonProgress(models.Model):
    """A learner's state in one lesson: a row exists once started; done once, for good."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        db_index=False,  # the unique constraint starts with it
    )
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key"], name="learning_lesson_progress_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "course_key"], name="learning_lessonprog_user_crs")]

    def __str__(self):
        return f"{self.user_id} · {self.lesson_key} ({self.status})"

    @property
    def status(self):
        return "done" if self.done_at else "started"


class ComponentProgress(models.Model):
    """One component of a lesson for one learner; for videos, the watched intervals too.

    ``intervals`` is the union of what was really played, as ``[[start, end], …]`` in
    seconds, sorted and disjoint; ``watched_seconds`` is its length. ``position`` is
    where to resume, from the most recently *made* heartbeat (``position_at`` is when it
    was made on the server's clock: received, less the time it waited in the player's
    queue), so a late heartbeat cannot move it back and devices whose clocks disagree
    still update each other.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="component_progress",
        db_index=False,  # the unique constraint starts with it
    )
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"))
    component_id = models.CharField(_("component"), max_length=64)
    kind = models.CharField(_("kind"), max_length=12, choices=ComponentKind.choices)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    # Videos only.
    duration = models.FloatField(_("duration (seconds)"), default=0)
    intervals = models.JSONField(_("watched intervals"), default=list, blank=True)
    watched_seconds = models.FloatField(_("seconds covered"), default=0)
    position = models.FloatField(_("resume position (seconds)"), default=0)
    position_at = models.DateTimeField(_("position made at (server time)"), null=True, blank=True)
    last_beat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    # Seconds of new coverage the next heartbeat may still add: refilled by wall-clock
    # time at the fastest playback speed, capped, spent by what beats add.
    allowance = models.FloatField(_("coverage allowance (seconds)"), default=0)
    seconds_spent = models.FloatField(_("time spent (seconds)"), default=0)

    class Meta:
        verbose_name = _("component progress")
        verbose_name_plural = _("component progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "component_id"],
                name="learning_component_progress_unique",
            )
        ]
        indexes = [
            models.Index(fields=["user", "course_key"], name="learning_compprog_user_course")
        ]

    def __str__(self):
        return f"{self.user_id} · {self.lesson_key} · {self.component_id}"

    @property
    def coverage(self):
        if not self.duration:
            return 0.0
        return min(1.0, self.watched_seconds / self.duration)


# A ladder rung's name as the video pipeline writes it ("240p" … "1080p", "audio").
RUNG_MAX_LENGTH = 16


class Heartbeat(models.Model):
    """One heartbeat as received: the idempotency record and the audit trail.

    The client generates ``event_id`` (a UUID) and re-sends the same one when a request
    may have been lost, so the unique constraint turns a replay into a no-op.
    """

    event_id = models.UUIDField(_("client event id"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # the week's index starts with it
    )
    lesson_key = models.UUIDField(_("lesson"))
    component_id = models.CharField(_("component"), max_length=64)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent (client clock)"))
    position = models.FloatField(_("position"))
    intervals = models.JSONField(_("intervals"), default=list)
    new_seconds = models.FloatField(_("newly covered seconds"), default=0)
    # What the played ranges cost: their seconds at the rung's bytes per second (from
    # the rung's measured size); the dashboard adds up a learner's week of them.
    # Database defaults too: beats written by raw SQL (the tracker's fast path, bulk
    # loads, a process still running the previous release) leave them out.
    rung = models.CharField(
        _("rung played"), max_length=RUNG_MAX_LENGTH, blank=True, default="", db_default=""
    )
    data_bytes = models.PositiveBigIntegerField(_("data used (bytes)"), default=0, db_default=0)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")
        indexes = [
            models.Index(fields=["received_at"], name="learning_heartbeat_received"),
            # A learner's week of beats, for the dashboard's "data used" figure.
            models.Index(fields=["user", "received_at"], name="learning_heartbeat_user_week"),
        ]

    def __str__(self):
        return str(self.event_id)


class Activity(models.Model):
    """A learner's own timeline for the dashboard: enrolled, finished a lesson, …"""

    class Kind(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        LEFT = "left", _("Left the course")
        LESSON_DONE = "lesson_done", _("Finished a lesson")
        QUIZ_PASSED = "quiz_passed", _("Passed a quiz")
        QUIZ_FAILED = "quiz_failed", _("Tried a quiz")
        COURSE_DONE = "course_done", _("Finished the course")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # the timeline index starts with it
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    course_key = models.UUIDField(_("course"))
    lesson_key = models.UUIDField(_("lesson"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="learning_activity_user_recent")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.created_at:%Y-%m-%d}"
