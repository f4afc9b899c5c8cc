"""Queue again the videos a dead worker left behind (run it from cron, or after a crash)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from media_processing import conf
from media_processing.models import Video
from media_processing.tasks import enqueue_transcode


class Command(BaseCommand):
    help = (
        "Re-enqueue videos stuck in 'processing' after their worker died (lease expired) "
        "and uploads that were never picked up; --failed also retries failed ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--failed", action="store_true", help="Retry failed videos too")
        parser.add_argument("--dry-run", action="store_true", help="Only list them")

    def handle(self, *args, failed, dry_run, **options):
        waited_too_long = timezone.now() - timedelta(seconds=conf.lease_seconds())
        query = Q(pk__in=Video.objects.stale().values("pk")) | Q(
            status=Video.Status.UPLOADED, updated_at__lt=waited_too_long
        )
        if failed:
            query |= Q(status=Video.Status.FAILED)
        videos = list(Video.objects.filter(query).order_by("pk"))
        for video in videos:
            self.stdout.write(f"{video.pk}\t{video.status}\t{video.title}")
            if not dry_run:
                enqueue_transcode(video)
        self.stdout.write(f"{len(videos)} video(s) {'to requeue' if dry_run else 'requeued'}.")
