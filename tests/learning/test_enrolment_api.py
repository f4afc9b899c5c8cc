"""Enrolment through the API and the pages: free, leave, re-join, someone else's."""

import pytest

from django.test import Client

from learning import signals
from learning.models import Activity, Enrolment
from tests.learning.conftest import Api, enrolment_of


@pytest.mark.django_db
class TestEnrolmentApi:
    def test_enrol_is_free_and_idempotent(
        self, api, learner, course, django_capture_on_commit_callbacks
    ):
        sent = []
        signals.enrolled.connect(lambda **kw: sent.append(kw), weak=False, dispatch_uid="t1")
        try:
            with django_capture_on_commit_callbacks(execute=True):
                created = api.post("/enrolments", {"course_id": course.pk})
                again = api.post("/enrolments", {"course_id": course.pk})
        finally:
            signals.enrolled.disconnect(dispatch_uid="t1")
        assert created.status_code == 201, created.content
        assert again.status_code == 200
        body = created.json()
        assert body["status"] == "active"
        assert body["course_title"] == course.title
        assert body["lesson_count"] == 3
        assert body["lessons_done"] == 0
        assert body["progress_percent"] == 0
        assert body["next_lesson"]["id"] == course.video_lesson.pk
        assert Enrolment.objects.filter(user=learner).count() == 1
        assert len(sent) == 1 and sent[0]["rejoined"] is False

    def test_leave_and_rejoin_keeps_progress(self, api, learner, course):
        enrolment_id = api.post("/enrolments", {"course_id": course.pk}).json()["id"]
        api.post(f"/lessons/{course.reading_lesson.pk}/completion")
        assert api.delete(f"/enrolments/{enrolment_id}").status_code == 204
        assert enrolment_of(learner, course).status == "left"
        assert api.get("/enrolments").json() == []
        assert api.get("/enrolments?status=left").json()[0]["id"] == enrolment_id
        rejoined = api.post("/enrolments", {"course_id": course.pk})
        assert rejoined.status_code == 201
        assert rejoined.json()["id"] == enrolment_id
        assert rejoined.json()["lessons_done"] == 1
        kinds = list(
            Activity.objects.filter(user=learner).order_by("pk").values_list("kind", flat=True)
        )
        assert kinds == ["enrolled", "lesson_done", "left", "enrolled"]

    def test_unknown_or_unpublished_course(self, api, course):
        assert api.post("/enrolments", {"course_id": 987654}).status_code == 404
        course.unpublish()
        response = api.post("/enrolments", {"course_id": course.pk})
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"course_id": "abc"},
            {"course_id": -1},
            {"course_id": 2**40},
            {"course_id": 1, "user": 2},
        ],
    )
    def test_bad_input(self, api, course, body):
        response = api.post("/enrolments", body)
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"

    def test_someone_elses_enrolment_is_not_found(self, api, learner, other_learner, course):
        from learning.progress.enrolment import enrol

        theirs, _ = enrol(other_learner, course)
        assert api.get(f"/enrolments/{theirs.pk}").status_code == 404
        response = api.delete(f"/enrolments/{theirs.pk}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        theirs.refresh_from_db()
        assert theirs.status == "active"

    def test_anonymous_is_asked_to_sign_in(self, course):
        response = Api(Client()).get("/enrolments")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
class TestEnrolmentForms:
    def test_enrol_and_leave_without_javascript(self, learner, course):
        client = Client()
        client.force_login(learner)
        response = client.post(f"/ar/learn/courses/{course.pk}/enrol/", {"next": course.url})
        assert response.status_code == 302
        assert response["Location"] == course.url
        assert enrolment_of(learner, course).status == "active"
        response = client.post(
            f"/ar/learn/courses/{course.pk}/leave/", {"next": "https://evil.example/"}
        )
        assert response.status_code == 302
        # An off-site "next" is ignored.
        assert response["Location"] == course.url
        assert enrolment_of(learner, course).status == "left"

    def test_enrol_needs_a_login_and_a_post(self, learner, course):
        assert Client().post(f"/ar/learn/courses/{course.pk}/enrol/").status_code == 302
        client = Client()
        client.force_login(learner)
        assert client.get(f"/ar/learn/courses/{course.pk}/enrol/").status_code == 405
        assert not Enrolment.objects.exists()

    def test_the_form_checks_csrf(self, learner, course):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        assert client.post(f"/ar/learn/courses/{course.pk}/enrol/").status_code == 403
        assert not Enrolment.objects.exists()
