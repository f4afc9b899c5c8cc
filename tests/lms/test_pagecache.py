"""The lesson page cache: fast repeat visits, never another reader's page, never stale."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lms.progress import complete_component
from lms.progress.enrolment import enrol, leave
from tests.lms.conftest import Api, beat


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.BIDAYA_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Cache generations move when the transaction commits; tests run inside one."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def client(learner):
    client = Client()
    client.force_login(learner)
    return client


def status_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one("[data-lesson-status]")["class"]


@pytest.mark.django_db
class TestLessonPageCache:
    def test_second_visit_is_served_from_the_cache(self, client, course, enrolled):
        first = client.get(course.reading_lesson.url)
        assert "X-Page-Cache" not in first
        with CaptureQueriesContext(connection) as queries:
            second = client.get(course.reading_lesson.url)
        assert second["X-Page-Cache"] == "hit"
        # Only the session and the user: no page tree, no StreamField, no progress.
        assert len(queries) <= 2, [q["sql"] for q in queries.captured_queries]
        assert second.content.decode().count("csrfmiddlewaretoken") == first.content.decode().count(
            "csrfmiddlewaretoken"
        )

    def test_forms_on_a_cached_page_still_post(self, learner, course, enrolled):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        client.get(course.reading_lesson.url)
        cached = client.get(course.reading_lesson.url)
        assert cached["X-Page-Cache"] == "hit"
        page = BeautifulSoup(cached.content, "html.parser")
        form = page.select_one(f'form[action="/ar/learn/lessons/{course.reading_lesson.pk}/done/"]')
        token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
        assert "marker" not in token
        response = client.post(form["action"], {"csrfmiddlewaretoken": token})
        assert response.status_code == 302

    def test_readers_never_see_each_others_pages(self, client, other_learner, course, enrolled):
        client.get(course.reading_lesson.url)
        client.get(course.reading_lesson.url)
        theirs = Client()
        theirs.force_login(other_learner)
        response = theirs.get(course.reading_lesson.url)
        assert "X-Page-Cache" not in response
        # The other learner is not enrolled: their page offers enrolment.
        assert BeautifulSoup(response.content, "html.parser").select_one(
            f'[data-lesson-status] form[action="/ar/learn/courses/{course.pk}/enrol/"]'
        )
        assert "huda@example.com" not in response.content.decode()

    def test_progress_transitions_drop_the_readers_copies(
        self, client, learner, course, enrolled, video_component, on_commit
    ):
        client.get(course.reading_lesson.url)
        assert "lesson-status--not_started" in status_of(client.get(course.reading_lesson.url))
        with on_commit(execute=True):
            complete_component(learner, course.reading_lesson, "reading", kind="reading")
        response = client.get(course.reading_lesson.url)
        assert "X-Page-Cache" not in response
        assert "lesson-status--done" in status_of(response)

        client.get(course.video_lesson.url)
        with on_commit(execute=True):
            Api(client).post(
                "/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 9]])
            )
        assert "lesson-status--started" in status_of(client.get(course.video_lesson.url))

    def test_heartbeats_that_change_no_status_keep_the_copy(
        self, client, course, enrolled, video_component, on_commit
    ):
        api = Api(client)
        with on_commit(execute=True):
            api.post("/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 9]]))
        client.get(course.video_lesson.url)
        with on_commit(execute=True):
            api.post("/progress/heartbeats", beat(course.video_lesson, video_component, [[9, 18]]))
        assert client.get(course.video_lesson.url)["X-Page-Cache"] == "hit"

    def test_leaving_and_enrolling_drop_the_copy(
        self, client, learner, course, enrolled, on_commit
    ):
        client.get(course.reading_lesson.url)
        with on_commit(execute=True):
            leave(learner, course.translation_key)
        response = client.get(course.reading_lesson.url)
        assert "X-Page-Cache" not in response
        with on_commit(execute=True):
            enrol(learner, course)
        assert "X-Page-Cache" not in client.get(course.reading_lesson.url)

    def test_publishing_drops_every_copy(self, client, course, enrolled, on_commit):
        client.get(course.reading_lesson.url)
        lesson = course.reading_lesson
        lesson.title = "عنوان جديد"
        with on_commit(execute=True):
            lesson.save_revision().publish()
        response = client.get(lesson.url)
        assert "X-Page-Cache" not in response
        assert "عنوان جديد" in response.content.decode()

    def test_approval_by_someone_else_drops_the_learners_copy(
        self, client, learner, course, enrolled, on_commit
    ):
        from tests.factories.courses import LessonPageFactory, assignment_block

        lesson = LessonPageFactory(parent=course, slug="task", body=[assignment_block()])
        client.get(lesson.url)
        assignment = next(b.id for b in lesson.body if b.block_type == "assignment")
        with on_commit(execute=True):
            complete_component(learner, lesson, assignment, kind="assignment")
        response = client.get(lesson.url)
        assert "lesson-status--done" in status_of(response)

    def test_flash_messages_and_query_strings_bypass_the_cache(self, client, course, enrolled):
        client.get(course.reading_lesson.url)
        assert client.get(course.reading_lesson.url + "?t=5").get("X-Page-Cache") is None
        response = client.post(f"/ar/learn/lessons/{course.reading_lesson.pk}/done/", follow=True)
        assert "X-Page-Cache" not in response
        assert list(response.context["messages"])

    def test_anonymous_visitors_share_a_copy_without_tokens(self, course):
        Client().get(course.video_lesson.url)
        response = Client().get(course.video_lesson.url)
        assert response["X-Page-Cache"] == "hit"
        assert "csrfmiddlewaretoken" not in response.content.decode()

    def test_off_when_the_setting_is_zero(self, settings, client, course, enrolled):
        settings.BIDAYA_PAGE_CACHE_SECONDS = 0
        client.get(course.reading_lesson.url)
        assert "X-Page-Cache" not in client.get(course.reading_lesson.url)
