"""The read-only analytics API: editors' tokens read what the pages show, nobody else."""

import pytest

from accounts.models import AccessToken
from tests.analytics.test_pages import busy  # noqa: F401 - the rolled-up academy
from tests.factories.accounts import UserFactory
from tests.factories.mentoring import MentorFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    _row, secret = AccessToken.issue(user, "analytics")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_an_editor_token_reads_the_courses(client, busy):  # noqa: F811
    response = client.get("/api/v1/analytics/courses", **bearer(UserFactory(groups=["Editors"])))
    assert response.status_code == 200
    body = response.json()
    assert body["min_learners"] == 5
    course = next(c for c in body["courses"] if c["key"] == str(busy.translation_key))
    assert (course["enrolled"], course["finished"], course["started"]) == (6, 5, None)


def test_a_course_its_funnel_and_weeks(client, busy):  # noqa: F811
    headers = bearer(UserFactory(groups=["Moderators"]))
    body = client.get(f"/api/v1/analytics/courses/{busy.translation_key}", **headers).json()
    assert [s["step"] for s in body["funnel"]][:2] == ["enrolled", "started"]
    assert len(body["enrolments_per_week"]) == 12
    missing = client.get(
        "/api/v1/analytics/courses/00000000-0000-0000-0000-000000000000", **headers
    )
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"


def test_videos_and_a_video(client, busy):  # noqa: F811
    headers = bearer(UserFactory(groups=["Editors"]))
    (video,) = client.get("/api/v1/analytics/videos", **headers).json()
    assert video["viewers"] == 5 and video["average_coverage"] == 60.0
    body = client.get(f"/api/v1/analytics/videos/{video['key']}", **headers).json()
    assert [p["watched_share"] for p in body["curve"]] == [100.0] * 6 + [0.0] * 4
    assert body["rung_recorded"] is False
    assert {r["kind"] for r in body["rungs"]} == {"video", "audio"}


def test_quizzes_and_mentoring_answer(client, busy):  # noqa: F811
    headers = bearer(UserFactory(groups=["Editors"]))
    (quiz,) = client.get("/api/v1/analytics/quizzes", **headers).json()
    assert quiz["learners"] is None  # nobody tried it
    detail = client.get(f"/api/v1/analytics/quizzes/{quiz['key']}", **headers).json()
    assert len(detail["questions"]) == 3
    mentoring = client.get("/api/v1/analytics/mentoring", **headers).json()
    assert mentoring["all"]["shown"] is False  # one review of one learner


@pytest.mark.parametrize("who", ["learner", "mentor"])
def test_learners_and_mentors_are_refused(client, busy, who):  # noqa: F811
    user = MentorFactory() if who == "mentor" else UserFactory()
    response = client.get("/api/v1/analytics/courses", **bearer(user))
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_without_a_token_it_is_401(client, busy):  # noqa: F811
    assert client.get("/api/v1/analytics/mentoring").status_code == 401


def test_a_malformed_key_is_422(client, busy):  # noqa: F811
    headers = bearer(UserFactory(groups=["Editors"]))
    assert client.get("/api/v1/analytics/courses/not-a-uuid", **headers).status_code == 422
    response = client.get(f"/api/v1/analytics/videos/{busy.translation_key}/a%20b", **headers)
    assert response.status_code == 422


def test_outcomes_answer_with_shares_hidden_below_the_threshold(client, busy):  # noqa: F811
    headers = bearer(UserFactory(groups=["Editors"]))
    body = client.get("/api/v1/analytics/outcomes", **headers).json()
    assert body["overall"]["finishers"] == 5
    assert body["overall"]["reporters"] is None
    assert body["by_marketplace"] == []


def test_the_analytics_schemas_leave_the_other_apps_schemas_alone():
    from config.api import api

    schemas = api.get_openapi_schema(path_prefix="/api/v1/")["components"]["schemas"]
    # The catalogue's own course schema is still the catalogue's.
    assert "lesson_count" in schemas["CourseOut"]["properties"]
    assert "funnel" in schemas["AnalyticsCourseOut"]["properties"]
