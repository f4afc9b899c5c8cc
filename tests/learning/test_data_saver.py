"""Data saver, an account setting: changed on the notices page or from the player (the
API), and found again on another device's lesson page."""

import json

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.urls import reverse

from notifications.models import NotificationPreference
from tests.learning.conftest import Api, make_learner

URL = "/me/data-saver"


def lesson_config(client, lesson):
    page = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    return json.loads(page.select_one("script#lms-config").string)


def device(user):
    """Another browser signed in as ``user``: its own session, nothing shared."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def put(api, body):
    return api.client.put(
        "/api/v1" + URL,
        json.dumps(body),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=api._headers(None)["HTTP_X_CSRFTOKEN"],
    )


@pytest.mark.django_db
class TestApi:
    def test_off_until_turned_on_then_remembered(self, api, learner):
        assert api.get(URL).json() == {"data_saver": False}
        response = put(api, {"data_saver": True})
        assert response.status_code == 200, response.content
        assert response.json() == {"data_saver": True}
        assert NotificationPreference.objects.get(user=learner).data_saver is True
        assert Api(device(learner)).get(URL).json() == {"data_saver": True}
        assert put(api, {"data_saver": False}).json() == {"data_saver": False}
        assert NotificationPreference.objects.get(user=learner).data_saver is False

    def test_turning_it_on_keeps_the_email_settings(self, api, learner):
        NotificationPreference.objects.create(user=learner, language="fr", email_enabled=False)
        assert put(api, {"data_saver": True}).status_code == 200
        preference = NotificationPreference.objects.get(user=learner)
        assert (preference.language, preference.email_enabled) == ("fr", False)

    @pytest.mark.parametrize(
        "body", [{}, {"data_saver": "yes"}, {"data_saver": 1}, {"data_saver": None},
                 {"data_saver": True, "extra": 1}, "on"]
    )  # fmt: skip
    def test_anything_but_a_boolean_is_refused(self, api, learner, body):
        assert put(api, body).status_code == 422
        assert not NotificationPreference.objects.filter(user=learner).exists()

    def test_without_the_csrf_token_nothing_changes(self, browser_client, learner):
        response = browser_client.put(
            "/api/v1" + URL, json.dumps({"data_saver": True}), content_type="application/json"
        )
        assert response.status_code == 403
        assert not NotificationPreference.objects.filter(user=learner).exists()

    def test_a_visitor_has_no_setting(self, client):
        assert client.get("/api/v1" + URL).status_code == 401


@pytest.mark.django_db
class TestPage:
    def test_the_notices_page_turns_it_on_and_off(self, client, learner):
        client.force_login(learner)
        page = BeautifulSoup(client.get(reverse("notifications:notices")).content, "html.parser")
        form = page.select_one("#data-saver form")
        assert form["action"] == reverse("notifications:data-saver")
        assert not form.select_one("input[name=data_saver]").has_attr("checked")

        response = client.post(form["action"], {"data_saver": "on"}, follow=True)
        assert NotificationPreference.objects.get(user=learner).data_saver is True
        page = BeautifulSoup(response.content, "html.parser")
        assert page.select_one("#data-saver input[name=data_saver]").has_attr("checked")
        assert page.select_one(".message--success")

        client.post(form["action"], {})  # an unticked box is not sent
        assert NotificationPreference.objects.get(user=learner).data_saver is False

    def test_a_visitor_is_sent_to_sign_in(self, client):
        response = client.post(reverse("notifications:data-saver"), {"data_saver": "on"})
        assert response.status_code == 302
        assert not NotificationPreference.objects.exists()


@pytest.mark.django_db
class TestLessonPage:
    def test_the_player_reads_the_account_setting_on_every_device(
        self, api, learner, course, enrolled
    ):
        laptop, phone = device(learner), device(learner)
        assert lesson_config(phone, course.video_lesson)["dataSaver"] is False
        assert put(Api(laptop), {"data_saver": True}).status_code == 200
        config = lesson_config(phone, course.video_lesson)
        assert config["dataSaver"] is True
        assert config["dataSaverUrl"] == "/api/v1/me/data-saver"

    def test_someone_elses_setting_is_not_mine(self, learner, course, enrolled):
        other = make_learner("saver@example.com")
        NotificationPreference.objects.create(user=other, data_saver=True)
        assert lesson_config(device(learner), course.video_lesson)["dataSaver"] is False

    def test_a_visitor_gets_no_setting(self, client, course):
        config = lesson_config(client, course.video_lesson)
        assert config["dataSaver"] is None and config["dataSaverUrl"] == ""
