"""Courses and tracks as the pages and the API show them."""

from collections import OrderedDict
from datetime import timedelta

from django.utils import timezone

from analytics import privacy
from analytics.models import DailyCount, Snapshot
from analytics.reading.common import WEEKS, _label, _language, share

# -- courses and tracks -----------------------------------------------------------------


def _course_summary(row):
    data, shown = row.data, privacy.shown(row.learners)
    return {
        "key": row.subject,
        "title": row.label(_language()),
        "track": data.get("track", ""),
        "shown": shown,
        "enrolled": privacy.keep(data["enrolled"], data["enrolled"]),
        "started": privacy.keep(data["started"], data["started"]) if shown else None,
        "finished": privacy.keep(data["finished"], data["finished"]) if shown else None,
        "badged": privacy.keep(data["badged"], data["badged"]) if shown else None,
        "median_days": privacy.keep(data["median_days"], data["finishers_timed"])
        if shown
        else None,
    }


def courses():
    rows = Snapshot.objects.filter(kind=Snapshot.Kind.COURSE).order_by("position", "subject")
    return [_course_summary(row) for row in rows]


def tracks():
    from courses.models import Track

    out = []
    for row in Snapshot.objects.filter(kind=Snapshot.Kind.TRACK).order_by("position"):
        data = row.data
        try:
            title = str(Track(row.subject).label)
        except ValueError:
            title = row.subject
        out.append(
            {
                "track": row.subject,
                "title": title,
                "courses": data["courses"],
                **{
                    name: privacy.keep(data[name], data[name])
                    for name in ("enrolled", "started", "finished", "badged")
                },
                "median_days": privacy.keep(data["median_days"], data["finishers_timed"]),
            }
        )
    return out


def weeks(today=None, count=WEEKS):
    """The Mondays of the last ``count`` weeks, oldest first."""
    today = today or timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(count - 1, -1, -1)]


def per_week(metric, subject=None, today=None, count=WEEKS):
    """``OrderedDict{monday: total}`` of a daily count over the last weeks (hidden: None
    when fewer than the threshold, for counts of learners)."""
    mondays = weeks(today, count)
    totals = OrderedDict((monday, 0) for monday in mondays)
    rows = DailyCount.objects.filter(metric=metric, day__gte=mondays[0])
    if subject is not None:
        rows = rows.filter(subject=subject)
    for day, value in rows.values_list("day", "value"):
        monday = day - timedelta(days=day.weekday())
        if monday in totals:
            totals[monday] += value
    return totals


def course(key, today=None):
    """One course's figures, or None for an unknown course."""
    row = Snapshot.objects.filter(kind=Snapshot.Kind.COURSE, subject=key).first()
    if row is None:
        return None
    summary = _course_summary(row)
    data = row.data
    steps = [("enrolled", None, data["enrolled"]), ("started", None, data["started"])]
    steps += [
        ("lesson", _label(lesson["labels"]) or str(number), lesson["done"])
        for number, lesson in enumerate(data["lessons"], start=1)
    ]
    steps += [("finished", None, data["finished"]), ("badged", None, data["badged"])]
    funnel, previous = [], None
    for kind, label, learners in steps:
        visible = summary["shown"] and privacy.shown(learners)
        drop = None
        if kind == "lesson" and previous is not None and visible and privacy.shown(previous):
            drop = share(max(0, previous - learners), previous)
        funnel.append(
            {
                "step": kind,
                "label": label,
                "learners": learners if visible else None,
                "share": share(learners, data["enrolled"]) if visible else None,
                "drop_off": drop,
            }
        )
        if kind in ("started", "lesson"):
            previous = learners
    enrolments = per_week(DailyCount.Metric.ENROLLED, key, today)
    return {
        **summary,
        "funnel": funnel,
        "enrolments_per_week": [
            {"week": monday, "enrolments": privacy.keep(total, total) if summary["shown"] else None}
            for monday, total in enrolments.items()
        ],
        "computed_at": row.computed_at,
    }
