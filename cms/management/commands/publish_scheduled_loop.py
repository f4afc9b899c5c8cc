"""`manage.py publish_scheduled_loop`: Wagtail's `publish_scheduled`, every minute.

Scheduled publishing (a "go live" or "expiry" date set in the editor) only happens
when `publish_scheduled` runs. In production, run that command from cron or a
systemd timer; this loop is for development and single-container setups, next to
the task worker.
"""

from django.core.management import call_command

from cms.management.periodic import PeriodicCommand


class Command(PeriodicCommand):
    help = "Run Wagtail's publish_scheduled every --interval seconds until stopped."

    def run_once(self, **options):
        call_command("publish_scheduled", verbosity=options["verbosity"])
