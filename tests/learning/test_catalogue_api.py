"""The public catalogue and a course's syllabus through the API."""

import pytest

from django.test import Client

from learning.progress import complete_component
from tests.learning.conftest import Api


@pytest.mark.django_db
class TestCatalogue:
    def test_anonymous_sees_courses_without_state(self, course):
        body = Api(Client()).get("/catalogue").json()
        assert [c["id"] for c in body] == [course.pk]
        assert body[0]["lesson_count"] == 3
        assert body[0]["video_seconds"] == 120.0
        assert body[0]["enrolled"] is None
        assert body[0]["url"] == course.url

    def test_learner_sees_enrolment_and_progress(self, api, learner, course, enrolled):
        complete_component(learner, course.reading_lesson, "reading", kind="reading")
        body = api.get("/catalogue").json()
        assert body[0]["enrolled"] is True
        assert body[0]["progress_percent"] == 33

    def test_filters(self, api, course):
        assert api.get("/catalogue?track=pitching").json()
        assert api.get("/catalogue?track=pricing").json() == []
        assert api.get("/catalogue?language=en").json() == []
        assert api.get("/catalogue?track=nonsense").status_code == 422

    @pytest.mark.parametrize("value", ["a%00b", "%00", "x" * 40, "ar;drop"])
    def test_hostile_language_filter_is_refused(self, api, course, value):
        # A NUL byte reached PostgreSQL (a 500) before the filter was constrained.
        response = api.get(f"/catalogue?language={value}")
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"

    def test_syllabus_with_states_and_where_to_continue(self, api, learner, course, enrolled):
        complete_component(learner, course.reading_lesson, "reading", kind="reading")
        body = api.get(f"/catalogue/{course.pk}").json()
        assert [(lesson["id"], lesson["status"]) for lesson in body["lessons"]] == [
            (course.video_lesson.pk, "not_started"),
            (course.quiz_lesson.pk, "not_started"),
            (course.reading_lesson.pk, "done"),
        ]
        assert body["lessons"][0]["kinds"] == ["video"]
        assert body["continue_at"]["id"] == course.video_lesson.pk

    def test_unknown_course(self, api, course):
        assert api.get("/catalogue/999999").status_code == 404
        assert api.get(f"/catalogue/{2**40}").status_code == 422
