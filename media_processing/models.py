"""Lesson videos: the uploaded original, its published HLS ladder, and caption tracks."""

import posixpath
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import get_valid_filename
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import CollectionMember
from wagtail.search import index

from . import conf, storage
from .errors import format_duration, message_for


def original_upload_to(instance, filename):
    # A folder per upload keeps the editor's file name (Arabic letters included) intact.
    return f"videos/originals/{uuid.uuid4().hex}/{get_valid_filename(filename)[-120:]}"


class VideoQuerySet(models.QuerySet):
    def stale(self):
        """Videos a dead worker left in "processing" (its lease ran out)."""
        return self.filter(status=Video.Status.PROCESSING).filter(
            models.Q(lease_expires_at__lt=timezone.now()) | models.Q(lease_expires_at__isnull=True)
        )

    def ready(self):
        return self.filter(status=Video.Status.READY)


class Video(CollectionMember, index.Indexed, models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("original file"), upload_to=original_upload_to, max_length=500)
    original_filename = models.CharField(_("original file name"), max_length=255, blank=True)
    file_size = models.BigIntegerField(_("original size (bytes)"), null=True, blank=True)
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error_code = models.CharField(_("failure reason code"), max_length=64, blank=True)
    error_params = models.JSONField(_("failure reason parameters"), default=dict, blank=True)
    error_detail = models.TextField(
        _("technical detail"),
        blank=True,
        help_text=_("The end of ffmpeg's log or the error, for administrators."),
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)

    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    width = models.PositiveIntegerField(_("display width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("display height"), null=True, blank=True)
    has_audio = models.BooleanField(_("has sound"), default=False)
    has_video = models.BooleanField(_("has picture"), default=False)
    sound_in_rungs = models.BooleanField(
        _("sound in every picture rung"),
        default=False,
        help_text=_(
            "Ladders made since the sound was muxed into each rung play with the light "
            "build of the web player; older ones keep the sound in its own playlist."
        ),
    )
    source_info = models.JSONField(_("source details"), default=dict, blank=True)

    hls_prefix = models.CharField(_("published storage prefix"), max_length=255, blank=True)
    poster = models.CharField(_("poster image path"), max_length=500, blank=True)
    download_mp4 = models.CharField(_("download file path"), max_length=500, blank=True)

    # The lease: a worker owns a "processing" video until lease_expires_at, renewing it
    # as it makes progress. A worker killed mid-job stops renewing, so the video becomes
    # retryable instead of staying "processing" for ever.
    lease_token = models.CharField(max_length=32, blank=True, editable=False)
    lease_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    processing_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True, editable=False)
    pending_prefix = models.CharField(max_length=255, blank=True, editable=False)

    objects = VideoQuerySet.as_manager()

    search_fields = CollectionMember.search_fields + [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("uploaded_by_user"),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-created_at"]
        permissions = [("choose_video", _("Can choose video"))]

    def __str__(self):
        return self.title

    # State -----------------------------------------------------------------------

    @property
    def is_ready(self):
        return self.status == self.Status.READY

    @property
    def is_stale(self):
        return self.status == self.Status.PROCESSING and (
            self.lease_expires_at is None or self.lease_expires_at < timezone.now()
        )

    @property
    def can_retry(self):
        """Failed, stuck after a dead worker, or never picked up."""
        if self.status == self.Status.FAILED or self.is_stale:
            return True
        return self.status == self.Status.UPLOADED and self.updated_at < timezone.now() - timedelta(
            seconds=conf.lease_seconds()
        )

    @property
    def duration_display(self):
        """0:42, 12:05 or 1:02:03."""
        return format_duration(self.duration) if self.duration else ""

    @property
    def is_audio_only(self):
        return self.has_audio and not self.has_video

    @property
    def error(self):
        """The failure reason, in the reader's language."""
        if not self.error_code:
            return ""
        return message_for(self.error_code, self.error_params)

    def get_status_display_long(self):
        if self.is_stale:
            return _("Stalled (the worker stopped)")
        return self.get_status_display()

    # URLs for the lesson pages ----------------------------------------------------

    @property
    def master_path(self):
        return posixpath.join(self.hls_prefix, "master.m3u8") if self.hls_prefix else ""

    @property
    def master_url(self):
        if not self.is_ready or not self.hls_prefix:
            return ""
        return storage.public_url(self.master_path)

    @property
    def poster_url(self):
        return storage.public_url(self.poster) if self.is_ready and self.poster else ""

    @property
    def download_url(self):
        return storage.public_url(self.download_mp4) if self.is_ready and self.download_mp4 else ""

    @cached_property
    def download_bytes(self):
        rendition = self.lowest_rendition
        return rendition.bytes if rendition else None

    @cached_property
    def sorted_renditions(self):
        """Video rungs from the smallest up, then the audio-only one."""
        renditions = list(self.renditions.all())
        return sorted(renditions, key=lambda r: (r.kind == Rendition.Kind.AUDIO, r.bandwidth))

    @property
    def video_renditions(self):
        return [r for r in self.sorted_renditions if r.kind == Rendition.Kind.VIDEO]

    @property
    def audio_rendition(self):
        return next((r for r in self.sorted_renditions if r.kind == Rendition.Kind.AUDIO), None)

    @property
    def sound_is_separate(self):
        """An older ladder: its picture rungs take their sound from the audio rung's
        playlist, which only the full build of hls.js plays (the light one stays silent)."""
        return bool(self.audio_rendition and self.video_renditions and not self.sound_in_rungs)

    @property
    def lowest_rendition(self):
        videos = self.video_renditions
        return videos[0] if videos else self.audio_rendition

    @property
    def orientation(self):
        if not self.width or not self.height:
            return ""
        return "portrait" if self.height > self.width else "landscape"

    def original_url(self):
        return storage.private_url(self.file.name) if self.file else ""

    # Files --------------------------------------------------------------------------

    def delete_stored_files(self):
        """Remove the original, the published ladder, any half-written one, and captions."""
        for prefix in {self.hls_prefix, self.pending_prefix} - {""}:
            storage.delete_prefix(prefix)
        for caption in self.captions.all():
            caption.delete_file()
        if self.file:
            self.file.storage.delete(self.file.name)


class Rendition(models.Model):
    """One published rung of the ladder (or the audio-only one)."""

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio only")

    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="renditions")
    name = models.CharField(_("name"), max_length=16)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.VIDEO)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    bandwidth = models.PositiveIntegerField(
        _("peak bandwidth (bits/s)"), help_text=_("Including the sound track.")
    )
    average_bandwidth = models.PositiveIntegerField(_("average bandwidth (bits/s)"), default=0)
    bytes = models.BigIntegerField(
        _("bytes to watch"),
        help_text=_("What watching the whole video at this quality downloads, sound included."),
    )
    codecs = models.CharField(_("codecs"), max_length=64, blank=True)
    playlist_path = models.CharField(_("playlist path"), max_length=500)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ["kind", "bandwidth"]
        constraints = [
            models.UniqueConstraint(fields=["video", "name"], name="unique_rendition_name")
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        if self.kind == self.Kind.AUDIO:
            return _("Data saver (sound only)")
        return self.name

    @property
    def playlist_url(self):
        return storage.public_url(self.playlist_path)

    @property
    def megabytes(self):
        return round(self.bytes / 1_000_000, 1)

    @property
    def human_size(self):
        return conf.human_size(self.bytes)


def caption_language_choices():
    return list(settings.LANGUAGES)


class Caption(models.Model):
    """A WebVTT caption track in one language, uploaded by an editor."""

    video = models.ForeignKey(Video, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(_("language"), max_length=8, choices=caption_language_choices)
    file = models.FileField(_("WebVTT file"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["video", "language"], name="one_caption_per_language")
        ]

    def __str__(self):
        return f"{self.video} ({self.language})"

    @property
    def label(self):
        try:
            return get_language_info(self.language)["name_local"]
        except KeyError:
            return self.language

    @property
    def url(self):
        return storage.public_url(self.file.name) if self.file else ""

    @classmethod
    def store(cls, video, language, text):
        """Save WebVTT ``text`` under a fresh name (cacheable for ever) and record it."""
        name = storage.save_bytes(
            f"videos/captions/{video.pk}/{language}-{uuid.uuid4().hex[:10]}.vtt",
            text.encode("utf-8"),
        )
        return cls.objects.create(video=video, language=language, file=name)

    def clean(self):
        languages = {code for code, _name in settings.LANGUAGES}
        if self.language not in languages:
            raise ValidationError({"language": _("Choose one of the site's languages.")})

    def delete_file(self):
        if self.file:
            self.file.storage.delete(self.file.name)
