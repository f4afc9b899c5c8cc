"""What the learner sees of her badges along the way: the profile within reach from
the header and the dashboard, a prompt to add marketplace links before the first badge,
badges near the top of the dashboard and one timeline entry for each."""

import pytest
from bs4 import BeautifulSoup

from credentials.models import BadgeAward, MarketplaceLink
from tests.factories.cms import MarketplaceFactory

from .world import finish_course, make_user

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def earned(badge_world, django_capture_on_commit_callbacks):
    learner = make_user(display_name_latin="Afaf Al-Nour")
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    return BadgeAward.objects.get(recipient=learner)


def test_header_menu_links_the_profile(client, badge_world):
    client.force_login(make_user())
    page = soup(client.get("/en/dashboard/"))
    link = page.select_one(".site-account [data-profile-link]")
    assert link["href"] == "/en/profile/"


def test_dashboard_prompts_for_marketplace_links_before_the_first_badge(client, badge_world):
    learner = make_user(display_name_latin="Afaf Al-Nour")
    client.force_login(learner)
    prompt = soup(client.get("/en/dashboard/")).select_one("[data-profile-prompt]")
    assert prompt.a["href"] == "/en/profile/"

    MarketplaceLink.objects.create(
        profile=learner.learner_profile,
        marketplace=MarketplaceFactory(),
        url="https://mostaql.com/u/afaf_dev",
    )
    assert soup(client.get("/en/dashboard/")).select_one("[data-profile-prompt]") is None


def test_badges_come_first_on_the_dashboard_and_each_is_in_the_timeline(client, earned):
    client.force_login(earned.recipient)
    page = soup(client.get("/en/dashboard/"))
    headings = [h2["id"] for h2 in page.select(".dashboard h2[id]")]
    assert headings.index("badges-title") < headings.index("courses-title")
    (entry,) = page.select("[data-badge-activity]")
    assert entry["href"] == f"/en/badges/{earned.uuid}/"
    # No links yet: the badge list still asks for them.
    assert page.select_one(".dashboard__badges [data-profile-prompt]") is not None


def test_dashboard_api_lists_the_badge_in_the_timeline(client, earned):
    client.force_login(earned.recipient)
    data = client.get("/api/v1/dashboard").json()
    (entry,) = [item for item in data["recent_activity"] if item["kind"] == "badge_earned"]
    assert entry["url"] == f"/en/badges/{earned.uuid}/" or entry["url"].endswith(
        f"/badges/{earned.uuid}/"
    )


def test_course_page_links_the_badge_she_earned(client, earned, badge_world):
    page = soup(client.get(badge_world.course.url))
    assert page.select_one("[data-earned-badge]") is None  # a visitor: what it earns
    client.force_login(earned.recipient)
    link = soup(client.get(badge_world.course.url)).select_one("[data-earned-badge]")
    assert link["href"].endswith(f"/badges/{earned.uuid}/")


@pytest.mark.parametrize(
    ("name", "field", "languages"),
    [
        ("سلمى العلوي", "display_name_ar", ("ar", "en", "fr")),
        ("Samira Idrissi", "display_name_latin", ("ar", "en", "fr")),
    ],
)
def test_the_name_given_at_sign_up_is_on_the_first_badge(
    client, badge_world, django_capture_on_commit_callbacks, name, field, languages
):
    """She typed her name at sign-up and never opened the profile form: her badge page
    names her (in the field for its script), not "a Bidaya learner"."""
    learner = make_user()
    learner.first_name = name
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    award = BadgeAward.objects.get(recipient=learner)
    profile = learner.learner_profile
    assert getattr(profile, field) == name
    assert profile.is_public is False  # the profile page itself stays opt-in
    for language in languages:
        page = soup(client.get(f"/{language}/badges/{award.uuid}/"))
        assert name in page.select_one(".badge-page__learner").get_text()
