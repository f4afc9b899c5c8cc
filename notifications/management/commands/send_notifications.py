"""Send every e-mail of the review outbox that is due (digests past their wait, retries
past their backoff). Run it from cron every minute or two where the task backend cannot
schedule a task for later; with the database or RQ backend it is only a safety net."""

from django.core.management.base import BaseCommand

from notifications import outbox
from notifications.models import OutboxEmail


class Command(BaseCommand):
    help = "Send the review e-mails that are due and report what is still waiting or failed."

    def handle(self, *args, **options):
        sent = outbox.send_due()
        pending = OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING).count()
        failed = OutboxEmail.objects.filter(status=OutboxEmail.Status.FAILED).count()
        self.stdout.write(f"sent={sent} pending={pending} failed={failed}")
        if failed:
            self.stderr.write(
                f"{failed} e-mail(s) gave up after every attempt; see the admin's e-mail outbox."
            )
