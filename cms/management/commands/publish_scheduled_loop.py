"""`manage.py publish_scheduled_loop`: Wagtail's `publish_scheduled`, every minute.

Scheduled publishing (a "go live" or "expiry" date set in the editor) only happens
when `publish_scheduled` runs. In production, run that command from cron or a
systemd timer; this loop is for development and single-container setups, next to
the task worker.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between runs (default 60)."
        )
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            self.stderr.write("--interval must be at least 1 second.")
            raise SystemExit(2)
        while True:
            call_command("publish_scheduled", verbosity=options["verbosity"])
            if once:
                return
            time.sleep(interval)
            # A long-lived process must not keep a connection the database dropped.
            close_old_connections()
