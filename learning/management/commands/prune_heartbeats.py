"""`manage.py prune_heartbeats`: queue the deletion of old heartbeats, every hour.

Each run enqueues the ``prune_heartbeats`` task, so the deleting happens on a task
worker. ``make serve`` runs this loop next to the worker; in production run it with
``--once`` from cron or a systemd timer (daily is enough, hourly keeps each run short).
"""

from cms.management.periodic import PeriodicCommand
from learning.tasks import prune_heartbeats


class Command(PeriodicCommand):
    help = (
        "Queue the deletion of heartbeats past BIDAYA_HEARTBEAT_RETENTION_DAYS "
        "every --interval seconds."
    )
    default_interval = 3600

    def run_once(self, **options):
        result = prune_heartbeats.enqueue()
        if options["verbosity"] > 1:
            self.stdout.write(f"queued {result.id}")
