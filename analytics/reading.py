"""The figures as pages and the API show them: read from the rollup's rows, with the
privacy threshold applied. One definition for both, so they cannot disagree.

Every function reads a bounded number of rows (one snapshot, or a course's daily
counts for a few weeks), whatever the number of learners.
"""

from collections import OrderedDict
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import get_language

from analytics import privacy
from analytics.models import DailyCount, Snapshot

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


# -- videos -------------------------------------------------------------------------------


def videos():
    rows = Snapshot.objects.filter(kind=Snapshot.Kind.VIDEO).order_by("position")
    out = []
    for row in rows:
        data, shown = row.data, privacy.shown(row.learners)
        out.append(
            {
                "key": row.subject,
                "title": _video_title(row),
                "course_key": data.get("course_key"),
                "duration": data["duration"],
                "shown": shown,
                "viewers": row.learners if shown else None,
                "finished": privacy.keep(data["finished"], data["finished"]) if shown else None,
                "average_coverage": _percent(data["average_coverage"]) if shown else None,
            }
        )
    return out


def _video_title(row):
    title = row.label(_language())
    number = row.data.get("number", 1)
    return f"{title} ({number})" if number > 1 else title


def _percent(value):
    return None if value is None else round(100 * value, 1)


def video(key):
    row = Snapshot.objects.filter(kind=Snapshot.Kind.VIDEO, subject=key).first()
    if row is None:
        return None
    data, shown = row.data, privacy.shown(row.learners)
    viewers = row.learners
    width = data["stretch_seconds"]
    curve = []
    plays = data.get("plays") or []
    for index, watched in enumerate(data["watched"]):
        played = plays[index] if index < len(plays) else None
        curve.append(
            {
                "start": index * width,
                "end": min(data["duration"], (index + 1) * width),
                "watched_share": share(watched, viewers) if shown else None,
                "plays_per_viewer": round(played / viewers, 2)
                if shown and played is not None
                else None,
            }
        )
    rungs = data.get("renditions") or []
    watched_videos = data["watch_seconds"] / data["duration"] if data["duration"] else 0
    return {
        "key": key,
        "title": _video_title(row),
        "shown": shown,
        "duration": data["duration"],
        "stretch_seconds": width,
        "viewers": viewers if shown else None,
        "finished": privacy.keep(data["finished"], data["finished"]) if shown else None,
        "average_coverage": _percent(data["average_coverage"]) if shown else None,
        "watch_hours": round(data["watch_seconds"] / 3600, 1) if shown else None,
        "curve": curve,
        "passages": [p for p in data.get("passages", []) if privacy.shown(p["viewers"])]
        if shown
        else [],
        "rung_recorded": False,
        "rungs": [
            {
                **rung,
                "megabytes_if_all_here": round(rung["bytes"] * watched_videos / 1_000_000, 1)
                if shown
                else None,
            }
            for rung in rungs
        ],
        "computed_at": row.computed_at,
    }


# -- quizzes ------------------------------------------------------------------------------


def quizzes():
    rows = Snapshot.objects.filter(kind=Snapshot.Kind.QUIZ).order_by("position")
    out = []
    for row in rows:
        data, shown = row.data, privacy.shown(row.learners)
        out.append(
            {
                "key": row.subject,
                "title": _label(data.get("titles")) or row.label(_language()),
                "lesson": row.label(_language()),
                "shown": shown,
                "learners": row.learners if shown else None,
                "attempts": data["attempts"] if shown else None,
                "passed": privacy.keep(data["passed"], data["passed"]) if shown else None,
                "median_attempts_to_pass": privacy.keep(
                    data["median_attempts_to_pass"], data["passed"]
                )
                if shown
                else None,
            }
        )
    return out


def quiz(key):
    row = Snapshot.objects.filter(kind=Snapshot.Kind.QUIZ, subject=key).first()
    if row is None:
        return None
    data = row.data
    shown = privacy.shown(data["first_attempts"])
    questions = []
    for number, question in enumerate(data["questions"], start=1):
        visible = shown and privacy.shown(question["learners"])
        shares = {o["id"]: o["share"] for o in question["options"]}
        questions.append(
            {
                "number": number,
                "id": question["id"],
                "text": _label(question["texts"]),
                "learners": question["learners"] if visible else None,
                "facility": question["facility"] if visible else None,
                "discrimination": question["discrimination"] if visible else None,
                "options": [
                    {
                        "id": choice["id"],
                        "text": _label(choice["texts"]),
                        "correct": choice["correct"],
                        "share": shares.get(choice["id"]) if visible else None,
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return {
        "key": key,
        "title": _label(data.get("titles")) or row.label(_language()),
        "lesson": row.label(_language()),
        "shown": privacy.shown(row.learners),
        "learners": row.learners if privacy.shown(row.learners) else None,
        "first_attempts": data["first_attempts"] if shown else None,
        "questions": questions,
        "attempts_to_pass": [
            {"attempts": int(n), "learners": privacy.keep(c, c)}
            for n, c in data["attempts_to_pass"].items()
        ],
        "not_passed": privacy.keep(data["not_passed"], data["not_passed"]),
        "median_attempts_to_pass": privacy.keep(data["median_attempts_to_pass"], data["passed"]),
        "computed_at": row.computed_at,
    }


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
