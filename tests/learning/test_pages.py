"""What the course, lesson and dashboard pages show a learner, in Arabic and English."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.test import Client
from django.utils import translation

from accounts.models import AccessToken
from courses.templatetags.courses_tags import duration
from learning.progress.enrolment import leave
from tests.learning.conftest import Api, played
from tests.learning.test_heartbeats_api import watch


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def client(learner):
    client = Client()
    client.force_login(learner)
    return client


@pytest.mark.django_db
class TestCoursePage:
    def test_anonymous_visitor_is_invited_to_sign_up(self, course):
        page = soup(Client().get(course.url))
        panel = page.select_one("[data-learn-panel]")
        assert panel.select_one('a[href^="/ar/accounts/signup/"]')
        assert not panel.select("form")

    def test_signed_in_visitor_can_enrol(self, client, course):
        panel = soup(client.get(course.url)).select_one("[data-learn-panel]")
        form = panel.select_one("form")
        assert form["action"] == f"/ar/learn/courses/{course.pk}/enrol/"
        assert form.select_one("[data-enrol]")

    def test_enrolled_learner_sees_progress_states_and_continue(
        self, api, client, learner, course, enrolled, video_component
    ):
        api.post(f"/lessons/{course.reading_lesson.pk}/completion")
        played(api, course.video_lesson, video_component, [[0, 30]], position=42)
        page = soup(client.get(course.url))
        panel = page.select_one("[data-learn-panel]")
        continue_link = panel.select_one("a[data-continue]")
        # The video lesson was worked on last and is not finished: back to it, at 42 s.
        assert continue_link["href"] == f"{course.video_lesson.url}#t=42"
        items = page.select(".syllabus__item")
        assert len(items) == 3
        assert "syllabus__item--done" in items[2]["class"]
        assert "syllabus__item--done" not in items[0]["class"]
        progress = page.select_one(".course__progress progress")
        assert progress["value"] == "33"
        assert panel.select_one(f'form[action="/ar/learn/courses/{course.pk}/leave/"]')

    def test_a_learner_who_left_is_offered_to_come_back(self, client, learner, course, enrolled):
        leave(learner, course.translation_key)
        panel = soup(client.get(course.url)).select_one("[data-learn-panel]")
        assert panel.select_one("[data-enrol]")
        assert not panel.select_one("a[data-continue]")


@pytest.mark.django_db
class TestLessonPage:
    def test_config_for_the_player(self, client, learner, course, enrolled, video_component, api):
        played(api, course.video_lesson, video_component, [[0, 20]], position=20)
        page = soup(client.get(course.video_lesson.url))
        config = json.loads(page.select_one("script#lms-config").string)
        assert config["lessonId"] == course.video_lesson.pk
        assert config["tracking"] is True
        assert config["heartbeatUrl"] == "/api/v1/progress/heartbeats"
        assert config["beaconUrl"] == "/api/v1/progress/heartbeats/beacon"
        assert config["hlsUrl"].endswith("vendor/hls/hls.light.min.js")
        assert config["hlsFullUrl"].endswith("vendor/hls/hls.min.js")
        assert "hlsWorkerUrl" not in config  # fragmented MP4: nothing to transmux
        assert config["csrfToken"]
        video = config["videos"][str(course.video.pk)]
        assert video["componentId"] == video_component
        # The position changes every few seconds: it comes from the state API, not the page.
        assert "position" not in video
        assert config["stateUrl"] == f"/api/v1/lessons/{course.video_lesson.pk}/state"
        assert client.get(config["stateUrl"]).json()["components"][0]["position"] == 20
        assert video["tracked"] is True
        assert video["audioUrl"].endswith("/audio/index.m3u8")
        # Picture rungs with a separate sound rung: only hls.js's full build plays them.
        assert video["separateAudio"] is True
        assert [r["audio"] for r in video["renditions"]] == [False, False, True]
        assert [r["bytes"] for r in video["renditions"]] == [1_500_000, 3_200_000, 400_000]
        # Scripts are files (CSP script-src 'self'), loaded without blocking the page.
        scripts = list(page.select("script[src]"))
        parts = [s for s in scripts if "js/player/" in s["src"]]
        assert [s["src"].rsplit("/", 1)[1] for s in parts] == [
            "core.js",
            "heartbeats.js",
            "player.js",
            "engine.js",
            "boot.js",
        ]
        assert all(s.has_attr("defer") for s in parts)
        assert not [
            s for s in page.select("script:not([src])") if s.get("type") != "application/json"
        ]
        status = page.select_one("[data-lesson-status]")
        assert "lesson-status--started" in status["class"]

    def test_not_enrolled_lesson_offers_enrolment_and_does_not_track(self, client, course):
        page = soup(client.get(course.video_lesson.url))
        config = json.loads(page.select_one("script#lms-config").string)
        assert config["tracking"] is False
        assert page.select_one(
            f'[data-lesson-status] form[action="/ar/learn/courses/{course.pk}/enrol/"]'
        )

    def test_reading_lesson_mark_done_without_javascript(self, client, learner, course, enrolled):
        page = soup(client.get(course.reading_lesson.url))
        form = page.select_one(f'form[action="/ar/learn/lessons/{course.reading_lesson.pk}/done/"]')
        assert form is not None
        response = client.post(form["action"], {"next": course.reading_lesson.url})
        assert response.status_code == 302
        page = soup(client.get(course.reading_lesson.url))
        assert "lesson-status--done" in page.select_one("[data-lesson-status]")["class"]
        assert not page.select(f'form[action="/ar/learn/lessons/{course.reading_lesson.pk}/done/"]')

    def test_video_lesson_has_no_mark_done(self, client, course, enrolled):
        page = soup(client.get(course.video_lesson.url))
        assert not page.select(f'form[action$="/learn/lessons/{course.video_lesson.pk}/done/"]')


@pytest.mark.django_db
class TestDashboard:
    def test_progress_next_lesson_time_and_activity(
        self, client, api, learner, course, enrolled, video_component
    ):
        # Later than the enrolment made by the fixture.
        with freeze_time(datetime.now(UTC) + timedelta(hours=1)) as clock:
            watch(api, course.video_lesson, video_component, 0, 110, clock=clock)
        page = soup(client.get("/ar/dashboard/"))
        card = page.select_one(f'[data-course="{course.pk}"]')
        assert card.select_one("progress")["value"] == "33"
        next_link = card.select_one(".dashboard-course__next a")
        assert next_link["href"] == course.quiz_lesson.url
        with translation.override("ar"):
            expected = duration(110)
        assert expected in page.select_one("[data-time-spent]").get_text()
        kinds = [li["class"][1] for li in page.select(".activity__item")]
        assert kinds == ["activity__item--lesson_done", "activity__item--enrolled"]
        assert not page.select("#badges-title")  # no badges yet: no section

    def test_english_dashboard_shows_english_titles(self, learner, course, enrolled):
        from tests.cms.conftest import translate

        home_en = translate(course.get_parent().get_parent().specific, "en", title="Bidaya")
        catalogue_en = translate(course.get_parent().specific, "en", title="Courses")
        course_en = translate(course, "en", title="Your first proposal")
        assert home_en and catalogue_en
        client = Client()
        client.force_login(learner)
        page = soup(client.get("/en/dashboard/"))
        assert page.select_one(".dashboard-course__title a").get_text() == "Your first proposal"
        assert page.select_one(".dashboard-course__title a")["href"] == course_en.url

    def test_empty_dashboard(self, client):
        page = soup(client.get("/ar/dashboard/"))
        assert page.select_one(".dashboard__empty")

    def test_needs_login(self):
        response = Client().get("/ar/dashboard/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
class TestAccessTokens:
    def test_create_use_and_revoke(self, client, learner, course):
        response = client.post("/ar/dashboard/tokens/", {"name": "تطبيقي"})
        page = soup(response)
        secret = page.select_one("[data-new-token]").get_text()
        assert secret.startswith("bdy_")
        assert response["Cache-Control"] == "no-store"
        row = AccessToken.objects.get(user=learner)
        assert row.digest != secret and secret not in row.digest
        # A token client needs no CSRF token and no cookie.
        bearer = Client(enforce_csrf_checks=True)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
        enrolled = bearer.post(
            "/api/v1/enrolments",
            json.dumps({"course_id": course.pk}),
            content_type="application/json",
            **headers,
        )
        assert enrolled.status_code == 201, enrolled.content
        assert (
            bearer.get("/api/v1/dashboard", **headers).json()["courses"][0]["course_id"]
            == course.pk
        )
        # The token is not shown again.
        assert secret not in client.get("/ar/dashboard/").content.decode()
        client.post(f"/ar/dashboard/tokens/{row.pk}/revoke/")
        assert bearer.get("/api/v1/dashboard", **headers).status_code == 401

    @pytest.mark.parametrize(
        "header", ["Bearer nope", "Bearer bdy_" + "x" * 43, "Bearer " + "a" * 5000, "Basic abc"]
    )
    def test_bad_tokens(self, header, learner):
        response = Client().get("/api/v1/dashboard", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401

    def test_management_command(self, learner, capsys):
        from django.core.management import call_command

        call_command("create_api_token", learner.email, "--name", "script")
        secret = capsys.readouterr().out.strip().splitlines()[-1]
        assert (
            Api(Client()).get("/dashboard", {"HTTP_AUTHORIZATION": f"Bearer {secret}"}).status_code
            == 200
        )
