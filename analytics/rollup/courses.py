"""Courses and tracks: enrolments per day, the funnel, drop-off, time to finish.

The funnel of a course counts learners: enrolled (ever, including those who left) →
started (at least one lesson opened) → each lesson done, in syllabus order → course
done → the course's badge. Time to finish is the median number of days from the first
enrolment to the course's completion, over the learners who finished.
"""

from collections import defaultdict
from datetime import datetime, time

from django.db.models import Count
from django.db.models.functions import TruncDate

from analytics.models import DailyCount, Snapshot
from analytics.rollup.common import median, page_labels, save_snapshots
from courses.models import CoursePage, LessonPage
from credentials.models import BadgeAward, BadgeRule
from learning.models import Enrolment, LessonProgress

SECONDS_PER_DAY = 86_400


def _courses():
    """``{course key: (position, track, page id)}`` of live courses, the Arabic page first."""
    found = {}
    rows = CoursePage.objects.live().values_list(
        "translation_key", "path", "track", "pk", "locale__language_code"
    )
    for key, path, track, pk, _language in sorted(rows, key=lambda r: (r[4] != "ar", r[1])):
        found.setdefault(str(key), (path, track, pk))
    return found


def _lesson_keys(page_id):
    course = CoursePage.objects.filter(pk=page_id).first()
    if course is None:
        return []
    return [
        str(key)
        for key in LessonPage.objects.live()
        .child_of(course)
        .order_by("path")
        .values_list("translation_key", flat=True)
    ]


def daily_counts(since_day):
    """Recount enrolments and completions per course and day from ``since_day`` on
    (``None``: every day). Days before it are final and kept as they are."""
    parts = [
        (DailyCount.Metric.ENROLLED, "created_at", Enrolment.objects.all()),
        (
            DailyCount.Metric.FINISHED,
            "completed_at",
            Enrolment.objects.filter(completed_at__isnull=False),
        ),
    ]
    written = 0
    for metric, field, queryset in parts:
        old = DailyCount.objects.filter(metric=metric)
        if since_day is not None:
            start = datetime.combine(since_day, time.min).astimezone()
            queryset = queryset.filter(**{f"{field}__gte": start})
            old = old.filter(day__gte=since_day)
        rows = (
            queryset.annotate(day=TruncDate(field))
            .values("course_key", "day")
            .annotate(n=Count("pk"))
            .order_by()
        )
        old.delete()
        new = [
            DailyCount(metric=metric, subject=str(r["course_key"]), day=r["day"], value=r["n"])
            for r in rows
            if since_day is None or r["day"] >= since_day
        ]
        DailyCount.objects.bulk_create(new, batch_size=2000)
        written += len(new)
    return written


def _per_course(queryset, count_field="user", distinct=True):
    rows = (
        queryset.values("course_key").annotate(n=Count(count_field, distinct=distinct)).order_by()
    )
    return {str(r["course_key"]): r["n"] for r in rows}


def snapshots(now):
    """Every course's and every track's figures, recomputed whole (aggregates only)."""
    courses = _courses()
    enrolled = _per_course(Enrolment.objects.all())
    started = _per_course(LessonProgress.objects.all())
    finished = _per_course(Enrolment.objects.filter(completed_at__isnull=False))
    lesson_done = defaultdict(dict)
    for row in (
        LessonProgress.objects.filter(done_at__isnull=False)
        .values("course_key", "lesson_key")
        .annotate(n=Count("user"))
        .order_by()
    ):
        lesson_done[str(row["course_key"])][str(row["lesson_key"])] = row["n"]
    badged = {
        str(r["badge_class__course_key"]): r["n"]
        for r in BadgeAward.objects.valid()
        .filter(badge_class__rule=BadgeRule.COURSE, badge_class__course_key__isnull=False)
        .values("badge_class__course_key")
        .annotate(n=Count("recipient", distinct=True))
        .order_by()
    }
    days = defaultdict(list)
    for key, enrolled_at, completed_at in Enrolment.objects.filter(
        completed_at__isnull=False
    ).values_list("course_key", "created_at", "completed_at"):
        days[str(key)].append(
            max(0.0, (completed_at - enrolled_at).total_seconds()) / SECONDS_PER_DAY
        )

    keys = set(courses) | set(enrolled)
    lesson_orders = {key: _lesson_keys(courses[key][2]) for key in keys if key in courses}
    labels = page_labels(keys | {k for order in lesson_orders.values() for k in order})
    rows, tracks = {}, defaultdict(list)
    for key in keys:
        position, track, _page = courses.get(key, ("~", "", None))
        data = {
            "track": track,
            "enrolled": enrolled.get(key, 0),
            "started": started.get(key, 0),
            "finished": finished.get(key, 0),
            "badged": badged.get(key, 0),
            "lessons": [
                {
                    "key": lesson,
                    "labels": labels.get(lesson, {}),
                    "done": lesson_done[key].get(lesson, 0),
                }
                for lesson in lesson_orders.get(key, [])
            ],
            "median_days": _round(median(days[key])),
            "finishers_timed": len(days[key]),
        }
        rows[key] = {
            "labels": labels.get(key, {}),
            "learners": data["enrolled"],
            "position": position,
            "data": data,
        }
        if track:
            tracks[track].append(key)
    save_snapshots(Snapshot.Kind.COURSE, rows, now)

    track_rows = {}
    for track, members in tracks.items():
        data = {
            "courses": len(members),
            **{
                name: sum(rows[k]["data"][name] for k in members)
                for name in ("enrolled", "started", "finished", "badged")
            },
        }
        all_days = [d for k in members for d in days[k]]
        data["median_days"] = _round(median(all_days))
        data["finishers_timed"] = len(all_days)
        track_rows[track] = {
            "labels": {},
            "learners": data["enrolled"],
            "position": min(courses[k][0] for k in members if k in courses),
            "data": data,
        }
    save_snapshots(Snapshot.Kind.TRACK, track_rows, now)
    return len(rows) + len(track_rows)


def _round(value, digits=1):
    return None if value is None else round(value, digits)
