"""Background work for videos, through Django's Tasks API (``django_tasks``)."""

from django_tasks import task

from django.db import transaction


@task(queue_name="media")
def transcode_video(video_id: int, force: bool = False) -> dict:
    from .pipeline import process_video

    # Raising on server-side failures marks the task failed in the backend too, so an
    # operator sees the traceback there; rejected uploads are a normal outcome.
    return process_video(video_id, force=force, raise_errors=True)


def enqueue_transcode(video, force=False):
    """Queue the transcode once the row (and its original file) is committed."""
    video_id = video.pk
    transaction.on_commit(lambda: transcode_video.enqueue(video_id, force=force))
