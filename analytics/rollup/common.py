"""What every part of the rollup shares: page names, percentiles, watermarks, writes."""

import math

from django.utils import timezone

from analytics.models import Snapshot, Watermark


def page_labels(translation_keys):
    """``{translation key (str): {language: title}}`` for pages in any locale, one query."""
    from wagtail.models import Page

    keys = {str(k) for k in translation_keys if k}
    labels = {key: {} for key in keys}
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, language, title in rows:
        labels[str(key)][language] = title
    return labels


def median(values):
    """The middle value (the mean of the two middle ones for an even count); None if empty."""
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return None
    middle = n // 2
    return ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values, share):
    """The nearest-rank percentile: the smallest value with ``share`` of them at or below."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def watermark(name):
    """The row of an incremental part, created empty on first use (caller holds the lock)."""
    row, _created = Watermark.objects.get_or_create(name=name)
    return row


def move(row, position, now=None):
    row.position = position
    row.updated_at = now or timezone.now()
    row.save(update_fields=["position", "updated_at"])


def save_snapshots(kind, rows, now, *, keep_others=False):
    """Write ``rows`` (``{subject: dict(labels=, learners=, position=, data=)}``) for ``kind``.

    Subjects of ``kind`` not in ``rows`` are deleted unless ``keep_others`` (a part that
    recomputes only what changed keeps the rest): figures of a course that has no
    learner left must not linger.
    """
    existing = {s.subject: s for s in Snapshot.objects.filter(kind=kind)}
    changed, created = [], []
    for subject, values in rows.items():
        row = existing.get(subject)
        if row is None:
            created.append(Snapshot(kind=kind, subject=subject, computed_at=now, **values))
            continue
        for field, value in values.items():
            setattr(row, field, value)
        row.computed_at = now
        changed.append(row)
    Snapshot.objects.bulk_create(created)
    if changed:
        Snapshot.objects.bulk_update(
            changed, ["labels", "learners", "position", "data", "computed_at"]
        )
    if not keep_others:
        gone = set(existing) - set(rows)
        if gone:
            Snapshot.objects.filter(kind=kind, subject__in=gone).delete()
    return len(rows)
