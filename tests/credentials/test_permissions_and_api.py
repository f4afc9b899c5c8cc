"""Awarding by hand and revoking: who may, for whom, through the pages and the API."""

import json

import pytest

from django.core import mail

from credentials import awarding
from credentials.models import BadgeAward, BadgeRule
from mentoring.models import Cohort, CohortMembership

from .world import finish_course, make_badge, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(badge_world):
    learner = make_user("afaf@example.com", display_name_latin="Afaf")
    stranger = make_user("other@example.com")  # in no cohort of this mentor
    mentor = make_user("mentor@example.com", groups=["Mentors"])
    other_mentor = make_user("mentor2@example.com", groups=["Mentors"])
    lead = make_user("lead@example.com", groups=["Lead mentors"])
    editor = make_user("editor@example.com", groups=["Editors"])
    cohort = Cohort.objects.create(course=badge_world.course, name="الدفعة الأولى")
    cohort.mentors.add(mentor)
    other_cohort = Cohort.objects.create(course=badge_world.course, name="الدفعة الثانية")
    other_cohort.mentors.add(other_mentor, lead)
    CohortMembership.objects.create(cohort=cohort, learner=learner)
    return {
        "learner": learner,
        "stranger": stranger,
        "mentor": mentor,
        "other_mentor": other_mentor,
        "lead": lead,
        "editor": editor,
    }


@pytest.fixture
def manual_badge(badge_world):
    return make_badge(BadgeRule.MANUAL, name_en="Community helper", name_ar="عون المجتمع")


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 401),
        ("learner", 403),
        ("other_mentor", 404),  # the learner is not in their cohort
        ("mentor", 201),
        ("lead", 201),  # lead of another cohort of the same course
        ("editor", 201),
    ],
)
def test_api_award_by_hand(
    client, people, manual_badge, who, status, django_capture_on_commit_callbacks
):
    if who != "anonymous":
        client.force_login(people[who])
    data = {
        "badge_id": str(manual_badge.uuid),
        "learner_email": "Afaf@Example.com",
        "reason": "ساعد ثلاثين متعلما جديدا في المنتدى",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, "/api/v1/badges", data)
    assert response.status_code == status, response.content
    if status == 201:
        body = response.json()
        assert body["status"] == "valid" and body["badge"] == "عون المجتمع"
        assert body["evidence"][0]["narrative"] == "ساعد ثلاثين متعلما جديدا في المنتدى"
        award = BadgeAward.objects.get()
        assert (award.awarded_by, award.source) == (people[who], "manual")
        assert len(mail.outbox) == 1
        assert post_json(client, "/api/v1/badges", data).status_code == 200  # already has it
    else:
        assert response["Content-Type"] == "application/problem+json"
        assert not BadgeAward.objects.exists()


