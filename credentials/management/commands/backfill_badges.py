"""Award badges for progress made before the badge existed (or while awarding was off).

Reads the same facts as the live rules (completed enrolments, approved submissions),
so running it twice, or while learners keep learning, awards nobody twice.
"""

from django.core.management.base import BaseCommand, CommandError

from credentials import awarding, rules
from credentials.models import BadgeAward, BadgeClass, BadgeRule


class Command(BaseCommand):
    help = "Award every active badge to the learners who already meet its rule."

    def add_arguments(self, parser):
        parser.add_argument(
            "--badge", action="append", default=[], help="Only this badge (uuid); repeatable."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be awarded; change nothing."
        )

    def handle(self, *args, badge, dry_run, verbosity, **options):
        from django.contrib.auth import get_user_model

        classes = BadgeClass.objects.active().exclude(rule=BadgeRule.MANUAL).order_by("pk")
        if badge:
            try:
                classes = classes.filter(uuid__in=badge)
            except Exception as error:  # a malformed uuid
                raise CommandError(f"Not a badge id: {error}") from error
            if not classes.exists():
                raise CommandError("No active rule-based badge has this id.")
        users = get_user_model().objects.filter(is_active=True)
        total = 0
        for badge_class in classes:
            earned = rules.earners(badge_class)
            have = set(
                BadgeAward.objects.filter(badge_class=badge_class).values_list(
                    "recipient_id", flat=True
                )
            )
            missing = sorted(earned - have)
            created = 0
            for user in users.filter(pk__in=missing).order_by("pk"):
                if dry_run:
                    created += 1
                    continue
                _award, new = awarding.award_badge(
                    badge_class, user, source=BadgeAward.Source.BACKFILL
                )
                created += int(new)
            total += created
            if verbosity:
                self.stdout.write(
                    f"{badge_class.name_en}: {len(earned)} earned, {len(have)} already "
                    f"awarded, {created} {'to award' if dry_run else 'awarded now'}"
                )
        self.stdout.write(
            self.style.SUCCESS(f"{total} badge(s) {'to award' if dry_run else 'awarded'}.")
        )
