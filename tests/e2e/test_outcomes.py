"""A learner reports her first client in Arabic on a phone; an editor makes it a story.

Real Chromium at 390×844. The learner (an account made for the test, no result yet)
opens her dashboard, follows "report a result", fills the one-step form (Mostaql, the
link to her project, the date, the amount, two of the three consents) and finds the
result on her dashboard. The demo editor opens the outcomes in the Arabic admin, makes
a story draft from it and lands in the page editor with the draft waiting for
moderation. Screenshots: ``outcome-report-ar.png``, ``outcome-dashboard-ar.png``,
``outcome-admin-ar.png``, ``outcome-story-draft-ar.png``; the form in English and
French too (``outcome-report-en.png``, ``outcome-report-fr.png``).
"""

import datetime

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.models import SuccessStoryPage
from outcomes.models import Outcome
from tests.cms.conftest import make_site_root
from tests.factories.cms import HomePageFactory, MarketplaceFactory, SuccessStoryIndexPageFactory

from .conftest import admin_log_in

pytestmark = pytest.mark.usefixtures("transactional_db")

PASSWORD = "saffron-Lantern-93"


@pytest.fixture
def site(live_server, settings):
    from wagtail.models import Locale, Page

    settings.SITE_URL = live_server.url
    Locale.objects.get_or_create(language_code="ar")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root")
    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    SuccessStoryIndexPageFactory(parent=home)
    MarketplaceFactory()
    return live_server.url


def person(email, group=None):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=PASSWORD, first_name="هدى"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def log_in(page, base, lang, email):
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_a_learner_reports_in_arabic_and_an_editor_makes_a_story_draft(
    site, phone_page, page, screenshot
):
    learner = person("huda@example.com")
    log_in(phone_page, site, "ar", learner.email)
    phone_page.goto(f"{site}/ar/dashboard/")
    section = phone_page.locator("[data-outcomes]")
    expect(section).to_contain_text("نتائجي")
    section.locator("[data-report-outcome]").click()
    phone_page.wait_for_url("**/ar/outcomes/report/")
    assert phone_page.evaluate("document.documentElement.dir") == "rtl"

    # A link on another site is refused with the reason, in Arabic, what was typed kept.
    phone_page.select_option("#id_marketplace", "mostaql")
    phone_page.fill("#id_link", "https://khamsat.com/programming/1-logo")
    day = (datetime.date.today() - datetime.timedelta(days=5)).isoformat()
    phone_page.fill("#id_happened_on", day)
    phone_page.fill("#id_amount", "40")
    phone_page.select_option("#id_currency", "USD")
    phone_page.check("#id_count_in_statistics")
    phone_page.check("#id_may_contact")
    phone_page.click("form[data-outcome-form] button[type=submit]")
    expect(phone_page.locator('[data-field="link"] .errorlist')).to_contain_text("mostaql.com")
    expect(phone_page.locator("#id_amount")).to_have_value("40")

    phone_page.fill("#id_link", "https://mostaql.com/project/123456-logo-for-a-bakery")
    screenshot(phone_page, "outcome-report-ar")
    phone_page.click("form[data-outcome-form] button[type=submit]")
    phone_page.wait_for_url("**/ar/dashboard/")
    item = phone_page.locator("[data-outcome]")
    expect(item).to_contain_text("مستقل")
    expect(item.locator("[data-review]")).to_have_text("مُبلَّغ عنها")
    screenshot(phone_page, "outcome-dashboard-ar")
    outcome = Outcome.objects.get(user=learner)
    assert (outcome.count_in_statistics, outcome.may_contact, outcome.show_publicly) == (
        True,
        True,
        False,
    )

    # The editor, in the Arabic admin: the list shows ticks, not "True"/"False".
    # What the migrations set up (an earlier browser test may have flushed it).
    import importlib

    from django.apps import apps

    from cms.editorial import ensure_editorial_setup

    ensure_editorial_setup(apps)
    importlib.import_module("outcomes.migrations.0003_editors_review_outcomes").forwards(apps, None)
    editor = person("editor@example.com", "Editors")
    admin_log_in(page, site, editor, PASSWORD)
    page.goto(f"{site}/admin/outcomes/")
    row = page.locator("table tbody tr").first
    expect(row).to_contain_text("huda")
    assert "True" not in row.inner_text() and "False" not in row.inner_text()
    screenshot(page, "outcome-admin-ar")
    row.get_by_role("link", name="أنشئ قصة").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    expect(page.locator("#id_person_name")).to_have_value("هدى")
    screenshot(page, "outcome-story-draft-ar")
    outcome.refresh_from_db()
    draft = SuccessStoryPage.objects.get(pk=outcome.story_id)
    assert not draft.live
    assert draft.workflow_in_progress


@pytest.mark.parametrize(("lang", "heading"), [("en", "Report a result"), ("fr", "Signaler")])
def test_the_form_reads_well_in_english_and_french(site, phone_page, screenshot, lang, heading):
    learner = person(f"learner-{lang}@example.com")
    log_in(phone_page, site, lang, learner.email)
    phone_page.goto(f"{site}/{lang}/outcomes/report/")
    expect(phone_page.locator("h1")).to_contain_text(heading)
    assert phone_page.evaluate("document.documentElement.dir") == "ltr"
    # No horizontal scrolling on a phone.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, f"outcome-report-{lang}")
