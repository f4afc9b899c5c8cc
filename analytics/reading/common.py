"""What every reader of the rollup shares: the language, labels, shares."""

from django.utils.translation import get_language

from analytics.models import Snapshot

WEEKS = 12


def _language():
    return (get_language() or "ar").split("-")[0]


def _label(labels, language=None):
    language = language or _language()
    labels = labels or {}
    return labels.get(language) or labels.get("ar") or next(iter(labels.values()), "")


def share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def computed_at(kind):
    row = Snapshot.objects.filter(kind=kind).order_by("-computed_at").values("computed_at").first()
    return row["computed_at"] if row else None
