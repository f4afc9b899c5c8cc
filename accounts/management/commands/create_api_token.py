"""Create a personal access token for a user, for scripts and apps (printed once)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import AccessToken


class Command(BaseCommand):
    help = "Create an API token for a user (by e-mail) and print it; only its digest is stored."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="command line", help="What the token is for.")
        parser.add_argument("--days", type=int, default=0, help="Expire after this many days.")

    def handle(self, *args, email, name, days, **options):
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user with the e-mail address {email!r}.")
        if days < 0:
            raise CommandError("--days must be positive.")
        expires = timezone.now() + timedelta(days=days) if days else None
        _row, secret = AccessToken.issue(user, name, expires_at=expires)
        self.stderr.write(
            f"Token “{name}” for {user.email}: keep it secret, it is not shown again."
        )
        self.stdout.write(secret)
