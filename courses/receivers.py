"""Lesson pages keep each block's HTML (``cms.fragments``) and the course's syllabus
with its video time (``courses.syllabus``); a video block shows the video's state,
quality sizes and captions, which change without a new page revision."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.fragments import bump_generation
from media_processing.models import Caption, Video
from media_processing.signals import video_ready


@receiver(video_ready, dispatch_uid="courses-fragments-video-ready")
def video_became_ready(sender, video_id, **kwargs):
    # The pipeline marks a video ready with one UPDATE, which sends no post_save.
    bump_generation()


@receiver(post_save, sender=Video, dispatch_uid="courses-fragments-video-saved")
def video_saved(sender, instance, update_fields=None, **kwargs):
    # Progress beats of a transcode save a few columns; only a change of status (or a
    # full save, as the admin does) can change what a lesson shows.
    if update_fields is not None and "status" not in update_fields:
        return
    bump_generation()


@receiver(post_delete, sender=Video, dispatch_uid="courses-fragments-video-deleted")
@receiver(post_save, sender=Caption, dispatch_uid="courses-fragments-caption-saved")
@receiver(post_delete, sender=Caption, dispatch_uid="courses-fragments-caption-deleted")
def caption_changed(sender, **kwargs):
    bump_generation()
