"""The course, lesson and dashboard pages cost few queries, however much there is.

Each page is requested once to warm the shared caches (remembered routes, kept
blocks, menus), as on a running site, then measured: at most ``LIMIT`` queries for a
signed-in learner, and more lessons, more progress rows and more enrolments must not
add a single one. Every measured response is a full render: there is no page cache.
"""

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from learning.progress import complete_component
from learning.progress.enrolment import enrol
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    quiz_block,
    text_block,
    video_block,
)
from tests.learning.conftest import Api, beat

LIMIT = 15


def queries_for(client, url):
    client.get(url)  # warm the caches (lesson summaries, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    sql = [q["sql"] for q in captured.captured_queries]
    assert len(captured) <= LIMIT, "\n".join(sql)
    return len(captured), sql


def add_lessons(course, count, with_progress_for=None):
    lessons = []
    for index in range(count):
        body = [text_block("<p>نص</p>")]
        if index % 3 == 1:
            body.append(quiz_block())
        lessons.append(
            LessonPageFactory(parent=course, slug=f"extra-{course.pk}-{index}", body=body)
        )
    if with_progress_for is not None:
        for lesson in lessons[::2]:
            if len(lesson.body) == 1:
                complete_component(with_progress_for, lesson, "reading", kind="reading")
    return lessons


@pytest.fixture
def client(learner):
    client = Client()
    client.force_login(learner)
    return client


@pytest.mark.django_db
class TestQueryCounts:
    def test_course_page(self, client, learner, course, enrolled, video_component):
        Api(client).post(
            "/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 10]])
        )
        small, _ = queries_for(client, course.url)
        add_lessons(course, 27, with_progress_for=learner)
        large, sql = queries_for(client, course.url)
        assert large == small, "\n".join(sql)

    def test_lesson_page(self, client, learner, course, enrolled, video_component):
        Api(client).post(
            "/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 10]])
        )
        small, _ = queries_for(client, course.video_lesson.url)
        add_lessons(course, 27, with_progress_for=learner)
        large, sql = queries_for(client, course.video_lesson.url)
        assert large == small, "\n".join(sql)

    def test_dashboard(self, client, learner, course, enrolled, catalogue_page, video_component):
        api = Api(client)
        with freeze_time(datetime.now(UTC) + timedelta(minutes=5)):
            api.post("/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 10]]))
        small, _ = queries_for(client, "/ar/dashboard/")
        for number in range(4):
            other = CoursePageFactory(parent=catalogue_page, slug=f"more-{number}")
            lessons = add_lessons(other, 6)
            LessonPageFactory(
                parent=other, slug=f"video-{number}", body=[video_block(course.video)]
            )
            enrol(learner, other)
            complete_component(learner, lessons[0], "reading", kind="reading")
        large, sql = queries_for(client, "/ar/dashboard/")
        assert large == small, "\n".join(sql)

    def test_dashboard_api(self, client, learner, course, enrolled, catalogue_page):
        api = Api(client)
        api.get("/dashboard")
        with CaptureQueriesContext(connection) as small:
            assert api.get("/dashboard").status_code == 200
        for number in range(3):
            other = CoursePageFactory(parent=catalogue_page, slug=f"api-{number}")
            add_lessons(other, 5)
            enrol(learner, other)
        with CaptureQueriesContext(connection) as large:
            body = api.get("/dashboard").json()
        assert len(body["courses"]) == 4
        assert len(large) == len(small)
