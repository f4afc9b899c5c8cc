"""Every rule of the progress tracker, through the HTTP API the player uses."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from django.test import Client

from learning.models import ComponentProgress, Heartbeat, LessonProgress
from tests.factories.courses import LessonPageFactory, ready_video, video_block
from tests.learning.conftest import VIDEO_SECONDS, Api, beat, csrf_token, played

URL = "/progress/heartbeats"
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def malformed(fields):
    """A heartbeat body with a valid event id and the given (broken) fields, as text."""
    return '{"event_id": "' + str(uuid.uuid4()) + '", ' + fields + "}"


def progress_row(user, lesson, component_id):
    return ComponentProgress.objects.get(
        user=user, lesson_key=lesson.translation_key, component_id=component_id
    )


def watch(api, lesson, component_id, start, end, step=15, clock=None, opening=True):
    """Play [start, end] as the player would: an opening beat on play, then a beat every
    ``step`` seconds of time; returns the answers to the beats after the opening one."""
    if opening:
        api.post(URL, beat(lesson, component_id, [], position=start))
    responses = []
    position = start
    while position < end:
        upto = min(end, position + step)
        if clock is not None:
            clock.tick(timedelta(seconds=step))
        responses.append(api.post(URL, beat(lesson, component_id, [[position, upto]])))
        position = upto
    return responses


@pytest.fixture
def long_video_component(course):
    """A fifteen-minute video lesson in the course: ``(lesson, component id)``."""
    lesson = LessonPageFactory(
        parent=course, title="فيديو طويل", slug="long", body=[video_block(ready_video(900.0))]
    )
    return lesson, next(b.id for b in lesson.body if b.block_type == "video")


@pytest.mark.django_db
class TestAccepted:
    def test_a_beat_records_coverage_position_and_a_started_lesson(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            opening = api.post(URL, beat(course.video_lesson, video_component, [], position=0))
            assert opening.status_code == 200, opening.content
            clock.tick(timedelta(seconds=12))
            response = api.post(
                URL, beat(course.video_lesson, video_component, [[0, 12]], position=12)
            )
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["duplicate"] is False
        assert body["watched_seconds"] == 12
        assert body["coverage"] == pytest.approx(12 / VIDEO_SECONDS, abs=1e-4)
        assert body["position"] == 12
        assert body["video_done"] is False
        assert body["uncredited_seconds"] == 0
        row = progress_row(learner, course.video_lesson, video_component)
        assert row.intervals == [[0, 12]]
        assert LessonProgress.objects.get(user=learner).status == "started"

    def test_watching_to_the_threshold_finishes_video_and_lesson(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            responses = watch(api, course.video_lesson, video_component, 0, 108, clock=clock)
        assert all(r.status_code == 200 for r in responses), [r.content for r in responses]
        last = responses[-1].json()
        assert last["watched_seconds"] == 108
        assert last["video_done"] is True  # 108 / 120 = 90 %
        assert last["lesson_done"] is True
        progress = LessonProgress.objects.get(
            user=learner, lesson_key=course.video_lesson.translation_key
        )
        assert progress.done_at is not None

    def test_below_the_threshold_is_not_done(
        self, api, course, enrolled, video_component, settings
    ):
        settings.BIDAYA_VIDEO_COMPLETION_THRESHOLD = 0.95
        with freeze_time(START) as clock:
            responses = watch(api, course.video_lesson, video_component, 0, 110, clock=clock)
        assert responses[-1].json()["video_done"] is False

    def test_seeking_to_the_end_does_not_count(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            watch(api, course.video_lesson, video_component, 0, 10, clock=clock)
            clock.tick(timedelta(seconds=15))
            # The learner jumped to 115 s and let the last 5 s play.
            response = api.post(URL, beat(course.video_lesson, video_component, [[115, 120]]))
        body = response.json()
        assert body["watched_seconds"] == 15
        assert body["video_done"] is False
        assert body["position"] == 120

    def test_rewatching_adds_no_coverage(self, api, course, enrolled, video_component):
        with freeze_time(START) as clock:
            watch(api, course.video_lesson, video_component, 0, 30, clock=clock)
            clock.tick(timedelta(seconds=30))
            body = api.post(URL, beat(course.video_lesson, video_component, [[0, 30]])).json()
        assert body["watched_seconds"] == 30

    def test_a_beat_with_no_new_range_still_saves_the_position(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            watch(api, course.video_lesson, video_component, 0, 20, clock=clock)
            clock.tick(timedelta(seconds=5))
            body = api.post(
                URL, beat(course.video_lesson, video_component, [], position=64.5)
            ).json()
        assert body["position"] == 64.5
        assert progress_row(learner, course.video_lesson, video_component).position == 64.5


@pytest.mark.django_db
class TestIdempotence:
    def test_a_replayed_event_is_applied_once(
        self, api, learner, course, enrolled, video_component
    ):
        payload = beat(course.video_lesson, video_component, [[0, 12]])
        with freeze_time(START) as clock:
            api.post(URL, beat(course.video_lesson, video_component, []))
            clock.tick(timedelta(seconds=15))
            first = api.post(URL, payload)
            second = api.post(URL, payload)
        assert first.status_code == second.status_code == 200
        assert first.json()["duplicate"] is False
        assert second.json()["duplicate"] is True
        assert second.json()["watched_seconds"] == 12
        assert Heartbeat.objects.filter(event_id=payload["event_id"]).count() == 1
        assert progress_row(learner, course.video_lesson, video_component).seconds_spent == 12

    def test_an_event_id_reused_for_another_video_is_a_conflict(
        self, api, learner, course, enrolled, video_component
    ):
        second = LessonPageFactory(
            parent=course, title="فيديو ثان", slug="second", body=[video_block(ready_video(60.0))]
        )
        second_component = next(b.id for b in second.body if b.block_type == "video")
        payload = beat(course.video_lesson, video_component, [[0, 12]])
        assert api.post(URL, payload).status_code == 200
        response = api.post(
            URL, {**payload, "lesson_id": second.pk, "component_id": second_component}
        )
        assert response.status_code == 409
        assert response.json()["code"] == "event_conflict"
        assert not ComponentProgress.objects.filter(lesson_key=second.translation_key).exists()

    def test_out_of_order_beats_keep_the_latest_position(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            api.post(URL, beat(course.video_lesson, video_component, [], position=0))
            clock.tick(timedelta(seconds=30))
            # The earlier beat waited 15 s in the player's queue (the request was slow),
            # so the later one arrives first.
            early = beat(course.video_lesson, video_component, [[0, 15]], age=15)
            late = beat(course.video_lesson, video_component, [[15, 30]], age=0)
            assert api.post(URL, late).status_code == 200
            assert api.post(URL, early).status_code == 200
        row = progress_row(learner, course.video_lesson, video_component)
        assert row.intervals == [[0, 30]]
        assert row.position == 30

    def test_two_devices_with_different_clocks_take_turns(
        self, api, learner, course, enrolled, video_component
    ):
        """A device whose clock is an hour behind still moves the resume position."""
        with freeze_time(START) as clock:
            watch(api, course.video_lesson, video_component, 0, 30, clock=clock)
            clock.tick(timedelta(minutes=5))
            behind = START + timedelta(minutes=5, seconds=30) - timedelta(hours=1)
            phone = beat(course.video_lesson, video_component, [], position=90, sent_at=behind)
            assert api.post(URL, phone).status_code == 200
        row = progress_row(learner, course.video_lesson, video_component)
        assert row.position == 90
        assert row.position_at == START + timedelta(minutes=5, seconds=30)

    def test_a_client_clock_in_the_future_is_clamped(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            future = beat(
                course.video_lesson, video_component, [[0, 10]], sent_at=START + timedelta(days=365)
            )
            api.post(URL, future)
            clock.tick(timedelta(seconds=15))
            api.post(URL, beat(course.video_lesson, video_component, [[10, 25]]))
        # The forged future time did not freeze the resume position.
        assert progress_row(learner, course.video_lesson, video_component).position == 25

    def test_a_sent_at_without_an_offset_is_read_as_utc(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START):
            naive = beat(course.video_lesson, video_component, [[0, 10]])
            naive["sent_at"] = (START - timedelta(seconds=5)).replace(tzinfo=None).isoformat()
            assert "+" not in naive["sent_at"] and not naive["sent_at"].endswith("Z")
            response = api.post(URL, naive)
        assert response.status_code == 200
        recorded = Heartbeat.objects.get(event_id=naive["event_id"])
        assert recorded.sent_at == START - timedelta(seconds=5)


@pytest.mark.django_db
class TestRefused:
    def problem(self, response, status, code):
        assert response.status_code == status, response.content
        assert response["Content-Type"].startswith("application/problem+json")
        body = response.json()
        assert body["code"] == code
        assert body["status"] == status
        assert body["detail"]
        return body

    @pytest.mark.parametrize(
        ("intervals", "position"),
        [
            ([[0, 10]], VIDEO_SECONDS + 30),
            ([[0, 10]], -5),
            ([[-20, 10]], 10),
            ([[100, VIDEO_SECONDS + 60]], 110),
            ([[10, 5]], 5),
        ],
    )
    def test_out_of_range(
        self, api, learner, course, enrolled, video_component, intervals, position
    ):
        payload = beat(course.video_lesson, video_component, intervals, position=position)
        self.problem(api.post(URL, payload), 422, "out_of_range")
        assert not ComponentProgress.objects.filter(user=learner).exists()
        # A refused beat is not recorded, so it is not mistaken for a replay later.
        assert not Heartbeat.objects.filter(event_id=payload["event_id"]).exists()

    def test_the_opening_beat_credits_nothing(
        self, api, learner, course, enrolled, video_component
    ):
        """However short the video, a first beat claiming all of it gains nothing."""
        with freeze_time(START):
            payload = beat(course.video_lesson, video_component, [[0, VIDEO_SECONDS]])
            response = api.post(URL, payload)
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["watched_seconds"] == 0
        assert body["uncredited_seconds"] == VIDEO_SECONDS
        assert body["video_done"] is False
        row = progress_row(learner, course.video_lesson, video_component)
        assert row.intervals == []
        assert row.last_beat_at == START

    def test_credit_only_fits_the_time_since_the_video_was_opened(
        self, api, learner, course, enrolled, video_component
    ):
        with freeze_time(START) as clock:
            api.post(URL, beat(course.video_lesson, video_component, [], position=0))
            clock.tick(timedelta(seconds=10))
            # Ten seconds at 2× cover twenty: the earliest twenty of the claim count.
            body = api.post(URL, beat(course.video_lesson, video_component, [[0, 60]])).json()
        assert body["watched_seconds"] == 20
        assert body["uncredited_seconds"] == 40
        assert progress_row(learner, course.video_lesson, video_component).intervals == [[0, 20]]

    def test_a_burst_of_forged_beats_adds_nothing(
        self, api, learner, course, enrolled, video_component
    ):
        """Many small beats sent at once cannot add up to more than time allows."""
        answers = []
        with freeze_time(START):
            for start in range(0, 120, 15):
                payload = beat(course.video_lesson, video_component, [[start, start + 15]])
                answers.append(api.post(URL, payload).json())
        assert sum(answer["uncredited_seconds"] for answer in answers) == VIDEO_SECONDS
        row = progress_row(learner, course.video_lesson, video_component)
        assert row.watched_seconds == 0
        assert row.done_at is None

    def test_waiting_refills_the_allowance_only_up_to_a_cap(
        self, api, learner, course, enrolled, long_video_component
    ):
        lesson, component = long_video_component
        with freeze_time(START) as clock:
            api.post(URL, beat(lesson, component, [], position=0))
            clock.tick(timedelta(days=2))
            # Ten minutes played offline, sent as one beat: the 300 s cap is credited,
            # not the whole beat dropped.
            response = api.post(URL, beat(lesson, component, [[0, 600]]))
        assert response.status_code == 200, response.content
        assert response.json()["watched_seconds"] == 300
        assert response.json()["uncredited_seconds"] == 300

    def test_not_enrolled(self, api, learner, course, video_component):
        payload = beat(course.video_lesson, video_component, [[0, 10]])
        self.problem(api.post(URL, payload), 403, "not_enrolled")
        assert not ComponentProgress.objects.exists()

    def test_left_the_course(self, api, learner, course, enrolled, video_component):
        from learning.progress.enrolment import leave

        leave(learner, course.translation_key)
        payload = beat(course.video_lesson, video_component, [[0, 10]])
        self.problem(api.post(URL, payload), 403, "not_enrolled")

    def test_unknown_lesson_and_component(self, api, course, enrolled, video_component):
        self.problem(api.post(URL, beat(course.video_lesson, "nope", [[0, 1]])), 404, "not_found")
        missing = beat(course.video_lesson, video_component, [[0, 1]])
        missing["lesson_id"] = 999999
        self.problem(api.post(URL, missing), 404, "not_found")
        # A quiz is not a video.
        quiz_lesson = course.quiz_lesson
        quiz_block_id = next(b.id for b in quiz_lesson.body if b.block_type == "quiz")
        self.problem(api.post(URL, beat(quiz_lesson, quiz_block_id, [[0, 1]])), 404, "not_found")

    def test_someone_elses_event_id(
        self, api, learner, other_learner, course, enrolled, video_component
    ):
        """Replaying another learner's heartbeat neither touches their progress nor leaks it."""
        from learning.progress.enrolment import enrol

        enrol(other_learner, course)
        theirs = Api(Client(enforce_csrf_checks=True))
        theirs.client.force_login(other_learner)
        assert played(theirs, course.video_lesson, video_component, [[0, 12]]).status_code == 200
        payload = beat(course.video_lesson, video_component, [[12, 24]])
        assert theirs.post(URL, payload).status_code == 200
        body = self.problem(api.post(URL, payload), 409, "event_conflict")
        assert "watched_seconds" not in body
        assert not ComponentProgress.objects.filter(user=learner).exists()
        assert (
            progress_row(other_learner, course.video_lesson, video_component).watched_seconds == 24
        )

    def test_a_user_field_is_refused_not_ignored(
        self, api, other_learner, course, enrolled, video_component
    ):
        payload = beat(course.video_lesson, video_component, [[0, 12]])
        payload["user_id"] = other_learner.pk
        body = self.problem(api.post(URL, payload), 422, "invalid_input")
        assert any("user_id" in error["loc"] for error in body["errors"])

    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "{",
            "[]",
            "null",
            '{"event_id": "not-a-uuid", "lesson_id": 1, "component_id": "x", "position": 0}',
            malformed('"lesson_id": 1, "component_id": "x", "position": NaN'),
            malformed('"lesson_id": 1, "component_id": "x", "position": Infinity'),
            malformed('"lesson_id": 99999999999999999999, "component_id": "x", "position": 0'),
            malformed('"lesson_id": 1, "component_id": "a\\u0000b", "position": 0'),
            malformed('"lesson_id": 1, "component_id": "x", "position": 0, "intervals": [[1]]'),
            malformed('"lesson_id": 1, "component_id": "x", "position": 0, "intervals": "all"'),
        ],
    )
    def test_malformed_input_is_a_422_never_a_500(self, api, course, enrolled, raw):
        response = api.post(URL, raw=raw)
        assert response.status_code in (400, 422), response.content
        assert response.json()["code"] in ("invalid_input", "bad_request")

    def test_too_many_intervals(self, api, course, enrolled, video_component):
        payload = beat(course.video_lesson, video_component, [[i, i + 0.1] for i in range(501)])
        self.problem(api.post(URL, payload), 422, "invalid_input")

    def test_anonymous(self, course, video_component):
        client = Client(enforce_csrf_checks=True)
        anonymous = Api(client)
        response = anonymous.post(URL, beat(course.video_lesson, video_component, [[0, 1]]))
        self.problem(response, 401, "not_authenticated")

    def test_session_without_csrf_token(self, browser_client, course, enrolled, video_component):
        response = browser_client.post(
            "/api/v1" + URL,
            json.dumps(beat(course.video_lesson, video_component, [[0, 1]])),
            content_type="application/json",
        )
        self.problem(response, 403, "csrf_failed")

    def test_rate_limited_per_user(
        self, api, settings, course, enrolled, video_component, other_learner
    ):
        settings.BIDAYA_RATE_HEARTBEAT = "3/m"
        with freeze_time(START):
            for _ in range(3):
                assert (
                    api.post(URL, beat(course.video_lesson, video_component, [])).status_code == 200
                )
            response = api.post(URL, beat(course.video_lesson, video_component, []))
            body = self.problem(response, 429, "rate_limited")
            assert 1 <= int(response["Retry-After"]) <= 60
            assert body["retry_after"] == int(response["Retry-After"])
            # Another learner has their own budget.
            from learning.progress.enrolment import enrol

            enrol(other_learner, course)
            theirs = Api(Client(enforce_csrf_checks=True))
            theirs.client.force_login(other_learner)
            assert (
                theirs.post(URL, beat(course.video_lesson, video_component, [])).status_code == 200
            )


