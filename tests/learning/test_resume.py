"""Where a learner picks a video up: the lesson-state API and "continue" on the course page.

A video she has not finished resumes where she stopped, even in its last seconds; one she
has finished and left near its end starts over.
"""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.test import Client

from tests.learning.conftest import VIDEO_SECONDS, beat, played
from tests.learning.test_heartbeats_api import URL, watch

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def state_position(api, lesson):
    return api.get(f"/lessons/{lesson.pk}/state").json()["components"][0]["position"]


def continue_href(learner, course):
    client = Client()
    client.force_login(learner)
    page = BeautifulSoup(client.get(course.url).content, "html.parser")
    return page.select_one("[data-learn-panel] a[data-continue]")["href"]


@pytest.mark.django_db
class TestResumePosition:
    def test_an_unfinished_video_left_near_its_end_resumes_there(
        self, api, learner, course, enrolled, video_component
    ):
        answer = played(api, course.video_lesson, video_component, [[0, 20]], position=117)
        assert answer.json()["video_done"] is False
        assert state_position(api, course.video_lesson) == 117
        assert continue_href(learner, course) == f"{course.video_lesson.url}#t=117"

    def test_an_unfinished_video_left_at_its_very_end_is_not_restarted(
        self, api, course, enrolled, video_component
    ):
        played(api, course.video_lesson, video_component, [[0, 20]], position=VIDEO_SECONDS)
        assert state_position(api, course.video_lesson) == VIDEO_SECONDS

    def test_a_finished_video_left_near_its_end_starts_over(
        self, api, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            answers = watch(api, course.video_lesson, video_component, 0, 118, clock=clock)
            assert answers[-1].json()["video_done"] is True
            api.post(URL, beat(course.video_lesson, video_component, [], position=118))
        assert state_position(api, course.video_lesson) == 0

    def test_a_finished_video_left_midway_resumes_there(
        self, api, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            watch(api, course.video_lesson, video_component, 0, 118, clock=clock)
            clock.tick()
            api.post(URL, beat(course.video_lesson, video_component, [], position=40))
        assert state_position(api, course.video_lesson) == 40
