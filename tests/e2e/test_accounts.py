"""Accounts and the admin in real Chromium: sign-up in Arabic through the e-mailed link,
English login, the Arabic Wagtail admin, and no Content-Security-Policy violation on
the way."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page, Site

from .conftest import admin_log_in

pytestmark = pytest.mark.usefixtures("transactional_db")

PASSWORD = "saffron-Lantern-93"
CONFIRM_LINK = re.compile(r"https?://\S+/confirm-email/\S+")


@pytest.fixture
def site_url(settings, live_server):
    """E-mailed links point at the canonical address; here that is the live server."""
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture
def csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def html_lang_dir(page):
    return page.eval_on_selector("html", "el => [el.lang, el.dir]")


def test_signup_in_arabic_then_verify_login_logout(
    page, site_url, mailoutbox, csp_violations, screenshot
):
    page.goto(f"{site_url}/ar/accounts/signup/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    # Labels sit to the right of the page in Arabic: the form's start edge is its right.
    label = page.locator("label[for=id_email]").bounding_box()
    field = page.locator("#id_email").bounding_box()
    assert abs((label["x"] + label["width"]) - (field["x"] + field["width"])) < 2
    assert label["y"] < field["y"]
    screenshot(page, "signup-ar")

    # A mismatch first: the error shows under the second password, the address stays.
    page.fill("#id_email", "newcomer@example.com")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD + "x")
    page.click("form.account-form--signup button[type=submit]")
    expect(page.locator("#id_password2_error")).to_be_visible()
    assert page.input_value("#id_email") == "newcomer@example.com"
    screenshot(page, "signup-ar-errors")

    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("form.account-form--signup button[type=submit]")
    page.wait_for_url(f"{site_url}/ar/accounts/confirm-email/")
    assert html_lang_dir(page) == ["ar", "rtl"]

    (message,) = mailoutbox
    assert message.to == ["newcomer@example.com"]
    link = CONFIRM_LINK.search(message.body).group(0)
    assert link.startswith(f"{site_url}/ar/accounts/confirm-email/")

    page.goto(link)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site_url}/ar/accounts/login/")

    page.fill("#id_login", "newcomer@example.com")
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form--login button[type=submit]")
    page.wait_for_url(f"{site_url}/ar/")

    # Signed in: the account page opens, and the header offers to log out.
    page.goto(f"{site_url}/ar/accounts/email/")
    assert page.url == f"{site_url}/ar/accounts/email/"
    assert page.get_by_text("newcomer@example.com").first.is_visible()
    screenshot(page, "account-email-ar")
    page.click(".site-account button[type=submit]")
    page.wait_for_url(f"{site_url}/ar/")

    # Signed out: the account page sends back to the login form.
    page.goto(f"{site_url}/ar/accounts/email/")
    assert page.url.startswith(f"{site_url}/ar/accounts/login/")
    assert page.locator('.site-account a[href="/ar/accounts/login/"]').is_visible()
    assert csp_violations == []


def test_login_page_in_english(page, site_url, csp_violations, screenshot):
    page.goto(f"{site_url}/en/accounts/login/")
    assert html_lang_dir(page) == ["en", "ltr"]
    assert page.locator("h1").inner_text() == "Sign In"
    screenshot(page, "login-en")
    page.fill("#id_login", "nobody@example.com")
    page.fill("#id_password", "wrong-password")
    page.click("form.account-form--login button[type=submit]")
    expect(page.locator(".form-errors")).to_contain_text("not correct")
    screenshot(page, "login-en-error")
    assert csp_violations == []


def test_login_form_fits_a_phone(phone_page, site_url, screenshot):
    phone_page.goto(f"{site_url}/ar/accounts/login/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    box = phone_page.locator("#id_login").bounding_box()
    assert box["width"] > 300
    screenshot(phone_page, "login-ar-phone")


@pytest.fixture
def editable_page():
    locale, _ = Locale.objects.get_or_create(language_code="ar")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.get_children().first()
    if home is None:
        home = root.add_child(instance=Page(title="Home", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def test_wagtail_admin_in_arabic_under_its_policy(
    page, live_server, editable_page, csp_violations, screenshot
):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    admin_log_in(page, live_server.url, editor, PASSWORD)
    # The browser asks for English; a new admin user still gets the Arabic admin.
    assert html_lang_dir(page) == ["ar", "rtl"]
    screenshot(page, "admin-ar")

    # Page explorer.
    page.goto(f"{live_server.url}/admin/pages/{editable_page.pk}/")
    page.wait_for_load_state("networkidle")
    assert page.locator("main").get_by_text(editable_page.title).first.is_visible()

    # Edit and save a draft.
    page.goto(f"{live_server.url}/admin/pages/{editable_page.pk}/edit/")
    page.fill("#id_title", "صفحة البداية")
    with page.expect_navigation():
        page.locator("form#page-edit-form button[type=submit]").first.click()
    editable_page.refresh_from_db()
    assert editable_page.get_latest_revision().as_object().title == "صفحة البداية"

    # A chooser: "move page" opens the page chooser modal (a widget with an inline
    # initialiser, the reason the admin allows inline scripts).
    page.goto(f"{live_server.url}/admin/pages/{editable_page.pk}/move/")
    page.click("#id_new_parent_page-chooser .w-dropdown__toggle")
    page.locator("[data-chooser-action-choose]:visible").first.click()
    page.locator(".modal.in .modal-body").wait_for(state="visible")
    assert page.locator(".modal.in").get_by_text("Root").first.is_visible()
    page.wait_for_load_state("networkidle")
    screenshot(page, "admin-ar-chooser")

    assert csp_violations == []
