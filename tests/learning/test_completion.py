"""Lessons and courses complete when everything they need is done, once, with one event."""

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from learning import signals
from learning.models import Activity, ComponentProgress, LessonProgress
from learning.progress import complete_component
from learning.progress.errors import NotEnrolled, NotFound
from tests.factories.courses import LessonPageFactory, assignment_block, quiz_block, text_block
from tests.learning.conftest import beat, enrolment_of, played
from tests.learning.test_heartbeats_api import URL, watch


@pytest.fixture
def events():
    received = {"lesson": [], "course": []}

    def on_lesson(**kwargs):
        received["lesson"].append(kwargs)

    def on_course(**kwargs):
        received["course"].append(kwargs)

    signals.lesson_completed.connect(on_lesson, dispatch_uid="test-lesson")
    signals.course_completed.connect(on_course, dispatch_uid="test-course")
    yield received
    signals.lesson_completed.disconnect(dispatch_uid="test-lesson")
    signals.course_completed.disconnect(dispatch_uid="test-course")


def answers_all_right(lesson, quiz_id):
    quiz = lesson.get_quiz(quiz_id)
    from courses.blocks.quiz import answer_key

    return {qid: sorted(q["correct"]) for qid, q in answer_key(quiz).items()}


@pytest.mark.django_db
class TestLessonState:
    def test_state_of_a_video_lesson(self, api, learner, course, enrolled, video_component):
        response = api.get(f"/lessons/{course.video_lesson.pk}/state")
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "not_started"
        assert body["enrolled"] is True
        assert body["components"] == [
            {
                "id": video_component,
                "kind": "video",
                "done": False,
                "video_id": course.video.pk,
                "duration": 120.0,
                "position": 0.0,
                "watched_seconds": 0.0,
                "coverage": 0.0,
            }
        ]
        played(api, course.video_lesson, video_component, [[0, 30]], position=30)
        body = api.get(f"/lessons/{course.video_lesson.pk}/state").json()
        assert body["status"] == "started"
        assert body["components"][0]["position"] == 30
        assert body["components"][0]["coverage"] == 0.25

    def test_reading_lesson_is_done_when_marked(self, api, learner, course, enrolled):
        response = api.post(f"/lessons/{course.reading_lesson.pk}/completion")
        assert response.status_code == 200, response.content
        assert response.json()["status"] == "done"
        assert response.json()["components"] == [
            {
                "id": "reading",
                "kind": "reading",
                "done": True,
                **dict.fromkeys(
                    ["video_id", "duration", "position", "watched_seconds", "coverage"]
                ),
            }
        ]

    def test_a_video_lesson_cannot_be_marked_done(self, api, learner, course, enrolled):
        response = api.post(f"/lessons/{course.video_lesson.pk}/completion")
        assert response.status_code == 409
        assert response.json()["code"] == "requirements_pending"
        assert not LessonProgress.objects.filter(done_at__isnull=False).exists()

    def test_marking_done_needs_an_enrolment(self, api, course):
        response = api.post(f"/lessons/{course.reading_lesson.pk}/completion")
        assert response.status_code == 403
        assert response.json()["code"] == "not_enrolled"

    def test_unpublished_lesson_is_not_found(self, api, course, enrolled):
        course.reading_lesson.unpublish()
        assert api.get(f"/lessons/{course.reading_lesson.pk}/state").status_code == 404


