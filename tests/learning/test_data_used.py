"""The rung a heartbeat says it played, and the week's "data used" it adds up to.

The course's video (tests.factories.courses.ready_video) is 120 s with a 240p rung of
1.5 MB, a 360p rung of 3.2 MB and a sound-only rung of 0.4 MB: a second of 240p costs
12 500 bytes, a second of sound 3 333.3.
"""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.urls import reverse

from learning import dashboard
from learning.models import Heartbeat
from tests.learning.conftest import VIDEO_SECONDS, Api, beat, csrf_token, make_learner

URL = "/progress/heartbeats"


def opened(api, lesson, component_id):
    """Open the video two minutes ago, so the next beats are credited in full."""
    with freeze_time(datetime.now(UTC) - timedelta(minutes=2)):
        api.post(URL, beat(lesson, component_id, [], position=0))


def problem(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code
    assert body["detail"]
    return body


@pytest.mark.django_db
class TestRungField:
    @pytest.mark.parametrize(
        ("rung", "seconds", "expected"),
        [("240p", 20, 250_000), ("360p", 10, 266_667), ("audio", 30, 100_000)],
    )
    def test_the_rung_prices_the_played_seconds(
        self, api, learner, course, enrolled, video_component, rung, seconds, expected
    ):
        opened(api, course.video_lesson, video_component)
        payload = beat(course.video_lesson, video_component, [[0, seconds]]) | {"rung": rung}
        response = api.post(URL, payload)
        assert response.status_code == 200, response.content
        row = Heartbeat.objects.get(event_id=payload["event_id"])
        assert (row.rung, row.data_bytes) == (rung, expected)

    def test_played_twice_is_paid_twice(self, api, learner, course, enrolled, video_component):
        """Coverage counts a range once; data counts every time it was downloaded."""
        opened(api, course.video_lesson, video_component)
        for _time in range(2):
            payload = beat(course.video_lesson, video_component, [[0, 10]]) | {"rung": "240p"}
            assert api.post(URL, payload).status_code == 200
        assert dashboard.data_used(learner) == 250_000

    def test_without_a_rung_the_beat_counts_no_data(
        self, api, learner, course, enrolled, video_component
    ):
        opened(api, course.video_lesson, video_component)
        payload = beat(course.video_lesson, video_component, [[0, 10]])
        assert api.post(URL, payload).status_code == 200
        row = Heartbeat.objects.get(event_id=payload["event_id"])
        assert (row.rung, row.data_bytes) == ("", 0)

    @pytest.mark.parametrize(
        "rung",
        ["", "abc", "240", "p240", "0240p", "240p;drop", "x" * 17, "٢٤٠p", 240, ["240p"]],
    )
    def test_a_malformed_rung_is_refused(self, api, course, enrolled, video_component, rung):
        payload = beat(course.video_lesson, video_component, [[0, 10]]) | {"rung": rung}
        problem(api.post(URL, payload), 422, "invalid_input")
        assert not Heartbeat.objects.filter(event_id=payload["event_id"]).exists()

    def test_a_rung_not_in_this_videos_ladder_is_refused(
        self, api, course, enrolled, video_component
    ):
        opened(api, course.video_lesson, video_component)
        payload = beat(course.video_lesson, video_component, [[0, 10]]) | {"rung": "1080p"}
        problem(api.post(URL, payload), 422, "unknown_rung")
        assert not Heartbeat.objects.filter(event_id=payload["event_id"]).exists()

    def test_the_beacon_takes_the_rung_too(self, browser_client, course, enrolled, video_component):
        opened(Api(browser_client), course.video_lesson, video_component)
        payload = beat(course.video_lesson, video_component, [[0, 12]]) | {"rung": "audio"}
        response = browser_client.post(
            "/api/v1/progress/heartbeats/beacon",
            {"payload": json.dumps(payload), "csrfmiddlewaretoken": csrf_token(browser_client)},
        )
        assert response.status_code == 204, response.content
        assert Heartbeat.objects.get(event_id=payload["event_id"]).data_bytes == 40_000


def heartbeat(user, data_bytes, received_at, rung="240p"):
    return Heartbeat.objects.create(
        event_id=uuid.uuid4(),
        user=user,
        lesson_key=uuid.uuid4(),
        component_id="c",
        received_at=received_at,
        sent_at=received_at,
        position=0,
        rung=rung,
        data_bytes=data_bytes,
    )


@pytest.mark.django_db
class TestDataUsedThisWeek:
    NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

    def test_the_last_seven_days_of_this_learner_only(self, learner):
        other = make_learner("other-data@example.com")
        heartbeat(learner, 1_000_000, self.NOW - timedelta(hours=1))
        heartbeat(learner, 2_500_000, self.NOW - timedelta(days=6, hours=23), rung="audio")
        heartbeat(learner, 7_000_000, self.NOW - timedelta(days=7, minutes=1))  # too old
        heartbeat(other, 9_000_000, self.NOW - timedelta(hours=2))  # someone else's
        assert dashboard.data_used(learner, now=self.NOW) == 3_500_000
        assert dashboard.data_used(other, now=self.NOW) == 9_000_000
        assert dashboard.data_used(make_learner("none@example.com"), now=self.NOW) == 0

    def test_the_dashboard_page_and_api_show_it(self, client, learner):
        heartbeat(learner, 12_345_678, datetime.now(UTC) - timedelta(days=1))
        client.force_login(learner)
        page = BeautifulSoup(client.get(reverse("learning:dashboard")).content, "html.parser")
        figure = page.select_one("[data-data-used]").get_text(" ", strip=True)
        assert "12" in figure and "ميغابايت" in figure
        assert client.get("/api/v1/dashboard").json()["data_used_bytes"] == 12_345_678

    def test_the_dashboard_says_when_nothing_was_played(self, client, learner):
        client.force_login(learner)
        page = BeautifulSoup(client.get(reverse("learning:dashboard")).content, "html.parser")
        assert page.select_one("[data-data-used]").get_text(strip=True)
        assert client.get("/api/v1/dashboard").json()["data_used_bytes"] == 0

    def test_played_beats_add_up_on_the_dashboard(
        self, api, learner, course, enrolled, video_component
    ):
        opened(api, course.video_lesson, video_component)
        for rung, ranges in (("240p", [[0, 40]]), ("audio", [[40, VIDEO_SECONDS]])):
            payload = beat(course.video_lesson, video_component, ranges) | {"rung": rung}
            assert api.post(URL, payload).status_code == 200
        # 40 s of 240p (12 500 B/s) and 80 s of sound (3 333.3 B/s).
        assert dashboard.data_used(learner) == 500_000 + 266_667
