"""One login for every way in: the admin's login address leads to allauth's, with its
e-mail verification, failed-login lockout and rate limits; staff sign-ins are logged."""

import logging
from urllib.parse import urlsplit

import pytest

from django.contrib.auth.models import Permission
from django.core.cache import cache

from config.settings import base as production_settings

from .conftest import PASSWORD
from .helpers import soup, translated

pytestmark = pytest.mark.django_db

WRONG = "not-the-Password-00"


@pytest.fixture
def rate_limits(settings):
    """The rate limits every deployment runs with (the test profile turns them off)."""
    settings.ACCOUNT_RATE_LIMITS = production_settings.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_staff(make_user):
    def make(email="editor@example.com", verified=True, superuser=False):
        user = make_user(email=email, verified=verified)
        if superuser:
            user.is_staff = user.is_superuser = True
            user.save()
        else:
            user.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )
        return user

    return make


def signed_in(client):
    return "_auth_user_id" in client.session


def login_form_of_admin(client, language="en"):
    """Where the admin's login address sends a visitor, as the browser would follow it."""
    response = client.get("/admin/login/?next=/admin/pages/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    return response["Location"]


def test_admin_login_leads_to_allauth_in_the_visitors_language(client):
    assert login_form_of_admin(client, "en") == "/en/accounts/login/?next=%2Fadmin%2Fpages%2F"
    assert login_form_of_admin(client, "ar") == "/ar/accounts/login/?next=%2Fadmin%2Fpages%2F"
    # Wagtail's redirect of an anonymous visitor lands there too.
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr", follow=True)
    assert response.redirect_chain[-1][0] == "/fr/accounts/login/?next=%2Fadmin%2F"


def test_next_pointing_elsewhere_is_dropped(client):
    response = client.get("/admin/login/?next=https://evil.example/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2F"


@pytest.mark.parametrize("superuser", [True, False])
def test_credentials_posted_to_the_admin_login_sign_nobody_in(client, make_staff, superuser):
    make_staff(superuser=superuser)
    response = client.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/en/accounts/login/"
    assert not signed_in(client)


def test_staff_sign_in_through_the_admin_address(client, make_staff, caplog):
    editor = make_staff()
    form = login_form_of_admin(client)
    with caplog.at_level(logging.INFO, logger="accounts.staff"):
        response = client.post(form, {"login": editor.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    (record,) = [r for r in caplog.records if r.name == "accounts.staff"]
    assert record.getMessage() == (
        f"staff sign-in: user={editor.pk} email={editor.email} superuser=False address=127.0.0.1"
    )


def test_learner_sign_ins_are_not_logged_as_staff(client, make_user, caplog):
    learner = make_user()
    with caplog.at_level(logging.INFO, logger="accounts.staff"):
        client.post("/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    assert signed_in(client)
    assert [r for r in caplog.records if r.name == "accounts.staff"] == []


def test_unverified_staff_address_must_be_confirmed_first(client, make_staff, mailoutbox):
    editor = make_staff(verified=False)
    response = client.post(
        login_form_of_admin(client), {"login": editor.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302
    (message,) = mailoutbox
    assert message.to == [editor.email]


def test_a_learner_signing_in_at_the_admin_address_gets_no_admin(client, make_user):
    learner = make_user()
    response = client.post(
        login_form_of_admin(client), {"login": learner.email, "password": PASSWORD}
    )
    assert response["Location"] == "/admin/pages/"
    assert signed_in(client)
    # Wagtail sends a user without access_admin back to the login address, which
    # refuses instead of looping through allauth back to the admin.
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == [("/admin/login/?next=/admin/pages/", 302)]
    assert client.get("/admin/login/").status_code == 403


def test_signed_in_staff_at_the_login_address_go_to_the_admin(client, make_staff):
    client.force_login(make_staff())
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


@pytest.mark.parametrize(
    "path", ["/django-admin/", "/django-admin/login/", "/admin/password_reset/"]
)
def test_no_second_login_or_reset(client, path):
    # Like any unknown address: sent under a language prefix, where nothing answers.
    assert client.get(path, follow=True).status_code == 404


def too_many_attempts(response, language):
    errors = soup(response).select(".errorlist, [role=alert], .form-errors")
    text = " ".join(node.get_text(" ", strip=True) for node in errors) or soup(response).get_text()
    return translated(language, "Too many failed login attempts. Try again later.") in text


@pytest.mark.parametrize("form", ["site", "admin"])
def test_failed_logins_lock_the_account_on_every_form(client, make_staff, rate_limits, form):
    editor = make_staff()
    url = "/en/accounts/login/" if form == "site" else login_form_of_admin(client)
    for _attempt in range(5):
        response = client.post(url, {"login": editor.email, "password": WRONG})
        assert response.status_code == 200
        assert not too_many_attempts(response, "en")
    response = client.post(url, {"login": editor.email, "password": PASSWORD})
    assert response.status_code == 200
    assert too_many_attempts(response, "en")
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_fewer_failures_than_the_limit_still_let_the_owner_in(client, make_staff, rate_limits):
    editor = make_staff()
    url = login_form_of_admin(client)
    for _attempt in range(4):
        client.post(url, {"login": editor.email, "password": WRONG})
    response = client.post(url, {"login": editor.email, "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in(client)


def test_the_attack_from_the_report_fails(client, make_user, rate_limits):
    """25 wrong passwords at the admin's address, then the right one: no session."""
    learner = make_user()
    for _attempt in range(25):
        client.post("/admin/login/", {"username": learner.email, "password": WRONG})
    url = login_form_of_admin(client)
    for _attempt in range(25):
        client.post(url, {"login": learner.email, "password": WRONG})
    response = client.post(url, {"login": learner.email, "password": PASSWORD})
    assert too_many_attempts(response, "en")
    assert not signed_in(client)


def test_the_per_address_limit_counts_every_account(client, make_user, rate_limits):
    """Ten failures from one address within a minute lock that address out, whichever
    e-mail addresses were tried."""
    owner = make_user(email="owner@example.com")
    for number in range(10):
        client.post(
            "/en/accounts/login/", {"login": f"guess{number}@example.com", "password": WRONG}
        )
    response = client.post("/en/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert response.status_code == 200
    assert too_many_attempts(response, "en")
    assert not signed_in(client)


def test_admin_account_page_leaves_password_and_email_to_allauth(client, make_staff):
    client.force_login(make_staff())
    response = client.get("/admin/account/")
    assert response.status_code == 200
    names = {field["name"] for field in soup(response).select("form input[name]")}
    assert "name_email-first_name" in names
    assert not {"password-old_password", "password-new_password1", "name_email-email"} & names


def test_no_api_operation_takes_a_password(client):
    """API clients sign in with tokens made on the dashboard; a password login in the
    API would be a way in without the login's lockout."""
    schema = client.get("/api/v1/openapi.json").json()
    text = str(schema).lower()
    assert "/login" not in text
    assert "'password'" not in text
