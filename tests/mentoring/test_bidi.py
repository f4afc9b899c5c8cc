"""Latin runs in the Arabic pages of the hand-in and review journey are isolated.

A Latin name, an address or a marketplace's name inside Arabic text is reordered
with the punctuation around it unless it is set apart (``<bdi>``, ``dir``, or
Unicode isolates in translated sentences).
"""

import pytest

from django.urls import reverse

from tests.cms.conftest import make_site_root
from tests.cms.i18n import unisolated_latin

pytestmark = pytest.mark.django_db


def test_the_mentor_pages_isolate_latin_runs(client, roles, submitted):
    client.force_login(roles["mentor"])
    for url in (
        reverse("mentoring:mentor-queue"),
        reverse("mentoring:mentor-submission", args=[submitted.uuid]),
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code == 200
        assert url.startswith("/ar/")
        assert unisolated_latin(response.content.decode()) == [], url


def test_the_learner_pages_isolate_latin_runs(client, roles, submitted, lesson):
    make_site_root(lesson.get_ancestors().get(depth=2).specific)
    client.force_login(roles["learner"])
    pages = (lesson.url, lesson.get_parent().url, "/ar/dashboard/", "/ar/accounts/email/")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert unisolated_latin(html) == [], url
    # The address is there, and set apart from the Arabic label next to it.
    assert "learner@example.com" in html


def test_the_checker_finds_a_latin_run_left_bare():
    html = "<body><p>راسل learner@example.com اليوم</p><p><bdi>Khamsat</bdi>، خمسات</p></body>"
    assert unisolated_latin(html) == ["learner@example.com"]
    assert unisolated_latin("<body><p>على \u2068Upwork\u2069.</p></body>") == []
