"""Fixtures for the learning tests: a published course, learners, API clients.

The course has three lessons: a video lesson (a 120 s video), a quiz lesson and a
reading lesson, so every kind of completion is exercised. Clients enforce CSRF like
a browser session does.
"""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from learning.models import Enrolment
from learning.progress import enrolment as enrolment_service
from tests.cms.conftest import make_site_root
from tests.factories.cms import HomePageFactory
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    question,
    quiz_block,
    ready_video,
    text_block,
    video_block,
)

VIDEO_SECONDS = 120.0


@pytest.fixture(autouse=True, scope="session")
def _api_loaded():
    """Import the URLconf (and so the API's schemas) before any test freezes the clock:
    modules imported under freezegun would build their schemas on its fake datetime."""
    from django.urls import get_resolver

    assert get_resolver().url_patterns


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Lesson summaries and rate-limit counters live in the cache: start each test clean."""
    cache.clear()
    yield
    cache.clear()


def make_learner(email):
    return get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password="saffron-Lantern-93"
    )


@pytest.fixture
def learner(db):
    return make_learner("huda@example.com")


@pytest.fixture
def other_learner(db):
    return make_learner("karim@example.com")


@pytest.fixture
def site_home(db):
    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    return home


@pytest.fixture
def catalogue_page(site_home):
    return CourseIndexPageFactory(parent=site_home)


def quiz_value(max_attempts=3, wait=10, pass_mark=70, answers=None, explanations=None):
    block = quiz_block(
        questions=[
            question("ما أول ما تفعله؟", [("أقرأ وصف المشروع", True), ("أرسل عرضا عاما", False)]),
            question(
                "ما الذي يجعل العرض مقنعا؟",
                [("مثال من عمل سابق", True), ("وعد بسعر أقل", False), ("موعد واضح", True)],
                kind="multiple",
                explanation="المثال والموعد يطمئنان العميل",
            ),
        ],
        pass_mark=pass_mark,
    )
    block["value"]["max_attempts"] = max_attempts
    block["value"]["retry_wait_minutes"] = wait
    # Unset, the block's defaults apply (as in lessons saved before the options existed).
    if answers is not None:
        block["value"]["show_correct_answers"] = answers
    if explanations is not None:
        block["value"]["show_explanations"] = explanations
    return block


@pytest.fixture
def course(catalogue_page):
    """A course with a video lesson, a quiz lesson and a reading lesson, all published."""
    course = CoursePageFactory(
        parent=catalogue_page, title="أول عرض على مستقل", slug="first-proposal"
    )
    video = ready_video(duration=VIDEO_SECONDS)
    course.video = video
    course.video_lesson = LessonPageFactory(
        parent=course, title="شاهد كيف يبدأ", slug="watch", body=[video_block(video)]
    )
    course.quiz_lesson = LessonPageFactory(
        parent=course,
        title="اختبر فهمك",
        slug="quiz",
        body=[text_block("<p>قبل الاختبار</p>"), quiz_value()],
    )
    course.reading_lesson = LessonPageFactory(
        parent=course, title="اقرأ وتأمل", slug="read", body=[text_block("<p>نص للقراءة</p>")]
    )
    return course


def block_id(lesson, block_type):
    return next(block.id for block in lesson.body if block.block_type == block_type)


@pytest.fixture
def video_component(course):
    return block_id(course.video_lesson, "video")


@pytest.fixture
def quiz_id(course):
    return block_id(course.quiz_lesson, "quiz")


@pytest.fixture
def enrolled(learner, course):
    enrolment, _ = enrolment_service.enrol(learner, course)
    return enrolment


@pytest.fixture
def browser_client(learner):
    """A logged-in session client that, like a browser, must send the CSRF token."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    return client


def csrf_token(client):
    """Obtain the session's CSRF token the way the page gives it to scripts."""
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    secret = client.cookies.get("csrftoken")
    if secret is None:
        secret_value = _get_new_csrf_string()
        client.cookies["csrftoken"] = secret_value
    else:
        secret_value = secret.value
    return _mask_cipher_secret(secret_value)


class Api:
    """Thin JSON helper over a test client, sending the CSRF header."""

    def __init__(self, client):
        self.client = client

    def _headers(self, headers):
        return {"HTTP_X_CSRFTOKEN": csrf_token(self.client), **(headers or {})}

    def get(self, path, headers=None, **kwargs):
        return self.client.get("/api/v1" + path, **(headers or {}), **kwargs)

    def post(self, path, data=None, headers=None, raw=None):
        body = raw if raw is not None else json.dumps(data or {})
        return self.client.post(
            "/api/v1" + path, body, content_type="application/json", **self._headers(headers)
        )

    def delete(self, path, headers=None):
        return self.client.delete("/api/v1" + path, **self._headers(headers))


@pytest.fixture
def api(browser_client):
    return Api(browser_client)


def beat(lesson, component_id, intervals, position=None, event_id=None, sent_at=None, age=None):
    if position is None:
        position = intervals[-1][1] if intervals else 0.0
    payload = {
        "event_id": str(event_id or uuid.uuid4()),
        "lesson_id": lesson.pk,
        "component_id": component_id,
        "position": position,
        "intervals": intervals,
        "sent_at": (sent_at or datetime.now(UTC)).isoformat(),
    }
    if age is not None:
        payload["age"] = age
    return payload


def played(api, lesson, component_id, intervals, position=None):
    """Open the video two minutes ago (as the player does on play), then report ``intervals``.

    Two minutes at the fastest speed allow the whole test video to be credited now.
    """
    with freeze_time(datetime.now(UTC) - timedelta(minutes=2)):
        api.post("/progress/heartbeats", beat(lesson, component_id, [], position=0))
    return api.post(
        "/progress/heartbeats", beat(lesson, component_id, intervals, position=position)
    )


def enrolment_of(user, course):
    return Enrolment.objects.get(user=user, course_key=course.translation_key)
