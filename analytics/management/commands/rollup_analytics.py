"""`manage.py rollup_analytics`: queue the analytics rollup every --interval seconds.

Each run enqueues the ``rollup_analytics`` task, so the counting happens on a task
worker. ``make serve`` runs this loop next to the worker; in production run it with
``--once`` from cron or a systemd timer (every few minutes to every hour: the pages
show when their figures were computed). ``--now`` runs the rollup in this process
instead of queueing it, and prints what it did.
"""

from cms.management.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Queue the analytics rollup every --interval seconds (--now: run it here, once)."
    default_interval = 900

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--now", action="store_true", help="Run the rollup in this process, once, and report."
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="With --now: forget what earlier runs counted and count again from the "
            "raw rows still kept (plays of pruned heartbeats are lost).",
        )

    def handle(self, *args, now=False, rebuild=False, **options):
        if rebuild and not now:
            self.stderr.write("--rebuild runs the rollup here: add --now.")
            raise SystemExit(2)
        if now:
            from analytics.rollup import run

            report = run(rebuild=rebuild)
            self.stdout.write(", ".join(f"{key}={value}" for key, value in report.items()))
            return
        super().handle(*args, **options)

    def run_once(self, **options):
        from analytics.tasks import rollup_analytics

        result = rollup_analytics.enqueue()
        if options["verbosity"] > 1:
            self.stdout.write(f"queued {result.id}")
