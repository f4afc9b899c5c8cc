"""The Arabic admin in real Chromium: the text fields of an English or French page follow
the direction of their text (dir="auto"); an Arabic page's fields keep the admin's
right-to-left layout."""

import pytest

from django.contrib.auth import get_user_model

from tests.cms.conftest import make_site_root, translate
from tests.factories.cms import HomePageFactory

from .conftest import admin_log_in

PASSWORD = "Quill-saffron-38"


@pytest.fixture
def pages(transactional_db):
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code="ar")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root")
    home = HomePageFactory(slug="bidaya", title="بداية")
    make_site_root(home)
    return {
        "ar": home,
        "en": translate(home, "en", title="Bidaya: your first step"),
        "fr": translate(home, "fr", title="Bidaya : votre premier pas"),
    }


@pytest.fixture
def editor(page, live_server):
    user = get_user_model().objects.create_superuser("root", "root@example.com", PASSWORD)
    admin_log_in(page, live_server.url, user, PASSWORD)
    return user


def title_direction(page, live_server, page_id):
    page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
    page.wait_for_selector("#id_title")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    # The script runs once the document is parsed; wait for it to have run.
    page.wait_for_load_state("load")
    return page.get_attribute("#id_title", "dir")


def test_only_pages_not_in_arabic_get_fields_that_follow_their_text(
    pages, editor, page, live_server, screenshot
):
    assert title_direction(page, live_server, pages["en"].pk) == "auto"
    screenshot(page, "admin-ar-edit-english-page")
    assert title_direction(page, live_server, pages["fr"].pk) == "auto"
    assert title_direction(page, live_server, pages["ar"].pk) is None
    screenshot(page, "admin-ar-edit-arabic-page")
    # A field focused later (a new StreamField block) is left alone on an Arabic page.
    page.focus("#id_title")
    assert page.get_attribute("#id_title", "dir") is None
