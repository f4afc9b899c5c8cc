"""Outcomes: how soon finishers report a first client, and how long from enrolment to
the first earnings, overall and by country, marketplace and track.

Only outcomes whose learner agreed to be counted enter (``outcomes.statistics.counted``):
withdrawing the consent takes her out of every figure here at the next run, because
this part is recomputed whole from the current rows.

* A finisher is a learner who finished at least one course; her finishing day is the
  first such day. "Within N days" counts a first client reported on or before N days
  after it, out of the finishers who finished at least N days ago (the others have not
  had N days yet, so they are not counted as "not yet").
* Days to first earnings: from her first enrolment to the day of her first client (or,
  without one, her first month of earnings).
"""

from collections import defaultdict

from analytics.models import Snapshot
from analytics.rollup.common import median, save_snapshots
from cms.models import Country, Marketplace
from courses.models import CoursePage
from credentials.models import LearnerProfile
from learning.models import Enrolment
from outcomes.models import Outcome
from outcomes.statistics import counted

WINDOWS = (30, 60, 90)


def _names(model, pks):
    return {
        row.pk: {"ar": row.name_ar, "en": row.name_en or row.name_ar, "fr": row.name_fr}
        for row in model.objects.filter(pk__in=pks)
    }


def _figures(members, finished_on, first_enrolled, reported, today):
    """The figures of a group of learners (``members``: user ids of finishers and
    reporters)."""
    finishers = [user for user in members if user in finished_on]
    within = {}
    for days in WINDOWS:
        eligible = [u for u in finishers if (today - finished_on[u]).days >= days]
        hits = [
            u for u in eligible if u in reported and (reported[u][0] - finished_on[u]).days <= days
        ]
        within[str(days)] = {"eligible": len(eligible), "reported": len(hits)}
    waits = [
        (reported[u][0] - first_enrolled[u]).days
        for u in members
        if u in reported and u in first_enrolled
    ]
    return {
        "finishers": len(finishers),
        "reporters": sum(1 for u in members if u in reported),
        "within": within,
        "median_days": median([max(0, w) for w in waits]),
        "timed": len(waits),
    }


def snapshot(now):
    today = now.date()
    finished_on, first_enrolled, last_course = {}, {}, {}
    for user, created, completed, course_key in Enrolment.objects.values_list(
        "user_id", "created_at", "completed_at", "course_key"
    ).iterator(chunk_size=5000):
        day = created.date()
        first_enrolled[user] = min(day, first_enrolled.get(user, day))
        if completed is not None:
            done = completed.date()
            if user not in finished_on or done < finished_on[user]:
                finished_on[user] = done
            if user not in last_course or done >= last_course[user][0]:
                last_course[user] = (done, str(course_key))
    # {user: (day of the first earnings, marketplace id, course key)}
    reported = {}
    rows = counted().order_by("happened_on", "pk")
    for user, kind, happened, marketplace, course_key in rows.values_list(
        "user_id", "kind", "happened_on", "marketplace_id", "course_key"
    ):
        current = reported.get(user)
        first_client = kind == Outcome.Kind.FIRST_CLIENT
        if current is None or (first_client and not current[3]):
            key = str(course_key) if course_key else None
            reported[user] = (happened, marketplace, key, first_client)
    countries = dict(
        LearnerProfile.objects.filter(user_id__in=set(finished_on) | set(reported))
        .exclude(country=None)
        .values_list("user_id", "country_id")
    )
    tracks = {
        str(key): track
        for key, track in CoursePage.objects.values_list("translation_key", "track").distinct()
    }
    people = set(finished_on) | set(reported)
    groups = {
        "country": defaultdict(set),
        "marketplace": defaultdict(set),
        "track": defaultdict(set),
    }
    for user in people:
        if user in countries:
            groups["country"][countries[user]].add(user)
        if user in reported and reported[user][1]:
            groups["marketplace"][reported[user][1]].add(user)
        course_key = (reported.get(user) or (None, None, None))[2] or last_course.get(
            user, (0, None)
        )[1]
        if course_key and tracks.get(course_key):
            groups["track"][tracks[course_key]].add(user)
    labels = {
        "country": _names(Country, groups["country"]),
        "marketplace": _names(Marketplace, groups["marketplace"]),
        "track": {},
    }
    data = {"overall": _figures(people, finished_on, first_enrolled, reported, today)}
    for name, members in groups.items():
        data[f"by_{name}"] = [
            {
                "key": str(key),
                "labels": labels[name].get(key, {}),
                **_figures(users, finished_on, first_enrolled, reported, today),
            }
            for key, users in sorted(members.items(), key=lambda kv: -len(kv[1]))
        ]
    row = {"labels": {}, "learners": data["overall"]["reporters"], "position": "", "data": data}
    return save_snapshots(Snapshot.Kind.OUTCOMES, {"": row}, now)
