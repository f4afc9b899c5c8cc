"""Progress made offline and sent when the connection returns.

Heartbeats queued on the device arrive late, all at once, each with its ``age`` (how
long it waited there). Within ``BIDAYA_LATE_HEARTBEAT_DAYS`` they are merged as if they
had arrived on time, with the 2× cap measured over the time the learner was really away;
after it they are refused with a problem. A quiz answered offline is scored when it
arrives, once, however often the device resends it.
"""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from learning.models import ComponentProgress, Heartbeat, QuizAttempt
from tests.factories.courses import LessonPageFactory, ready_video, video_block
from tests.learning.conftest import beat
from tests.learning.test_quizzes import right_answers, wrong_answers

URL = "/progress/heartbeats"
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
STEP = 15.0


def row_of(user, lesson, component_id):
    return ComponentProgress.objects.get(
        user=user, lesson_key=lesson.translation_key, component_id=component_id
    )


@pytest.fixture(autouse=True)
def _enrolled_before_the_story(enrolled):
    """The enrolment dates from before the frozen clock of each story starts."""
    enrolled.enrolled_at = START - timedelta(days=30)
    enrolled.save(update_fields=["enrolled_at"])


@pytest.fixture
def long_lesson(course):
    """A fifteen-minute video lesson: ``(lesson, component id)``."""
    lesson = LessonPageFactory(
        parent=course, title="فيديو طويل", slug="long", body=[video_block(ready_video(900.0))]
    )
    return lesson, next(b.id for b in lesson.body if b.block_type == "video")


def offline_session(lesson, component_id, start, end, *, away_for):
    """The beats a player queued while offline: the opening one, then one per ``STEP``
    seconds of playback, as they are sent ``away_for`` seconds after the opening."""
    beats = [beat(lesson, component_id, [], position=start)]
    beats[0]["age"] = away_for
    position, made = start, 0.0
    while position < end:
        upto = min(end, position + STEP)
        made += STEP
        beats.append(beat(lesson, component_id, [[position, upto]]))
        beats[-1]["age"] = max(0.0, away_for - made)
        position = upto
    return beats


