"""Create a video from a file on this machine and (with --wait) run the pipeline to the end."""

import json
import os

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from media_processing.models import Video
from media_processing.pipeline import process_video
from media_processing.tasks import enqueue_transcode


def video_summary(video):
    return {
        "id": video.pk,
        "status": video.status,
        "error": video.error,
        "duration": video.duration,
        "width": video.width,
        "height": video.height,
        "renditions": [
            {"name": r.name, "width": r.width, "height": r.height, "bandwidth": r.bandwidth}
            for r in video.sorted_renditions
        ],
        "master_url": video.master_url,
    }


class Command(BaseCommand):
    help = (
        "Import a video file into the library. With --wait the transcode runs here and the "
        "exit status is 0 when the video is ready, 1 when it failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Video or audio file to import")
        parser.add_argument("--title", help="Title (default: the file name)")
        parser.add_argument(
            "--wait", action="store_true", help="Transcode now instead of queueing a task"
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object"
        )
        parser.add_argument(
            "--language", default=None, help="Language of the failure reason (default: the site's)"
        )

    def handle(self, *args, path, title, wait, as_json, language, **options):
        if not os.path.isfile(path):
            raise CommandError(f"No such file: {path}")
        if language:
            translation.activate(language)
        filename = os.path.basename(path)
        video = Video(
            title=(title or os.path.splitext(filename)[0] or filename)[:255],
            original_filename=filename[:255],
            file_size=os.path.getsize(path),
        )
        with open(path, "rb") as handle:
            video.file.save(filename, File(handle, name=filename), save=False)
        video.save()

        if wait:
            process_video(video.pk)
        else:
            enqueue_transcode(video)
        video = Video.objects.prefetch_related("renditions").get(pk=video.pk)
        summary = video_summary(video)

        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            self._print(video, summary, wait)
        if wait and video.status != Video.Status.READY:
            raise SystemExit(1)

    def _print(self, video, summary, wait):
        self.stdout.write(f"Video {video.pk}: {video.title} [{video.status}]")
        if not wait:
            self.stdout.write("Queued for processing on the 'media' task queue.")
            return
        if video.status == Video.Status.READY:
            self.stdout.write(
                f"{video.duration:.2f} s, {video.width or '-'}x{video.height or '-'}, "
                f"master: {summary['master_url']}"
            )
            for r in summary["renditions"]:
                size = f"{r['width']}x{r['height']}" if r["width"] else "audio"
                self.stdout.write(f"  {r['name']:>6} {size:>10} {r['bandwidth'] // 1000} kb/s")
        else:
            self.stderr.write(f"Failed: {video.error}")
