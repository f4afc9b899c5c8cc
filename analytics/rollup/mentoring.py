"""Mentoring: how long work waits for a review, per cohort and per mentor; reviews per
day; how often a mentor asks for changes; work past the review promise (the SLA).

A wait is from the moment a version was handed in to the mentor's decision on it.
Waiting times are given as the median (p50) and the 90th percentile (nearest rank).
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate

from analytics.models import DailyCount, Snapshot
from analytics.rollup.common import median, page_labels, percentile, save_snapshots
from mentoring.models import Cohort, Review, Submission
from mentoring.models.choices import Action, State

WAITING_STATES = (State.SUBMITTED, State.RESUBMITTED, State.IN_REVIEW)


def sla_hours():
    return float(settings.BIDAYA_REVIEW_SLA_HOURS)


def daily_counts(since_day):
    """Recount reviews and requests for changes per day from ``since_day`` on."""
    parts = [
        (DailyCount.Metric.REVIEWS, Review.objects.all()),
        (
            DailyCount.Metric.CHANGES_REQUESTED,
            Review.objects.filter(decision=Action.REQUEST_CHANGES),
        ),
    ]
    written = 0
    for metric, queryset in parts:
        old = DailyCount.objects.filter(metric=metric)
        if since_day is not None:
            queryset = queryset.filter(
                created_at__gte=datetime.combine(since_day, time.min).astimezone()
            )
            old = old.filter(day__gte=since_day)
        rows = queryset.annotate(day=TruncDate("created_at")).values("day").annotate(n=Count("pk"))
        old.delete()
        new = [
            DailyCount(metric=metric, subject="", day=r["day"], value=r["n"])
            for r in rows.order_by()
            if since_day is None or r["day"] >= since_day
        ]
        DailyCount.objects.bulk_create(new)
        written += len(new)
    return written


def _summary(reviews, sla):
    """Figures of a group of ``(learner id, wait hours, decision)`` tuples."""
    waits = [wait for _learner, wait, _decision in reviews]
    changes = sum(1 for *_rest, decision in reviews if decision == Action.REQUEST_CHANGES)
    return {
        "reviews": len(reviews),
        "learners": len({learner for learner, *_rest in reviews}),
        "p50_hours": _round(median(waits)),
        "p90_hours": _round(percentile(waits, 0.9)),
        "changes_requested": changes,
        "changes_requested_share": round(100 * changes / len(reviews), 1) if reviews else None,
        "past_sla": sum(1 for wait in waits if wait > sla),
    }


def _round(value):
    return None if value is None else round(value, 1)


def _name(user):
    return (user.get_full_name() or user.get_username()).strip() if user else ""


def snapshot(now):
    sla = sla_hours()
    reviews = (
        Review.objects.select_related("mentor", "version", "submission")
        .only(
            "decision",
            "created_at",
            "mentor__first_name",
            "mentor__last_name",
            "mentor__username",
            "version__submitted_at",
            "submission__learner_id",
            "submission__cohort_id",
        )
        .order_by()
    )
    every, by_cohort, by_mentor, mentors = [], defaultdict(list), defaultdict(list), {}
    for review in reviews.iterator(chunk_size=2000):
        handed_in = review.version.submitted_at
        if handed_in is None:
            continue
        item = (
            review.submission.learner_id,
            max(0.0, (review.created_at - handed_in).total_seconds() / 3600),
            review.decision,
        )
        every.append(item)
        by_cohort[review.submission.cohort_id].append(item)
        if review.mentor_id:
            by_mentor[review.mentor_id].append(item)
            mentors[review.mentor_id] = _name(review.mentor)
    cohorts = {
        c.pk: c for c in Cohort.objects.filter(pk__in=[k for k in by_cohort if k]).order_by("pk")
    }
    course_labels = page_labels({c.course_key for c in cohorts.values()})
    waiting = Submission.objects.filter(state__in=WAITING_STATES, waiting_since__isnull=False)
    data = {
        "sla_hours": sla,
        "all": _summary(every, sla),
        "cohorts": [
            {
                "name": cohorts[pk].name if pk in cohorts else "",
                "course_labels": course_labels.get(str(cohorts[pk].course_key), {})
                if pk in cohorts
                else {},
                **_summary(items, sla),
            }
            for pk, items in sorted(by_cohort.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        ],
        "mentors": [
            {"name": mentors[pk], **_summary(items, sla)}
            for pk, items in sorted(by_mentor.items(), key=lambda kv: mentors[kv[0]])
        ],
        "waiting_now": waiting.count(),
        "waiting_past_sla": waiting.filter(waiting_since__lt=now - timedelta(hours=sla)).count(),
    }
    rows = {"": {"labels": {}, "learners": data["all"]["learners"], "position": "", "data": data}}
    return save_snapshots(Snapshot.Kind.MENTORING, rows, now)
