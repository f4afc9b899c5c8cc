"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright's Python package."""

import os
import time
from pathlib import Path

import pytest

from tests import services

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        services.missing("Chromium", f"Debian's chromium package is not installed ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        yield browser
        browser.close()


def close_quietly(context):
    """Leave every page, let the requests that leaving sends (the player's last
    heartbeat) reach the live server, then close, so that nothing touches the database
    after the test has emptied it."""
    for open_page in context.pages:
        open_page.goto("about:blank")
    time.sleep(0.5)
    context.close()


# Playwright's routes do not see the requests a service worker makes, and many journeys
# route or abort requests: their contexts run without the site's worker. The offline
# journeys (test_offline.py) open contexts of their own with it.
NO_WORKER = {"service_workers": "block"}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **NO_WORKER)
    page = context.new_page()
    yield page
    close_quietly(context)


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        **NO_WORKER,
    )
    page = context.new_page()
    yield page
    close_quietly(context)


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/screenshots/ and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def admin_log_in(page, base, user, password):
    """Sign in at the admin's address, which leads to the site's one login (by e-mail,
    verified address required), and land on the admin."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    page.goto(f"{base}/admin/login/")
    page.wait_for_url("**/accounts/login/?next=%2Fadmin%2F")
    page.fill("#id_login", user.email)
    page.fill("#id_password", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
