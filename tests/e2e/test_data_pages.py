"""The data saver setting and the week's data used, on a phone, in Arabic, English and
French: the words are translated, the page keeps its direction, and the setting sticks."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from django.conf import settings as django_settings
from django.test import Client

from learning.models import Heartbeat
from notifications.models import NotificationPreference
from tests.cms.conftest import make_site_root
from tests.factories.cms import HomePageFactory
from tests.learning.conftest import make_learner

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

WORDS = {
    "ar": ("البيانات المستهلكة على بداية هذا الأسبوع", "موفّر البيانات", "rtl"),
    "en": ("Data used on Bidaya this week", "Data saver", "ltr"),
    "fr": ("Données consommées sur Bidaya cette semaine", "Économiseur de données", "ltr"),
}


@pytest.fixture
def learner_in_browser(phone_page, live_server):
    make_site_root(HomePageFactory(slug="bidaya"))
    learner = make_learner("data-pages@example.com")
    now = datetime.now(UTC)
    Heartbeat.objects.create(
        event_id=uuid.uuid4(),
        user=learner,
        lesson_key=uuid.uuid4(),
        component_id="c",
        received_at=now - timedelta(days=2),
        sent_at=now - timedelta(days=2),
        position=0,
        rung="240p",
        data_bytes=4_600_000,
    )
    client = Client()
    client.force_login(learner)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    phone_page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )
    return learner, phone_page, live_server.url


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_data_used_and_data_saver_on_a_phone(learner_in_browser, screenshot, language):
    learner, page, site = learner_in_browser
    used, saver, direction = WORDS[language]
    page.goto(f"{site}/{language}/dashboard/")
    expect(page.locator("html")).to_have_attribute("dir", direction)
    figure = page.locator("[data-data-used]")
    expect(figure).to_contain_text(used)
    expect(figure).to_contain_text("4.6" if language == "en" else "4")
    screenshot(page, f"dashboard-data-used-{language}")

    page.goto(f"{site}/{language}/notices/#data-saver")
    section = page.locator("#data-saver")
    expect(section.locator("h2")).to_have_text(saver)
    section.locator("input[name=data_saver]").check()
    section.locator("button[type=submit]").click()
    expect(page.locator("#data-saver input[name=data_saver]")).to_be_checked()
    assert NotificationPreference.objects.get(user=learner).data_saver is True
    screenshot(page, f"notices-data-saver-{language}")
