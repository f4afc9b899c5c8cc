"""The public site in real Chromium, seeded with the demo content: the home page and a
story in Arabic (right to left) and English, and the story list on a phone."""

from io import StringIO

import pytest
from playwright.sync_api import expect

from django.core.management import call_command

pytestmark = pytest.mark.usefixtures("transactional_db")

STORY = "stories/afaf-al-nour/"


@pytest.fixture
def seeded(settings, tmp_path):
    """The site's demo content (pages, stories, accounts); courses are left to their app."""
    settings.VAR_DIR = tmp_path  # demo passwords go to a throwaway file
    only = ["editorial", "reference", "site", "stories", "accounts"]
    call_command("seed_demo", *[f"--only={name}" for name in only], stdout=StringIO())


def html_lang_dir(page):
    return page.eval_on_selector("html", "el => [el.lang, el.dir]")


def arabic_font_ready(page):
    """The Arabic webfont is loaded, so glyphs are shaped by it, not by a fallback."""
    page.evaluate("document.fonts.ready")
    return page.evaluate("document.fonts.check('16px \"IBM Plex Sans Arabic\"', 'بداية')")


def start_edge(page, selector):
    """Distance of an element's content (its text, not its block) from the viewport's
    left and right edges."""
    return page.eval_on_selector(
        selector,
        """el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const box = range.getBoundingClientRect();
            return [box.left, window.innerWidth - box.right];
        }""",
    )


def no_horizontal_overflow(page):
    # Against the width the page was opened at: a phone's layout viewport widens to
    # fit whatever overflows, so window.innerWidth would grow with the fault.
    width = page.viewport_size["width"]
    return page.evaluate(f"document.documentElement.scrollWidth <= {width} + 1")


def test_home_and_story_in_arabic_and_english(seeded, live_server, page, screenshot):
    page.goto(f"{live_server.url}/ar/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    expect(page.locator("h1")).to_have_text("بداية: خطوتك الأولى نحو العمل الحر")
    expect(page.locator(".track")).to_have_count(3)
    expect(page.locator(".home-stories .story-card")).to_have_count(3)
    assert arabic_font_ready(page)
    left, right = start_edge(page, "h1")
    assert right < left  # the heading starts on the right
    assert no_horizontal_overflow(page)
    screenshot(page, "home-ar")

    page.goto(f"{live_server.url}/ar/{STORY}")
    assert html_lang_dir(page) == ["ar", "rtl"]
    expect(page.locator("h1")).to_contain_text("عفاف النور")
    expect(page.locator(".figures__value").first).to_have_text("1")
    expect(page.locator(".story__header .avatar")).to_have_text("ع")  # no portrait consent
    expect(page.locator(".interview-block__question").first).to_be_visible()
    expect(page.locator("link[rel=alternate][type='application/rss+xml']")).to_have_attribute(
        "href", "/ar/stories/feed/rss/"
    )
    avatar_left, avatar_right = start_edge(page, ".story__header .avatar")
    assert avatar_right < avatar_left  # the avatar sits at the start: the right
    assert no_horizontal_overflow(page)
    screenshot(page, "story-ar")

    # The language switcher leads to the English translation of the same story.
    page.click(".language-switcher a[hreflang=en]")
    page.wait_for_url(f"**/en/{STORY}")
    assert html_lang_dir(page) == ["en", "ltr"]
    expect(page.locator("h1")).to_contain_text("Afaf Al-Nour")
    avatar_left, avatar_right = start_edge(page, ".story__header .avatar")
    assert avatar_left < avatar_right
    expect(page.locator(".related .story-card").first).to_be_visible()
    screenshot(page, "story-en")

    page.goto(f"{live_server.url}/en/")
    assert html_lang_dir(page) == ["en", "ltr"]
    expect(page.locator("h1")).to_have_text("Bidaya: your first step into freelancing")
    left, right = start_edge(page, "h1")
    assert left < right
    expect(page.locator(".cta a[href='/en/accounts/signup/']")).to_be_visible()
    screenshot(page, "home-en")


def test_story_list_on_a_phone_filters_without_javascript(
    seeded, live_server, phone_page, screenshot
):
    page = phone_page
    page.goto(f"{live_server.url}/ar/stories/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    expect(page.locator(".story-card")).to_have_count(9)
    assert arabic_font_ready(page)
    assert no_horizontal_overflow(page)
    screenshot(page, "stories-ar-phone")

    page.select_option("#id_country", "MA")
    page.click(".story-filters button[type=submit]")
    page.wait_for_url("**/ar/stories/?country=MA*")
    cards = page.locator(".story-card")
    expect(cards).to_have_count(4)
    for meta in cards.locator(".story-meta").all_inner_texts():
        assert "المغرب" in meta
    page.click(".story-filters__clear")
    page.wait_for_url("**/ar/stories/")
    expect(page.locator(".pagination__next")).to_be_visible()
    page.click(".pagination__next")
    expect(page.locator(".story-card")).to_have_count(3)


def test_a_signed_in_mentors_header_fits_a_phone_in_every_language(
    seeded, live_server, phone_page, screenshot
):
    """Signed in, the header holds the most links (learning, profile, account, notices
    with their unread count, review queue, log out); French words are the longest: none
    may push the page sideways on a 390 px phone."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from mentoring.models import MENTORS_GROUP
    from tests.factories.notifications import NoticeFactory

    mentor = get_user_model().objects.get(username="mentor")
    # An earlier transactional test may have flushed the group the migrations made.
    mentor.groups.add(Group.objects.get_or_create(name=MENTORS_GROUP)[0])
    mentor.set_password("saffron-Lantern-93")
    mentor.save()
    NoticeFactory.create_batch(2, user=mentor)
    phone_page.goto(f"{live_server.url}/fr/accounts/login/")
    phone_page.fill("#id_login", mentor.email)
    phone_page.fill("#id_password", "saffron-Lantern-93")
    phone_page.click("form.account-form--login button[type=submit]")
    expect(phone_page.locator(".site-account a[href='/fr/mentor/']")).to_be_visible()
    for code in ("fr", "en", "ar"):
        phone_page.goto(f"{live_server.url}/{code}/")
        assert no_horizontal_overflow(phone_page), code
        # Each link stays one phrase on one line.
        heights = phone_page.eval_on_selector_all(
            ".site-account > a", "links => links.map(a => a.getClientRects().length)"
        )
        assert heights and set(heights) == {1}, (code, heights)
        screenshot(phone_page, f"header-mentor-phone-{code}")
