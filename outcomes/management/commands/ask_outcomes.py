"""`manage.py ask_outcomes`: ask learners 30 days after a finished course, every hour.

Each run queues the ``ask_due_learners`` task, which asks each learner who is due once
(a notice and an e-mail in her language). ``make serve`` runs this loop next to the
worker; in production run it with ``--once`` from cron or a systemd timer.
"""

from cms.management.periodic import PeriodicCommand
from outcomes.tasks import ask_due_learners


class Command(PeriodicCommand):
    help = "Queue the question to learners who finished a course 30 days ago, every --interval."
    default_interval = 3600

    def run_once(self, **options):
        result = ask_due_learners.enqueue()
        if options["verbosity"] > 1:
            self.stdout.write(f"queued {result.id}")