def test_api_award_refuses_bad_input(client, people, manual_badge):
    client.force_login(people["mentor"])
    base = {"badge_id": str(manual_badge.uuid), "learner_email": "afaf@example.com"}
    assert post_json(client, "/api/v1/badges", {**base, "reason": ""}).status_code == 422
    assert (
        post_json(client, "/api/v1/badges", {**base, "reason": "\u202e\u0007 "}).status_code == 422
    )
    assert post_json(client, "/api/v1/badges", {**base, "reason": "x" * 5000}).status_code == 422
    assert (
        post_json(client, "/api/v1/badges", {**base, "reason": "ok", "awarded_by": 1}).status_code
        == 422
    )
    assert (
        post_json(
            client, "/api/v1/badges", {**base, "badge_id": "nope", "reason": "ok"}
        ).status_code
        == 422
    )
    assert client.post(
        "/api/v1/badges", "{not json", content_type="application/json"
    ).status_code in (400, 422)
    assert not BadgeAward.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("learner", 403), ("other_mentor", 404), ("mentor", 200), ("editor", 200)],
)
def test_api_revocation(
    client, badge_world, people, who, status, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(people["learner"], badge_world.course, badge_world.lessons)
    award = BadgeAward.objects.get()
    if who != "anonymous":
        client.force_login(people[who])
    response = post_json(client, f"/api/v1/badges/{award.uuid}/revocation", {"reason": "عمل منسوخ"})
    assert response.status_code == status, response.content
    award.refresh_from_db()
    assert award.is_revoked is (status == 200)
    if status == 200:
        assert response.json()["status"] == "revoked"
        again = post_json(client, f"/api/v1/badges/{award.uuid}/revocation", {"reason": "x"})
        assert again.status_code == 409


def test_api_my_badges_show_revocation(
    client, badge_world, people, django_capture_on_commit_callbacks
):
    assert client.get("/api/v1/badges/mine").status_code == 401
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(people["learner"], badge_world.course, badge_world.lessons)
    award = BadgeAward.objects.get()
    awarding.revoke(award, by=people["editor"], reason="Duplicate account")
    client.force_login(people["learner"])
    mine = client.get("/api/v1/badges/mine").json()
    assert [(b["id"], b["status"], b["revocation_reason"]) for b in mine] == [
        (str(award.uuid), "revoked", "Duplicate account")
    ]
    classes = client.get("/api/v1/badges/classes").json()
    assert [c["id"] for c in classes] == [str(badge_world.badge.uuid)]
    assert client.get("/api/v1/badges/00000000-0000-0000-0000-000000000000").status_code == 404
    assert client.get("/api/v1/badges/not-a-uuid").status_code in (404, 422)


def test_pages_for_awarding_and_revoking(client, badge_world, people, manual_badge):
    assert client.get("/en/badges/award/").status_code == 302  # to the login page
    client.force_login(people["learner"])
    assert client.get("/en/badges/award/").status_code == 403
    client.force_login(people["other_mentor"])
    response = client.post(
        "/en/badges/award/",
        {"badge": manual_badge.pk, "learner": "afaf@example.com", "reason": "Helped"},
    )
    assert response.status_code == 200 and "field--invalid" in response.content.decode()
    client.force_login(people["mentor"])
    response = client.post(
        "/en/badges/award/",
        {"badge": manual_badge.pk, "learner": "afaf@example.com", "reason": " "},
    )
    assert response.status_code == 200 and not BadgeAward.objects.exists()
    response = client.post(
        "/en/badges/award/",
        {"badge": manual_badge.pk, "learner": "afaf@example.com", "reason": "Helped the cohort"},
    )
    award = BadgeAward.objects.get()
    assert response["Location"] == f"/en/badges/{award.uuid}/"
    page = client.get(response["Location"]).content.decode()
    assert "Helped the cohort" in page and f"/en/badges/{award.uuid}/revoke/" in page

    client.force_login(people["other_mentor"])
    assert client.get(f"/en/badges/{award.uuid}/revoke/").status_code == 404
    assert "/revoke/" not in client.get(f"/en/badges/{award.uuid}/").content.decode()
    client.force_login(people["mentor"])
    response = client.post(f"/en/badges/{award.uuid}/revoke/", {"reason": ""})
    assert response.status_code == 200
    award.refresh_from_db()
    assert not award.is_revoked
    client.post(f"/en/badges/{award.uuid}/revoke/", {"reason": "Awarded by mistake"})
    award.refresh_from_db()
    assert award.is_revoked and award.revoked_by == people["mentor"]
    assert award.revocation_reason == "Awarded by mistake"


def test_admin_lists_badges_and_awards_read_only(
    client, badge_world, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(people["learner"], badge_world.course, badge_world.lessons)
    client.force_login(people["editor"])
    listing = client.get("/admin/snippets/credentials/badgeclass/")
    assert listing.status_code == 200
    assert (
        "عرضي الأول" in listing.content.decode() or "My first proposal" in listing.content.decode()
    )
    assert client.get("/admin/snippets/credentials/badgeclass/add/").status_code == 200
    awards = client.get("/admin/badge_awards/")
    assert awards.status_code == 200
    award = BadgeAward.objects.get()
    assert client.get(f"/admin/badge_awards/inspect/{award.pk}/").status_code == 200
    assert client.get(f"/admin/badge_awards/edit/{award.pk}/").status_code in (302, 403)
    assert client.get("/admin/badge_awards/new/").status_code in (302, 403)
