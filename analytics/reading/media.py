"""Videos and quizzes as the pages and the API show them."""

from analytics import privacy
from analytics.models import Snapshot
from analytics.reading.common import _label, _language, share

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
                "watch_hours": round(data["watch_seconds"] / 3600, 1) if shown else None,
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
