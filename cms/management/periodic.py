"""Commands that repeat one piece of work every ``--interval`` seconds until stopped.

``make serve`` runs them next to the task worker for development and single-container
setups; in production, run each with ``--once`` from cron or a systemd timer.
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections


class PeriodicCommand(BaseCommand):
    default_interval = 60

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=self.default_interval,
            help=f"Seconds between runs (default {self.default_interval}).",
        )
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def run_once(self, **options):
        """One run of the work; each command that repeats defines it."""
        raise NotImplementedError(f"{type(self).__module__} must define run_once()")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            self.stderr.write("--interval must be at least 1 second.")
            raise SystemExit(2)
        while True:
            self.run_once(**options)
            if once:
                return
            time.sleep(interval)
            # A long-lived process must not keep a connection the database dropped.
            close_old_connections()