@pytest.mark.django_db
class TestLateHeartbeats:
    def test_a_long_offline_session_is_credited_in_full(
        self, api, learner, course, enrolled, long_lesson
    ):
        """Ten minutes watched offline, sent an hour later: all ten minutes count, where
        beats arriving together would only have had the 300 s burst between them."""
        lesson, component = long_lesson
        with freeze_time(START) as clock:
            clock.tick(timedelta(hours=1))
            answers = [
                api.post(URL, b) for b in offline_session(lesson, component, 0, 600, away_for=3600)
            ]
        assert {a.status_code for a in answers} == {200}
        assert sum(a.json()["uncredited_seconds"] for a in answers) == 0
        row = row_of(learner, lesson, component)
        assert row.intervals == [[0, 600]]
        assert row.watched_seconds == 600
        assert row.position == 600
        # The clock of the cap stands where the last beat was made, not at its arrival.
        assert row.last_beat_at == START + timedelta(hours=1) - timedelta(seconds=3600 - 600)

    def test_offline_credit_cannot_exceed_twice_the_time_away(
        self, api, learner, course, enrolled, long_lesson
    ):
        """Online at 9:00, back 60 s later with beats claiming ten minutes of watching:
        2 × 60 s is credited, the rest is answered as uncredited."""
        lesson, component = long_lesson
        with freeze_time(START) as clock:
            assert api.post(URL, beat(lesson, component, [], position=0)).status_code == 200
            clock.tick(timedelta(seconds=60))
            forged = offline_session(lesson, component, 0, 600, away_for=60)[1:]
            answers = [api.post(URL, b) for b in forged]
        assert {a.status_code for a in answers} == {200}
        row = row_of(learner, lesson, component)
        assert row.watched_seconds == pytest.approx(120.0)
        assert row.intervals == [[0, 120]]
        uncredited = sum(a.json()["uncredited_seconds"] for a in answers)
        assert uncredited == pytest.approx(480.0)

    def test_ages_claiming_a_time_before_the_previous_beat_add_nothing(
        self, api, learner, course, enrolled, long_lesson
    ):
        """The clock never goes back: beats claiming they were made an hour before the
        beat the server last saw are merged on the allowance left, which is none."""
        lesson, component = long_lesson
        with freeze_time(START) as clock:
            assert api.post(URL, beat(lesson, component, [], position=0)).status_code == 200
            clock.tick(timedelta(seconds=1))
            old = offline_session(lesson, component, 0, 300, away_for=4000)[1:]
            answers = [api.post(URL, b) for b in old]
        assert {a.status_code for a in answers} == {200}
        # Every beat says it was made before the opening reached the server.
        assert row_of(learner, lesson, component).watched_seconds == 0
        assert sum(a.json()["uncredited_seconds"] for a in answers) == pytest.approx(300.0)

    def test_a_video_first_opened_offline_starts_its_clock_no_earlier_than_the_enrolment(
        self, api, learner, course, enrolled, long_lesson
    ):
        lesson, component = long_lesson
        enrolled.enrolled_at = START
        enrolled.save(update_fields=["enrolled_at"])
        with freeze_time(START + timedelta(seconds=100)):
            # The device says it opened the video a day ago, before the enrolment, then
            # sent a beat every 10 s of the last 100, each claiming a minute of video.
            opening = beat(lesson, component, [], position=0)
            opening["age"] = 86_400
            beats = [opening]
            for i in range(10):
                claim = beat(lesson, component, [[60 * i, 60 * i + 60]])
                claim["age"] = 90 - 10 * i
                beats.append(claim)
            answers = [api.post(URL, b) for b in beats]
        assert {a.status_code for a in answers} == {200}
        # From the enrolment to the arrival: 100 s of server time, 200 s at 2×.
        assert row_of(learner, lesson, component).watched_seconds == pytest.approx(200.0)

    def test_inside_the_window_accepted_outside_refused(
        self, api, learner, course, enrolled, long_lesson, settings
    ):
        settings.BIDAYA_LATE_HEARTBEAT_DAYS = 14
        lesson, component = long_lesson
        enrolled.enrolled_at = START - timedelta(days=30)
        enrolled.save(update_fields=["enrolled_at"])
        fourteen_days = 14 * 86_400
        with freeze_time(START):
            inside = beat(lesson, component, [], position=0)
            inside["age"] = fourteen_days - 60
            assert api.post(URL, inside).status_code == 200
            outside = beat(lesson, component, [[0, 30]], position=30)
            outside["age"] = fourteen_days + 60
            response = api.post(URL, outside)
        assert response.status_code == 422
        assert response["Content-Type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["code"] == "too_late"
        assert problem["days"] == 14
        assert "14" in problem["detail"]
        assert not Heartbeat.objects.filter(event_id=outside["event_id"]).exists()
        assert row_of(learner, lesson, component).intervals == []

    def test_the_window_is_a_setting(self, api, learner, course, enrolled, long_lesson, settings):
        settings.BIDAYA_LATE_HEARTBEAT_DAYS = 2
        lesson, component = long_lesson
        with freeze_time(START):
            late = beat(lesson, component, [], position=0)
            late["age"] = 3 * 86_400
            response = api.post(URL, late)
        assert response.status_code == 422
        assert response.json()["days"] == 2

    def test_the_beacon_door_refuses_too_late_beats_too(
        self, api, learner, course, enrolled, long_lesson, browser_client
    ):
        import json

        from tests.learning.conftest import csrf_token

        lesson, component = long_lesson
        late = beat(lesson, component, [], position=0)
        late["age"] = 400 * 86_400 / 40  # 10 days: inside
        token = csrf_token(browser_client)
        ok = browser_client.post(
            "/api/v1/progress/heartbeats/beacon",
            {"payload": json.dumps(late), "csrfmiddlewaretoken": token},
        )
        assert ok.status_code == 204
        later = beat(lesson, component, [[0, 10]], position=10)
        later["age"] = 20 * 86_400
        refused = browser_client.post(
            "/api/v1/progress/heartbeats/beacon",
            {"payload": json.dumps(later), "csrfmiddlewaretoken": token},
        )
        assert refused.status_code == 422
        assert refused.json()["code"] == "too_late"

    def test_two_devices_offline_merge_their_intervals(
        self, api, learner, course, enrolled, long_lesson
    ):
        """A phone and a laptop each watched part of the video offline; whichever syncs
        first, the union is kept and each device's time away bounds its own credit."""
        lesson, component = long_lesson
        with freeze_time(START) as clock:
            assert api.post(URL, beat(lesson, component, [], position=0)).status_code == 200
            clock.tick(timedelta(hours=2))
            phone = offline_session(lesson, component, 0, 300, away_for=3000)[1:]
            laptop = offline_session(lesson, component, 200, 500, away_for=1500)[1:]
            for b in phone + laptop:
                assert api.post(URL, b).status_code == 200
        row = row_of(learner, lesson, component)
        assert row.intervals == [[0, 500]]
        assert row.watched_seconds == 500

    def test_a_replayed_late_beat_is_counted_once(
        self, api, learner, course, enrolled, long_lesson
    ):
        lesson, component = long_lesson
        with freeze_time(START) as clock:
            clock.tick(timedelta(hours=1))
            session = offline_session(lesson, component, 0, 60, away_for=600)
            for b in session:
                api.post(URL, b)
            again = api.post(URL, session[-1])
        assert again.status_code == 200
        assert again.json()["duplicate"] is True
        assert row_of(learner, lesson, component).watched_seconds == 60
        assert Heartbeat.objects.filter(event_id=session[-1]["event_id"]).count() == 1


def attempts_url(lesson, quiz_id):
    return f"/lessons/{lesson.pk}/quizzes/{quiz_id}/attempts"


@pytest.mark.django_db
class TestQuizAnsweredOffline:
    def test_a_resent_submission_is_scored_once(self, api, learner, course, enrolled, quiz_id):
        lesson = course.quiz_lesson
        event_id = str(uuid.uuid4())
        body = {"answers": right_answers(lesson, quiz_id), "event_id": event_id}
        first = api.post(attempts_url(lesson, quiz_id), body)
        again = api.post(attempts_url(lesson, quiz_id), body)
        assert first.status_code == 201
        assert again.status_code == 201
        assert again.json()["id"] == first.json()["id"]
        assert again.json()["policy"]["attempts_used"] == 1
        assert QuizAttempt.objects.filter(user=learner).count() == 1
        assert str(QuizAttempt.objects.get(user=learner).event_id) == event_id

    def test_scored_under_the_rules_in_force_when_it_arrives(
        self, api, learner, course, enrolled, quiz_id
    ):
        """Two offline answers to a quiz that asks for ten minutes between attempts:
        the first is scored, the second is told to wait, as if sent online."""
        lesson = course.quiz_lesson
        with freeze_time(START):
            first = api.post(
                attempts_url(lesson, quiz_id),
                {"answers": wrong_answers(lesson, quiz_id), "event_id": str(uuid.uuid4())},
            )
            second = api.post(
                attempts_url(lesson, quiz_id),
                {"answers": right_answers(lesson, quiz_id), "event_id": str(uuid.uuid4())},
            )
        assert first.status_code == 201
        assert first.json()["passed"] is False
        assert second.status_code == 429
        assert second.json()["code"] == "retry_later"

    def test_an_event_id_of_another_learner_is_a_conflict(
        self, api, learner, other_learner, course, quiz_id
    ):
        from django.test import Client

        from learning.progress.enrolment import enrol
        from tests.learning.conftest import Api

        enrol(learner, course)
        enrol(other_learner, course)
        lesson = course.quiz_lesson
        event_id = str(uuid.uuid4())
        assert (
            api.post(
                attempts_url(lesson, quiz_id),
                {"answers": right_answers(lesson, quiz_id), "event_id": event_id},
            ).status_code
            == 201
        )
        client = Client(enforce_csrf_checks=True)
        client.force_login(other_learner)
        response = Api(client).post(
            attempts_url(lesson, quiz_id),
            {"answers": right_answers(lesson, quiz_id), "event_id": event_id},
        )
        assert response.status_code == 409
        assert response.json()["code"] == "event_conflict"
        assert not QuizAttempt.objects.filter(user=other_learner).exists()

    def test_a_malformed_event_id_is_refused(self, api, course, enrolled, quiz_id):
        lesson = course.quiz_lesson
        response = api.post(
            attempts_url(lesson, quiz_id),
            {"answers": right_answers(lesson, quiz_id), "event_id": "not-a-uuid"},
        )
        assert response.status_code == 422
