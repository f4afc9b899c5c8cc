"""Every page and endpoint measured, who opens it, and how one is measured."""

import gc
import json
import statistics
import time
import uuid
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

WARM_UP = 3


@dataclass
class Page:
    name: str
    role: str  # learner, mentor, editor, admin or anonymous
    path: str
    method: str = "GET"
    body: object = None  # a callable giving the JSON body of each request
    limit_ms: float = 50.0


@dataclass
class Result:
    queries: int
    median_ms: float
    p95_ms: float


def pages_of(world):
    refs = world.refs
    lesson = refs["video_lesson"]
    component_id, duration = lesson.video
    beats = {"n": 0}

    def heartbeat():
        beats["n"] += 1
        position = 30.0 + (beats["n"] % 20)
        return {
            "event_id": str(uuid.uuid4()),
            "lesson_id": lesson.page_id,
            "component_id": component_id,
            "position": min(position, duration),
            "intervals": [[0, 30]],
        }

    course = world.courses[0]
    email = refs["learner_email"]
    video_key = f"{lesson.key}/{component_id}"
    quiz_lesson = next(x for x in world.lessons if x.quiz)
    quiz_key = f"{quiz_lesson.key}/{quiz_lesson.quiz}"
    analytics = 300.0  # the target for every analytics page
    return [
        Page("lesson page", "learner", lesson.url),
        Page("course page", "learner", course.url),
        Page("catalogue", "learner", world.catalogue_url),
        Page("dashboard", "learner", "/ar/dashboard/"),
        Page("notices", "learner", "/ar/notices/"),
        Page("badge verify page", "learner", f"/ar/badges/{refs['award']}/"),
        Page("profile page", "learner", "/ar/profile/"),
        Page("public profile", "anonymous", f"/ar/learners/{refs['profile']}/"),
        Page("API catalogue", "learner", "/api/v1/catalogue"),
        Page("API enrolments", "learner", "/api/v1/enrolments"),
        Page("API lesson state", "learner", f"/api/v1/lessons/{lesson.page_id}/state"),
        Page("API heartbeat POST", "learner", "/api/v1/progress/heartbeats", "POST", heartbeat),
        Page("API notices", "learner", "/api/v1/notices"),
        Page("badge status list", "anonymous", f"/badges/status/{refs['status_list']}/"),
        Page("mentor queue", "mentor", "/ar/mentor/"),
        Page("mentor submission", "mentor", f"/ar/mentor/submissions/{refs['submission']}/"),
        Page("API review queue", "mentor", "/api/v1/review/queue"),
        Page("admin cohorts", "editor", "/admin/cohorts/"),
        Page("admin cohort members", "editor", "/admin/cohort_members/"),
        Page("admin outbox", "editor", "/admin/outbox/"),
        Page("admin enrolments", "admin", "/admin/enrolments/"),
        Page("admin quiz attempts", "admin", "/admin/quiz_attempts/"),
        Page("admin badge awards", "admin", "/admin/badge_awards/"),
        Page("admin search by e-mail", "admin", f"/admin/enrolments/?q={email}", limit_ms=100.0),
        Page(
            "analytics courses",
            "editor",
            f"/admin/analytics/?course={course.key}",
            limit_ms=analytics,
        ),
        Page(
            "analytics video",
            "editor",
            f"/admin/analytics/videos/?video={video_key}",
            limit_ms=analytics,
        ),
        Page(
            "analytics quiz",
            "editor",
            f"/admin/analytics/quizzes/?quiz={quiz_key}",
            limit_ms=analytics,
        ),
        Page("analytics mentoring", "editor", "/admin/analytics/mentoring/", limit_ms=analytics),
        Page("analytics outcomes", "editor", "/admin/analytics/outcomes/", limit_ms=analytics),
        Page(
            "API analytics course",
            "editor",
            f"/api/v1/analytics/courses/{course.key}",
            limit_ms=analytics,
        ),
        Page(
            "API analytics video",
            "editor",
            f"/api/v1/analytics/videos/{video_key}",
            limit_ms=analytics,
        ),
    ]


def clients(world):
    """A test client per role, signed in (the session is written to the database)."""
    made = {"anonymous": Client(HTTP_ACCEPT_LANGUAGE="ar")}
    for role, user in world.people.items():
        client = Client(HTTP_ACCEPT_LANGUAGE="ar")
        client.force_login(user)
        made[role] = client
    return made


def _request(client, page):
    if page.method == "POST":
        response = client.post(page.path, json.dumps(page.body()), content_type="application/json")
    else:
        response = client.get(page.path)
    if response.status_code != 200:
        raise SystemExit(f"{page.name}: {page.method} {page.path} answered {response.status_code}")
    return response


def percentile(values, share):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[rank]


def count_queries(client, page):
    """Warm up, then count the queries of one request."""
    for _ in range(WARM_UP):
        _request(client, page)
    with CaptureQueriesContext(connection) as captured:
        _request(client, page)
    return len(captured)


def time_requests(client, page, requests, deadline_seconds=60.0):
    timings = []
    stop = time.monotonic() + deadline_seconds
    while len(timings) < requests and time.monotonic() < stop:
        started = time.perf_counter()
        _request(client, page)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def measure_all(world, made, databases, requests, rounds, only=()):
    """``{size: {name: (page, Result)}}`` for ``databases`` (``{size: database name}``),
    with the signed-in clients (``made``) whose sessions every database holds.

    Page by page, the sizes take turns (``rounds`` times each, the first size of a turn
    alternating), so both meet the same load from whatever else runs on the machine,
    seconds apart; each figure is the page's quickest round at that size (waiting for
    the CPU only ever adds time).
    """
    from bench.scaling.env import use_database

    pages = [p for p in pages_of(world) if not only or any(part in p.name for part in only)]
    sizes = list(databases)
    results = {size: {} for size in sizes}
    queries = {}
    for size in sizes:
        use_database(databases[size])
        queries[size] = {page.name: count_queries(made[page.role], page) for page in pages}
    for page in pages:
        client = made[page.role]
        medians = {size: [] for size in sizes}
        p95s = {size: [] for size in sizes}
        gc.collect()
        for turn in range(rounds):
            for size in sizes if turn % 2 == 0 else sizes[::-1]:
                use_database(databases[size])
                _request(client, page)
                timings = time_requests(client, page, requests)
                medians[size].append(statistics.median(timings))
                p95s[size].append(percentile(timings, 0.95))
        for size in sizes:
            results[size][page.name] = (
                page,
                Result(queries[size][page.name], min(medians[size]), min(p95s[size])),
            )
    return results
