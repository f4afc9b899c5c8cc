"""Keeping the kept figures true: any change to an outcome drops them, and the
learner's kept rows.

Dropped at once and again after the commit, so a visit between the two cannot keep
the figure from before the change.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from outcomes import statistics
from outcomes.models import Outcome


@receiver(post_save, sender=Outcome, dispatch_uid="outcomes.figures_saved")
@receiver(post_delete, sender=Outcome, dispatch_uid="outcomes.figures_deleted")
def outcome_changed(sender, instance, **kwargs):
    user_id = instance.user_id
    statistics.forget(user_id)
    transaction.on_commit(lambda: statistics.forget(user_id))