@pytest.mark.django_db
class TestBeacon:
    def test_form_body_with_token_in_the_body(
        self, browser_client, learner, course, enrolled, video_component
    ):
        with freeze_time(datetime.now(UTC) - timedelta(minutes=1)):
            Api(browser_client).post(URL, beat(course.video_lesson, video_component, []))
        payload = beat(course.video_lesson, video_component, [[0, 9]])
        response = browser_client.post(
            "/api/v1/progress/heartbeats/beacon",
            {"payload": json.dumps(payload), "csrfmiddlewaretoken": csrf_token(browser_client)},
        )
        assert response.status_code == 204, response.content
        assert progress_row(learner, course.video_lesson, video_component).watched_seconds == 9

    def test_beacon_without_token_is_refused(
        self, browser_client, course, enrolled, video_component
    ):
        payload = beat(course.video_lesson, video_component, [[0, 9]])
        response = browser_client.post(
            "/api/v1/progress/heartbeats/beacon", {"payload": json.dumps(payload)}
        )
        assert response.status_code == 403
        assert not ComponentProgress.objects.exists()

    def test_beacon_payload_is_validated(self, browser_client, course, enrolled):
        response = browser_client.post(
            "/api/v1/progress/heartbeats/beacon",
            {"payload": "{nonsense", "csrfmiddlewaretoken": csrf_token(browser_client)},
        )
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
