"""Figures built from outcomes: only rows whose learner consented to be counted.

The home page's figure is read on every visit, so it is kept in the shared cache and
dropped whenever an outcome is saved or deleted (``outcomes.receivers``): the next
visit counts again, so the figure is live at the cost of one query per change. A
learner's own rows, shown on her dashboard, are kept the same way under her id.
"""

from django.core.cache import cache

from outcomes.models import Outcome

FIRST_CLIENTS_KEY = "outcomes:first-clients:v1"
FIRST_CLIENTS_SECONDS = 24 * 3600
LEARNER_KEY = "outcomes:learner:v1:{}"
# A marketplace renamed meanwhile shows its old name on dashboards for at most this.
LEARNER_SECONDS = 3600
# Fewer learners than this are not shown: a small count says too much about a few.
MINIMUM_SHOWN = 5


def counted():
    """Rows that may enter a figure: consented, not found false, of an active account."""
    return Outcome.objects.filter(count_in_statistics=True, user__is_active=True).exclude(
        review=Outcome.Review.REJECTED
    )


def count_first_clients():
    return counted().filter(kind=Outcome.Kind.FIRST_CLIENT).values("user").distinct().count()


def first_clients():
    """The number of consenting learners who reported a first client (kept)."""
    value = cache.get(FIRST_CLIENTS_KEY)
    if value is None:
        value = count_first_clients()
        cache.set(FIRST_CLIENTS_KEY, value, FIRST_CLIENTS_SECONDS)
    return value


def forget(user_id=None):
    keys = [FIRST_CLIENTS_KEY] + ([LEARNER_KEY.format(user_id)] if user_id else [])
    cache.delete_many(keys)


def of_learner(user):
    """Her outcomes with their marketplaces, newest first (kept)."""
    key = LEARNER_KEY.format(user.pk)
    rows = cache.get(key)
    if rows is None:
        rows = list(
            Outcome.objects.filter(user=user)
            .select_related("marketplace")
            .order_by("-happened_on", "-pk")
        )
        cache.set(key, rows, LEARNER_SECONDS)
    return rows


def first_clients_shown():
    """The figure for the home page, or None below ``MINIMUM_SHOWN``."""
    value = first_clients()
    return value if value >= MINIMUM_SHOWN else None
