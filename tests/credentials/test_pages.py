"""The public badge pages: verification page, sharing tools, profiles, dashboard, catalogue."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from credentials import awarding
from credentials.models import BadgeAward, MarketplaceLink
from tests.factories.cms import MarketplaceFactory

from .world import finish_course, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(badge_world, django_capture_on_commit_callbacks):
    learner = make_user(
        display_name_ar="عفاف النور", display_name_latin="Afaf Al-Nour", is_public=True
    )
    MarketplaceLink.objects.create(
        profile=learner.learner_profile,
        marketplace=MarketplaceFactory(),
        url="https://mostaql.com/u/afaf_dev",
    )
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    return BadgeAward.objects.get(recipient=learner)


def meta(page, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def test_the_stable_address_sends_people_to_their_language(client, award):
    response = client.get(f"/badges/{award.uuid}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and response["Location"] == f"/fr/badges/{award.uuid}/"
    response = client.get(f"/badges/{award.uuid}/?lang=ar", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == f"/ar/badges/{award.uuid}/"
    unknown = client.get("/badges/00000000-0000-0000-0000-000000000000/", follow=True)
    assert unknown.status_code == 404


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_verification_page_in_every_language(client, award, language):
    response = client.get(f"/{language}/badges/{award.uuid}/")
    assert response.status_code == 200
    page = response.content.decode()
    badge = award.badge_class
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    assert 'data-status="valid"' in page
    assert badge.name_for(language) in page
    assert badge.criteria_for(language) in page
    expected_name = "عفاف النور" if language == "ar" else "Afaf Al-Nour"
    assert expected_name in page
    assert award.evidence[0]["name"] in page and award.evidence[0]["id"] in page
    assert 'href="https://mostaql.com/u/afaf_dev"' in page
    assert f"/badges/{award.uuid}/credential" in page
    assert f"/badges/{award.uuid}/download.png" in page
    # Open Graph and Twitter cards for a rich preview.
    image = meta(page, "og:image")
    assert image.startswith("https://bidaya.example/badges/classes/") and image.endswith(".png")
    assert meta(page, "og:url") == f"https://bidaya.example/badges/{award.uuid}/"
    assert badge.name_for(language) in meta(page, "og:title")
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "twitter:image") == image
    # Strangers get no sharing tools.
    assert "linkedin.com" not in page


def test_the_owner_gets_the_linkedin_link_and_a_kit_per_marketplace(client, award):
    client.force_login(award.recipient)
    page = client.get(f"/ar/badges/{award.uuid}/").content.decode()
    href = html.unescape(re.search(r'href="([^"]+)"[^>]*data-linkedin', page).group(1))
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    assert "%D8%B9%D8%B1%D8%B6%D9%8A" in parts.query  # "عرضي" percent-encoded in UTF-8
    assert "+" not in parts.query  # spaces are %20
    params = parse_qs(parts.query)
    assert params == {
        "startTask": ["CERTIFICATION_NAME"],
        "name": ["عرضي الأول"],
        "organizationName": ["Bidaya"],
        "issueYear": [str(award.awarded_at.year)],
        "issueMonth": [str(award.awarded_at.month)],
        "certUrl": [f"https://bidaya.example/badges/{award.uuid}/"],
        "certId": [str(award.uuid)],
    }
    assert 'data-kit="مستقل"' in page
    assert f"https://bidaya.example/badges/{award.uuid}/image.png" in page
    assert 'src="/static/js/badges.js"' in page
    assert "<script>" not in page  # CSP script-src 'self': no inline scripts


def test_linkedin_uses_the_company_id_when_configured(client, award, settings):
    settings.BIDAYA_LINKEDIN_ORGANIZATION_ID = "12345"
    client.force_login(award.recipient)
    page = client.get(f"/en/badges/{award.uuid}/").content.decode()
    href = html.unescape(re.search(r'href="([^"]+)"[^>]*data-linkedin', page).group(1))
    params = parse_qs(urlsplit(href).query)
    assert params["organizationId"] == ["12345"] and "organizationName" not in params
    assert params["name"] == ["My first proposal"]


def test_hidden_name_and_private_links_stay_off_the_page(client, award):
    profile = award.recipient.learner_profile
    profile.show_name_on_badges = False
    profile.save()
    profile.links.update(is_public=False)
    page = client.get(f"/en/badges/{award.uuid}/").content.decode()
    assert "Afaf" not in page and "mostaql.com/u/afaf_dev" not in page
    assert "A Bidaya learner" in page


def test_the_embeddable_image_and_class_image(client, award):
    image = client.get(f"/badges/{award.uuid}/image.png")
    assert image.status_code == 200 and image["Access-Control-Allow-Origin"] == "*"
    class_image = client.get(urlsplit(awarding.achievement_info(award.badge_class).image_url).path)
    assert class_image.status_code == 200
    assert "immutable" in class_image["Cache-Control"]
    svg = client.get(
        urlsplit(awarding.achievement_info(award.badge_class).image_url).path[:-3] + "svg"
    )
    text = svg.content.decode()
    assert "عرضي الأول" in text and 'direction="rtl"' in text


def test_the_badge_class_page_and_its_json(client, award):
    page = client.get(f"/en/badges/classes/{award.badge_class.uuid}/").content.decode()
    assert "My first proposal" in page and "Finish every lesson of the course." in page
    document = client.get(
        f"/badges/classes/{award.badge_class.uuid}/", HTTP_ACCEPT="application/json"
    ).json()
    assert document["type"] == ["Achievement"] and document["achievementType"] == "Course"
    assert client.get(f"/badges/classes/{award.badge_class.uuid}/?lang=fr")["Location"] == (
        f"/fr/badges/classes/{award.badge_class.uuid}/"
    )


def test_public_profile(client, award):
    profile = award.recipient.learner_profile
    page = client.get(f"/en/learners/{profile.public_id}/").content.decode()
    assert "Afaf Al-Nour" in page and "عفاف النور" in page
    assert f"/en/badges/{award.uuid}/" in page
    assert (
        client.get(f"/learners/{profile.public_id}/", HTTP_ACCEPT_LANGUAGE="ar")["Location"]
        == f"/ar/learners/{profile.public_id}/"
    )
    profile.username = "afaf-designs"
    profile.save()
    assert (
        client.get(f"/en/learners/{profile.public_id}/")["Location"] == "/en/learners/afaf-designs/"
    )
    assert client.get("/en/learners/afaf-designs/").status_code == 200
    profile.is_public = False
    profile.save()
    assert client.get("/en/learners/afaf-designs/").status_code == 404
    assert client.get(f"/learners/{profile.public_id}/", follow=True).status_code == 404


def test_dashboard_lists_badges_and_marks_revoked_ones(client, award):
    client.force_login(award.recipient)
    page = client.get("/en/dashboard/").content.decode()
    assert "My first proposal" in page and f"/en/badges/{award.uuid}/" in page
    mentor = make_user(groups=["Editors"])
    awarding.revoke(award, by=mentor, reason="Copied work")
    page = client.get("/en/dashboard/").content.decode()
    assert "badge-grid__revoked" in page and "Copied work" in page


def test_catalogue_card_shows_the_badge_the_course_leads_to(client, award, badge_world):
    page = client.get(badge_world.catalogue.url).content.decode()
    assert "عرضي الأول" in page
    assert f"/badges/classes/{award.badge_class.uuid}/" in page
