"""Sign-up → verification e-mail → confirm → log in → log out, and password reset,
with the test client, in the visitor's language."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model

from .conftest import PASSWORD
from .helpers import html_lang_dir, links_in, soup, translated

pytestmark = pytest.mark.django_db

User = get_user_model()


def signup(client, language, email, password=PASSWORD, password2=None, **extra):
    return client.post(
        f"/{language}/accounts/signup/",
        {"email": email, "password1": password, "password2": password2 or password},
        **extra,
    )


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_signup_verify_login_logout(client, mailoutbox, site_url, language):
    email = f"newcomer-{language}@example.com"
    # A forged Host header must not end up in the e-mail's link.
    response = signup(client, language, email, HTTP_HOST="attacker.example")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"
    user = User.objects.get(email=email)
    assert not EmailAddress.objects.get(user=user).verified

    # The e-mail speaks the visitor's language and links back to the canonical host.
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [email]
    assert translated(language, "Please Confirm Your Email Address") in message.subject
    (link,) = [url for url in links_in(message) if "/confirm-email/" in url]
    assert link.startswith(f"{site_url}/{language}/accounts/confirm-email/")
    assert "attacker.example" not in message.body

    # Mandatory verification: no way in before confirming.
    response = client.post(f"/{language}/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    # Confirm: a page asks, a POST confirms.
    path = urlsplit(link).path
    response = client.get(path)
    assert response.status_code == 200
    assert html_lang_dir(response)[0] == language
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/login/"
    assert EmailAddress.objects.get(user=user).verified

    # Log in: land on the language's home.
    response = client.post(f"/{language}/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    assert client.session["_auth_user_id"] == str(user.pk)

    # Log out with the header's button: back to the language's home, signed out.
    response = client.post(f"/{language}/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    assert "_auth_user_id" not in client.session


def test_login_follows_a_local_next_and_ignores_a_foreign_one(client, make_user):
    make_user(email="amal@example.com")
    credentials = {"login": "amal@example.com", "password": PASSWORD}
    response = client.post("/en/accounts/login/?next=/en/search/%3Fq%3Dpricing", credentials)
    assert response["Location"] == "/en/search/?q=pricing"
    client.logout()
    response = client.post("/en/accounts/login/?next=https://evil.example/", credentials)
    assert response["Location"] == "/en/"


def test_wrong_password_is_refused_in_the_visitors_language(client, make_user):
    make_user(email="amal@example.com")
    response = client.post(
        "/ar/accounts/login/", {"login": "amal@example.com", "password": "not-the-password"}
    )
    assert response.status_code == 200
    errors = soup(response).select_one(".form-errors").get_text(" ", strip=True)
    assert translated("ar", "The email address and/or password you specified are not correct.") in (
        errors
    )
    # What was typed is kept (except the password).
    assert soup(response).select_one("input[name=login]")["value"] == "amal@example.com"


def test_password_reset_from_request_to_done(client, mailoutbox, make_user, site_url):
    make_user(email="karim@example.com")
    response = client.post(
        "/fr/accounts/password/reset/", {"email": "karim@example.com"}, HTTP_HOST="attacker.example"
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/password/reset/done/"
    assert html_lang_dir(client.get(response["Location"])) == ("fr", "ltr")

    (message,) = mailoutbox
    assert translated("fr", "Password Reset Email") in message.subject
    (link,) = [url for url in links_in(message) if "/password/reset/key/" in url]
    assert link.startswith(f"{site_url}/fr/accounts/password/reset/key/")
    assert "attacker.example" not in message.body

    # The key link stores the key in the session and redirects to the form.
    response = client.get(urlsplit(link).path)
    assert response.status_code == 302
    form_url = response["Location"]
    response = client.get(form_url)
    assert response.status_code == 200
    assert html_lang_dir(response) == ("fr", "ltr")
    new_password = "quince-Harbour-58"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/password/reset/key/done/"

    response = client.post(
        "/fr/accounts/login/", {"login": "karim@example.com", "password": new_password}
    )
    assert response["Location"] == "/fr/"


def test_password_reset_for_an_unknown_address_reveals_nothing(client, mailoutbox):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/reset/done/"


def test_password_change(client, make_user):
    user = make_user(email="salma@example.com")
    client.force_login(user)
    response = client.get("/ar/accounts/password/change/")
    assert response.status_code == 200
    assert html_lang_dir(response) == ("ar", "rtl")
    new_password = "olive-Compass-27"
    response = client.post(
        "/ar/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_adding_a_second_address_sends_its_verification(client, mailoutbox, make_user, site_url):
    client.force_login(make_user(email="salma@example.com"))
    response = client.post(
        "/en/accounts/email/", {"action_add": "", "email": "salma.work@example.com"}
    )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="salma.work@example.com", verified=False).exists()
    (message,) = mailoutbox
    assert message.to == ["salma.work@example.com"]
    assert any(
        url.startswith(f"{site_url}/en/accounts/confirm-email/") for url in links_in(message)
    )
