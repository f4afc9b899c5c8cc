"""The privacy threshold: no figure about fewer than a handful of learners is shown.

One setting (``BIDAYA_ANALYTICS_MIN_LEARNERS``, 5 by default) decides it for every
page, table, chart, CSV file and API answer; the rollup keeps whole counts and the
code that shows a figure asks here first.
"""

from django.conf import settings


def min_learners():
    return max(1, int(getattr(settings, "BIDAYA_ANALYTICS_MIN_LEARNERS", 5)))


def shown(learners):
    """Whether a figure about ``learners`` learners may be shown."""
    return (learners or 0) >= min_learners()


def keep(value, learners):
    """``value`` when a figure about ``learners`` learners may be shown, else ``None``."""
    return value if shown(learners) else None
