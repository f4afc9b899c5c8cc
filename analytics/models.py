"""What the analytics pages read: aggregates the rollup writes, never raw activity.

The rollup (``analytics.rollup``) turns enrolments, progress, heartbeats, quiz
attempts, reviews and outcomes into these rows; the pages and the API read only them,
so a page costs the same with a hundred learners as with a hundred thousand.

* ``DailyCount``: one number per metric, subject (a course's translation key, or ""
  for the whole academy) and day: enrolments, completions, reviews.
* ``Snapshot``: the current figures of one subject (a course, a track, a video, a
  quiz, the mentoring, the outcomes) as JSON, with the number of learners they are
  about, so the privacy threshold can be applied when they are shown.
* ``VideoPlays``: how many times each stretch of a video was played, summed from the
  heartbeats as they arrive (heartbeats are pruned after a few weeks; the sums stay).
* ``Watermark``: how far each incremental part of the rollup has read.

Counts are stored whole; hiding figures about fewer learners than the threshold is the
job of whoever shows them (``analytics.privacy``).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Watermark(models.Model):
    name = models.CharField(_("name"), max_length=40, unique=True)
    position = models.DateTimeField(_("read up to"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("rollup watermark")
        verbose_name_plural = _("rollup watermarks")

    def __str__(self):
        return f"{self.name}: {self.position}"


class DailyCount(models.Model):
    class Metric(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolments")
        FINISHED = "finished", _("Courses finished")
        REVIEWS = "reviews", _("Reviews")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    # A course's translation key, or "" for the whole academy.
    subject = models.CharField(_("subject"), max_length=64, blank=True)
    day = models.DateField(_("day"))
    value = models.PositiveIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "subject", "day"], name="analytics_daily_one_per_day"
            )
        ]

    def __str__(self):
        return f"{self.metric} {self.subject or '*'} {self.day}: {self.value}"


class Snapshot(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        TRACK = "track", _("Track")
        VIDEO = "video", _("Video")
        QUIZ = "quiz", _("Quiz")
        MENTORING = "mentoring", _("Mentoring")
        OUTCOMES = "outcomes", _("Outcomes")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # A course key, a track, "<lesson key>/<block id>" of a video or quiz, or "".
    subject = models.CharField(_("subject"), max_length=140, blank=True)
    # {language code: name} for the page's translations.
    labels = models.JSONField(_("names"), default=dict, blank=True)
    # How many learners the figures are about (the privacy threshold looks at it).
    learners = models.PositiveIntegerField(_("learners"), default=0)
    # Where the subject sits among its kind (a course's place in the catalogue …).
    position = models.CharField(_("position"), max_length=255, blank=True)
    data = models.JSONField(_("figures"), default=dict, blank=True)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        verbose_name = _("analytics snapshot")
        verbose_name_plural = _("analytics snapshots")
        ordering = ["kind", "position", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "subject"], name="analytics_snapshot_unique")
        ]
        permissions = [("view_analytics", _("Can see the analytics"))]

    def __str__(self):
        return f"{self.kind} {self.subject}"

    def label(self, language):
        labels = self.labels or {}
        return labels.get(language) or labels.get("ar") or next(iter(labels.values()), "")


class VideoPlays(models.Model):
    lesson_key = models.UUIDField(_("lesson"))
    component_id = models.CharField(_("video block"), max_length=64)
    bucket_seconds = models.FloatField(_("seconds per stretch"))
    # Plays of each stretch, in order: the heartbeats' ranges summed.
    plays = models.JSONField(_("plays"), default=list, blank=True)
    beats = models.PositiveBigIntegerField(_("heartbeats read"), default=0)

    class Meta:
        verbose_name = _("video plays")
        verbose_name_plural = _("video plays")
        constraints = [
            models.UniqueConstraint(
                fields=["lesson_key", "component_id"], name="analytics_videoplays_unique"
            )
        ]

    def __str__(self):
        return f"{self.lesson_key}/{self.component_id}"
