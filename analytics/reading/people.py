"""Mentoring and outcomes as the pages and the API show them."""

from analytics import privacy
from analytics.models import DailyCount, Snapshot
from analytics.reading.common import _label, share
from analytics.reading.courses import per_week

# -- mentoring ----------------------------------------------------------------------------


def _group(figures):
    visible = privacy.shown(figures["learners"])
    keys = ("reviews", "p50_hours", "p90_hours", "changes_requested_share", "past_sla")
    return {"shown": visible, **{k: figures[k] if visible else None for k in keys}}


def mentoring(today=None):
    row = Snapshot.objects.filter(kind=Snapshot.Kind.MENTORING).first()
    if row is None:
        return None
    data = row.data
    reviews = per_week(DailyCount.Metric.REVIEWS, "", today)
    changes = per_week(DailyCount.Metric.CHANGES_REQUESTED, "", today)
    return {
        "sla_hours": data["sla_hours"],
        "all": _group(data["all"]),
        "cohorts": [
            {"name": c["name"], "course": _label(c["course_labels"]), **_group(c)}
            for c in data["cohorts"]
        ],
        "mentors": [{"name": m["name"], **_group(m)} for m in data["mentors"]],
        "reviews_per_week": [
            {"week": monday, "reviews": total, "changes_requested": changes[monday]}
            for monday, total in reviews.items()
        ],
        "waiting_now": data["waiting_now"],
        "waiting_past_sla": data["waiting_past_sla"],
        "computed_at": row.computed_at,
    }


# -- outcomes -----------------------------------------------------------------------------


def _outcome_group(figures):
    within = {}
    for days, counts in figures["within"].items():
        visible = privacy.shown(counts["eligible"]) and privacy.shown(counts["reported"])
        within[days] = share(counts["reported"], counts["eligible"]) if visible else None
    return {
        "finishers": privacy.keep(figures["finishers"], figures["finishers"]),
        "reporters": privacy.keep(figures["reporters"], figures["reporters"]),
        "within_30": within["30"],
        "within_60": within["60"],
        "within_90": within["90"],
        "median_days": privacy.keep(figures["median_days"], figures["timed"]),
    }


def outcomes():
    """Outcome figures of consenting learners, or None before the first rollup."""
    from courses.models import Track

    row = Snapshot.objects.filter(kind=Snapshot.Kind.OUTCOMES).first()
    if row is None:
        return None
    data = row.data

    def group_title(kind, group):
        if kind == "track":
            try:
                return str(Track(group["key"]).label)
            except ValueError:
                return group["key"]
        return _label(group["labels"]) or group["key"]

    return {
        "overall": _outcome_group(data["overall"]),
        **{
            f"by_{kind}": [
                _without_shares(
                    {"key": g["key"], "title": group_title(kind, g), **_outcome_group(g)}, kind
                )
                for g in data[f"by_{kind}"]
            ]
            for kind in ("country", "marketplace", "track")
        },
        "computed_at": row.computed_at,
    }


def _without_shares(group, kind):
    """A marketplace groups only the learners who reported a client there: a share of
    "finishers" would be of reporters, so it is left out."""
    if kind == "marketplace":
        for name in ("finishers", "within_30", "within_60", "within_90"):
            group.pop(name)
    return group
