"""Latin runs in the Arabic badge pages and e-mails are isolated (see tests/mentoring)."""

import pytest

from django.template.loader import render_to_string

from tests.cms.i18n import unisolated_latin
from tests.credentials.test_pages import award  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_badge_pages_isolate_latin_runs(client, award):  # noqa: F811
    profile = award.recipient.learner_profile
    client.force_login(award.recipient)
    pages = (
        f"/ar/badges/{award.uuid}/",
        f"/ar/badges/classes/{award.badge_class.uuid}/",
        f"/ar/learners/{profile.public_id}/",
        "/ar/dashboard/",
        "/ar/profile/",
    )
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert unisolated_latin(response.content.decode()) == [], url


def test_the_arabic_badge_email_isolates_latin_names():
    context = {
        "recipient_name": "Afaf Al-Nour",
        "badge_name": "عرضي الأول",
        "issuer_name": "Bidaya",
        "share_url": "https://bidaya.example/ar/badges/1/",
        "profile_url": "https://bidaya.example/ar/profile/",
    }
    text = render_to_string("notifications/email/ar/badge_awarded.txt", context)
    assert "مرحبا \u2068Afaf Al-Nour\u2069،" in text
    assert "من \u2068Bidaya\u2069." in text
    # Addresses stay on their own line, untouched, so mail programs still link them.
    assert "\nhttps://bidaya.example/ar/badges/1/\n" in text
    html = render_to_string("notifications/email/ar/badge_awarded.html", context)
    assert "<bdi>Afaf Al-Nour</bdi>" in html