@pytest.mark.django_db
class TestCompletion:
    def test_course_completes_once_with_one_event_each(
        self,
        api,
        learner,
        course,
        enrolled,
        video_component,
        quiz_id,
        events,
        django_capture_on_commit_callbacks,
    ):
        start = datetime(2026, 3, 1, 9, tzinfo=UTC)
        with django_capture_on_commit_callbacks(execute=True), freeze_time(start) as clock:
            watch(api, course.video_lesson, video_component, 0, 110, clock=clock)
            answers = answers_all_right(course.quiz_lesson, quiz_id)
            attempt = api.post(
                f"/lessons/{course.quiz_lesson.pk}/quizzes/{quiz_id}/attempts", {"answers": answers}
            )
            assert attempt.json()["passed"] is True
            assert enrolment_of(learner, course).completed_at is None
            api.post(f"/lessons/{course.reading_lesson.pk}/completion")
            # Doing things again changes nothing.
            api.post(f"/lessons/{course.reading_lesson.pk}/completion")
            clock.tick(timedelta(minutes=11))
            api.post(
                f"/lessons/{course.quiz_lesson.pk}/quizzes/{quiz_id}/attempts", {"answers": answers}
            )
            clock.tick(timedelta(seconds=15))
            api.post(URL, beat(course.video_lesson, video_component, [[110, 120]]))
        assert enrolment_of(learner, course).completed_at is not None
        assert len(events["lesson"]) == 3
        assert {e["lesson_id"] for e in events["lesson"]} == {
            course.video_lesson.pk,
            course.quiz_lesson.pk,
            course.reading_lesson.pk,
        }
        assert len(events["course"]) == 1
        assert events["course"][0]["course_key"] == str(course.translation_key)
        assert events["course"][0]["user"] == learner
        assert Activity.objects.filter(user=learner, kind="course_done").count() == 1
        dashboard = api.get("/dashboard").json()
        assert dashboard["courses"][0]["progress_percent"] == 100
        assert dashboard["courses"][0]["completed"] is True

    def test_a_failed_quiz_does_not_finish_the_lesson(
        self, api, learner, course, enrolled, quiz_id
    ):
        response = api.post(
            f"/lessons/{course.quiz_lesson.pk}/quizzes/{quiz_id}/attempts", {"answers": {}}
        )
        assert response.status_code == 201
        assert response.json()["passed"] is False
        progress = LessonProgress.objects.get(user=learner)
        assert progress.status == "started"

    def test_every_required_component_is_needed(
        self, learner, course, events, django_capture_on_commit_callbacks
    ):
        """A lesson with a quiz and an assignment is done when both are."""
        lesson = LessonPageFactory(
            parent=course,
            title="مهمة",
            slug="task",
            body=[text_block("<p>.</p>"), quiz_block(), assignment_block()],
        )
        quiz = next(b.id for b in lesson.body if b.block_type == "quiz")
        assignment = next(b.id for b in lesson.body if b.block_type == "assignment")
        from learning.progress.enrolment import enrol

        enrol(learner, course)
        with django_capture_on_commit_callbacks(execute=True):
            first = complete_component(learner, lesson, quiz, kind="quiz")
            assert first.component_done and not first.lesson_done
            second = complete_component(learner, lesson, assignment, kind="assignment")
        assert second.lesson_done and second.lesson_completed_now
        assert [e["lesson_id"] for e in events["lesson"]] == [lesson.pk]

    def test_approval_after_leaving_still_counts(self, learner, course):
        lesson = LessonPageFactory(parent=course, slug="task", body=[assignment_block()])
        assignment = next(b.id for b in lesson.body if b.block_type == "assignment")
        from learning.progress.enrolment import enrol, leave

        enrol(learner, course)
        leave(learner, course.translation_key)
        result = complete_component(learner, lesson.pk, assignment, kind="assignment")
        assert result.lesson_done
        assert (
            ComponentProgress.objects.get(user=learner, component_id=assignment).kind
            == "assignment"
        )

    def test_complete_component_refuses_what_does_not_fit(
        self, learner, other_learner, course, enrolled
    ):
        lesson = LessonPageFactory(parent=course, slug="task", body=[assignment_block()])
        assignment = next(b.id for b in lesson.body if b.block_type == "assignment")
        with pytest.raises(NotFound):
            complete_component(learner, lesson, "not-a-block", kind="assignment")
        with pytest.raises(Exception) as wrong_kind:
            complete_component(learner, lesson, assignment, kind="quiz")
        assert wrong_kind.value.code == "wrong_kind"
        with pytest.raises(NotEnrolled):
            complete_component(other_learner, lesson, assignment, kind="assignment")
