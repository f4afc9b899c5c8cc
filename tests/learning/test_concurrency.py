"""Real concurrency on PostgreSQL: threads, each with its own connection, at once.

SQLite serialises every write transaction, so these races cannot happen there; the
tests need PostgreSQL's row locks and run in CI (DATABASE_URL points at PostgreSQL).
"""

import json
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from django.db import connections
from django.db.models.signals import post_save
from django.test import Client

from accounts.models import AccessToken
from learning import signals
from learning.models import Activity, ComponentProgress, Heartbeat, LessonProgress
from learning.progress import complete_component, heartbeats
from learning.progress import intervals as iv
from learning.progress.enrolment import enrol
from tests.factories.courses import CoursePageFactory, LessonPageFactory, text_block
from tests.learning.conftest import beat, enrolment_of

pytestmark = [
    pytest.mark.postgres,
]

THREADS = 50


def run_at_once(count, work):
    """Run ``work(index)`` in ``count`` threads released together; collect results."""
    barrier = threading.Barrier(count)
    results = [None] * count
    errors = []

    def target(index):
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_heartbeats_give_one_consistent_row(learner, course, video_component):
    enrol(learner, course)
    _row, secret = AccessToken.issue(learner, "threads")
    # The video was opened ten minutes ago, so the allowance covers everything: this test
    # is about races, not about the wall-clock rule.
    with freeze_time(datetime.now(UTC) - timedelta(minutes=10)):
        heartbeats.record(
            learner,
            heartbeats.Beat(uuid.uuid4(), course.video_lesson.pk, video_component, 0.0, []),
        )
    now = datetime.now(UTC)
    unique = [
        beat(
            course.video_lesson,
            video_component,
            [[i * 2.0, i * 2.0 + 2.0]],
            position=i * 2.0 + 2.0,
            sent_at=now - timedelta(seconds=60 - i),
            # Queued on the device for a while, the earliest longest, ten seconds apart.
            age=10.0 * (40 - i),
        )
        for i in range(40)
    ]
    # Ten of the fifty requests replay a beat another thread is sending at the same time.
    payloads = unique + [unique[i * 4] for i in range(10)]

    def send(index):
        client = Client()
        response = client.post(
            "/api/v1/progress/heartbeats",
            json.dumps(payloads[index]),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secret}",
        )
        return response.status_code, response.json()

    results = run_at_once(THREADS, send)
    assert [status for status, _ in results] == [200] * THREADS, results
    assert sum(1 for _, body in results if body["duplicate"]) == 10

    rows = ComponentProgress.objects.filter(user=learner)
    assert rows.count() == 1
    row = rows.get()
    assert row.intervals == [[0.0, 80.0]]
    assert row.watched_seconds == 80.0
    assert row.watched_seconds == iv.total(row.intervals)
    # The position is that of the most recently made beat, whatever order they arrived in.
    assert row.position == 80.0
    assert Heartbeat.objects.filter(user=learner).count() == 41
    assert sum(Heartbeat.objects.filter(user=learner).values_list("new_seconds", flat=True)) == 80.0
    assert LessonProgress.objects.filter(user=learner).count() == 1


class CompletionEvents:
    """Collect lesson and course completion signals from every thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.lessons = []
        self.courses = []

    def on_lesson(self, **kwargs):
        with self.lock:
            self.lessons.append(kwargs["lesson_id"])

    def on_course(self, **kwargs):
        with self.lock:
            self.courses.append(kwargs["course_key"])

    def widen_the_window(self, sender, instance, created, **kwargs):
        # Each finished lesson writes an Activity row inside its transaction, between
        # recording the lesson and counting the course's finished lessons: pausing there
        # makes the transactions overlap, as they would under real load.
        if created and instance.kind == Activity.Kind.LESSON_DONE:
            time.sleep(0.3)

    def __enter__(self):
        signals.lesson_completed.connect(self.on_lesson, dispatch_uid="race-lesson")
        signals.course_completed.connect(self.on_course, dispatch_uid="race-course")
        post_save.connect(self.widen_the_window, sender=Activity, dispatch_uid="race-window")
        return self

    def __exit__(self, *exc):
        signals.lesson_completed.disconnect(dispatch_uid="race-lesson")
        signals.course_completed.disconnect(dispatch_uid="race-course")
        post_save.disconnect(sender=Activity, dispatch_uid="race-window")


def reading_course(catalogue_page, slug, lessons):
    course = CoursePageFactory(parent=catalogue_page, slug=slug)
    pages = [
        LessonPageFactory(parent=course, slug=f"{slug}-{i}", body=[text_block("<p>نص</p>")])
        for i in range(lessons)
    ]
    return course, pages


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_last_lessons_finishing_together_complete_the_course_once(learner, catalogue_page):
    """Neither transaction sees the other's lesson: without a lock, nobody completes the course."""
    course, lessons = reading_course(catalogue_page, "parallel", 3)
    enrol(learner, course)
    with CompletionEvents() as events:
        results = run_at_once(
            3, lambda i: complete_component(learner, lessons[i].pk, "reading", kind="reading")
        )
    assert [r.lesson_completed_now for r in results] == [True, True, True]
    assert sum(r.course_completed_now for r in results) == 1
    assert sorted(events.lessons) == sorted(lesson.pk for lesson in lessons)
    assert events.courses == [str(course.translation_key)]
    assert enrolment_of(learner, course).completed_at is not None
    assert Activity.objects.filter(user=learner, kind="course_done").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_completion_sent_many_times_is_recorded_once(learner, catalogue_page):
    course, lessons = reading_course(catalogue_page, "repeat", 1)
    enrol(learner, course)
    with CompletionEvents() as events:
        results = run_at_once(
            20, lambda i: complete_component(learner, lessons[0].pk, "reading", kind="reading")
        )
    assert all(r.lesson_done and r.course_done for r in results)
    assert sum(r.lesson_completed_now for r in results) == 1
    assert sum(r.course_completed_now for r in results) == 1
    assert events.lessons == [lessons[0].pk]
    assert events.courses == [str(course.translation_key)]
    assert LessonProgress.objects.filter(user=learner, done_at__isnull=False).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_quiz_submissions_respect_the_attempt_limit(learner, course, quiz_id):
    from learning.models import QuizAttempt
    from learning.progress import quizzes
    from learning.progress.errors import AttemptsExhausted, RetryLater

    enrol(learner, course)
    lesson = course.quiz_lesson

    def submit(index):
        try:
            quizzes.submit(learner, lesson, quiz_id, {})
            return "ok"
        except (AttemptsExhausted, RetryLater) as error:
            return error.code

    # The quiz allows three attempts ten minutes apart: of twenty at once, one counts.
    results = run_at_once(20, submit)
    assert results.count("ok") == 1
    assert QuizAttempt.objects.filter(user=learner).count() == 1
