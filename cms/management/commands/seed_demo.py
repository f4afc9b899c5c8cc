"""`manage.py seed_demo`: load the demo content, idempotently.

Runs every seeder registered through `cms.demo.register_seeder` (this app's and any
other app's `demo.py`) in one transaction, so a failure leaves nothing half-made.
Safe and quick to run on every start: existing content is found and left alone.
"""

import logging
import time
from contextlib import contextmanager

from modelsearch import index

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo import SeedContext, get_seeders
from cms.demo.accounts import save_credentials


@contextmanager
def quiet_logs(verbosity):
    """Wagtail and the task runner log a line per page saved; keep the summary readable."""
    loggers = [logging.getLogger(name) for name in ("wagtail", "django_tasks")]
    levels = [logger.level for logger in loggers]
    if verbosity < 2:
        for logger in loggers:
            logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Create the demo site, stories, reference data and accounts that are missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            metavar="SEEDER",
            help="Run only this seeder (repeatable); see --list.",
        )
        parser.add_argument("--list", action="store_true", help="List the seeders and exit.")

    def handle(self, *args, only=None, list=False, **options):
        seeders = get_seeders()
        if list:
            for name, func in seeders:
                summary = (func.__doc__ or "").strip().splitlines() or [""]
                self.stdout.write(f"{name:<16} {summary[0]}")
            return
        if only:
            unknown = set(only) - {name for name, _func in seeders}
            if unknown:
                self.stderr.write(f"Unknown seeder(s): {', '.join(sorted(unknown))}")
                raise SystemExit(2)
            seeders = [(name, func) for name, func in seeders if name in only]

        started = time.monotonic()
        ctx = SeedContext(stdout=self.stdout, style=self.style, verbosity=options["verbosity"])
        with quiet_logs(options["verbosity"]), transaction.atomic():
            for name, func in seeders:
                ctx.log(f"seeding {name}…")
                func(ctx)

        # Search works at once even before a task worker has processed the updates
        # Wagtail queued for these pages.
        for page in ctx.data.get("created_pages", []):
            index.insert_or_update_object(page)

        credentials = ctx.data.get("new_credentials") or []
        if credentials:
            path = save_credentials(credentials)
            self.print_credentials(credentials, path)

        elapsed = time.monotonic() - started
        if ctx.created:
            summary = ", ".join(f"{count} {what}" for what, count in sorted(ctx.created.items()))
            self.stdout.write(
                self.style.SUCCESS(f"Demo content: created {summary} ({elapsed:.1f} s).")
            )
        elif options["verbosity"] >= 1:
            self.stdout.write(f"Demo content: nothing to do, everything exists ({elapsed:.2f} s).")

    def print_credentials(self, credentials, path):
        line = "=" * 72
        self.stdout.write(line)
        self.stdout.write(
            self.style.WARNING("Demo accounts created. Passwords are shown only now,")
        )
        self.stdout.write(self.style.WARNING(f"and saved to {path} (mode 600):"))
        width = max(len(email) for _role, email, _password in credentials)
        for role, email, password in credentials:
            self.stdout.write(f"  {role:<10} {email:<{width}}  {password}")
        self.stdout.write(line)
