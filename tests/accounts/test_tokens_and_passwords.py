"""A new password revokes the account's API tokens, and the owner is told."""

from urllib.parse import urlsplit

import pytest

from django.test import Client
from django.utils import translation

from accounts.models import AccessToken

from .conftest import PASSWORD
from .helpers import links_in, soup

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "quince-Harbour-58"


@pytest.fixture
def learner(make_user):
    return make_user(email="karim@example.com")


@pytest.fixture
def secrets(learner):
    return [AccessToken.issue(learner, name)[1] for name in ("phone", "script")]


def api_status(secret):
    return Client().get("/api/v1/dashboard", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code


def shown_messages(response):
    return [node.get_text(strip=True) for node in soup(response).select(".messages li")]


def revoked_message(language, count):
    with translation.override(language):
        return translation.ngettext(
            "Your new password revoked your API token. Create a new one on your "
            "dashboard for any app that still needs it.",
            "Your new password revoked your %(count)d API tokens. Create new ones on "
            "your dashboard for the apps that still need them.",
            count,
        ) % {"count": count}


def test_password_reset_revokes_tokens_and_says_so(client, learner, secrets, mailoutbox):
    assert [api_status(secret) for secret in secrets] == [200, 200]
    client.post("/fr/accounts/password/reset/", {"email": learner.email})
    (message,) = mailoutbox
    (link,) = [url for url in links_in(message) if "/password/reset/key/" in url]
    form_url = client.get(urlsplit(link).path)["Location"]
    response = client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fr/accounts/password/reset/key/done/"
    assert revoked_message("fr", 2) in shown_messages(response)
    assert [api_status(secret) for secret in secrets] == [401, 401]
    assert AccessToken.objects.usable().filter(user=learner).count() == 0


def test_password_change_revokes_tokens_and_says_so(client, learner, secrets):
    AccessToken.objects.filter(user=learner).first().delete()
    client.force_login(learner)
    response = client.post(
        "/ar/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert revoked_message("ar", 1) in shown_messages(response)
    assert [api_status(secret) for secret in secrets] == [401, 401]


def test_a_password_set_elsewhere_revokes_tokens_too(learner, secrets):
    """An admin setting the password, or ``manage.py changepassword``: both save a
    user after ``set_password``."""
    learner.set_password(NEW_PASSWORD)
    learner.save()
    assert [api_status(secret) for secret in secrets] == [401, 401]


def test_no_message_without_tokens(client, learner):
    client.force_login(learner)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    assert not any("API token" in text for text in shown_messages(response))


def test_tokens_outlive_other_saves_and_logins(client, learner, secrets, settings):
    learner.first_name = "Karim"
    learner.save()
    # A login re-hashing the password with a stronger hasher is no new password.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    response = client.post("/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.password.startswith("pbkdf2_sha256$")
    assert [api_status(secret) for secret in secrets] == [200, 200]
