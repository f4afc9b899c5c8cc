"""Duplicate, weak, huge, mismatched, hostile and forged sign-ups: each gets a clear,
translated answer next to the field at fault, nothing is created, nothing typed is lost."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from .conftest import PASSWORD
from .helpers import html_lang_dir, links_in, soup, translated

pytestmark = pytest.mark.django_db

User = get_user_model()


def post_signup(client, language, email, password1=PASSWORD, password2=None):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": email,
            "password1": password1,
            "password2": password1 if password2 is None else password2,
        },
    )


def field_errors(response, name):
    """The error list rendered under one field, and whether the input points at it."""
    page = soup(response)
    field = page.select_one(f"[name={name}]")
    errors = page.select_one(f"#id_{name}_error")
    assert field is not None
    assert field.get("aria-invalid") == "true"
    assert f"id_{name}_error" in field.get("aria-describedby", "")
    # The error sits inside the same field block as its input.
    assert errors.find_parent(class_="field") is field.find_parent(class_="field")
    return [li.get_text(strip=True) for li in errors.select("li")]


def test_existing_address_gets_no_second_account_and_the_owner_is_told(
    client, mailoutbox, make_user, site_url
):
    make_user(email="huda@example.com")
    response = post_signup(client, "ar", "Huda@Example.COM")
    # Same answer as for a new address, so the form cannot be used to probe who has
    # an account; the explanation goes to the address's owner instead.
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="huda@example.com").count() == 1
    (message,) = mailoutbox
    assert message.to == ["huda@example.com"]
    assert translated("ar", "Account Already Exists") in message.subject
    assert any(
        url.startswith(f"{site_url}/ar/accounts/password/reset/") for url in links_in(message)
    )


def validator_messages(language, password):
    with translation.override(language):
        try:
            validate_password(password)
        except ValidationError as error:
            return error.messages
    return []


@pytest.mark.parametrize("password", ["12345678", "password", "a1b2"])
def test_weak_password_is_refused_next_to_the_field(client, password):
    response = post_signup(client, "ar", "newcomer@example.com", password)
    assert response.status_code == 200
    assert html_lang_dir(response) == ("ar", "rtl")
    errors = field_errors(response, "password1")
    expected = validator_messages("ar", password)
    assert expected and expected != validator_messages("en", password)
    assert set(expected) <= set(errors)
    assert not User.objects.exists()
    # The address typed is still there to correct the password.
    assert soup(response).select_one("input[name=email]")["value"] == "newcomer@example.com"


def test_mismatched_passwords(client):
    response = post_signup(client, "fr", "newcomer@example.com", PASSWORD, "something-Else-42")
    assert response.status_code == 200
    errors = field_errors(response, "password2")
    assert translated("fr", "You must type the same password each time.") in errors
    assert not User.objects.exists()


def test_five_thousand_character_address(client):
    email = "a" * 4990 + "@example.com"
    response = post_signup(client, "en", email)
    assert response.status_code == 200
    errors = field_errors(response, "email")
    assert errors, "a 5000-character address must be refused with a message"
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "email",
    ["not-an-address", "<script>alert(1)</script>@example.com", "huda@example.com\r\nBcc: x@y.z"],
)
def test_malformed_and_hostile_addresses(client, email):
    response = post_signup(client, "ar", email)
    assert response.status_code == 200
    errors = field_errors(response, "email")
    assert translated("ar", "Enter a valid email address.") in errors
    assert b"<script>alert(1)</script>" not in response.content
    assert not User.objects.exists()


def test_empty_form(client):
    response = client.post("/en/accounts/signup/", {})
    assert response.status_code == 200
    for name in ("email", "password1", "password2"):
        assert "This field is required." in field_errors(response, name)
    assert not User.objects.exists()


def test_missing_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    response = post_signup(client, "ar", "newcomer@example.com")
    assert response.status_code == 403
    # A page in the visitor's language that says what to do, not Django's default.
    assert html_lang_dir(response) == ("ar", "rtl")
    assert soup(response).select_one('a[href="/ar/"]')
    assert not User.objects.exists()


def test_signup_page_form_has_a_csrf_token_and_proper_autocomplete(client):
    page = soup(client.get("/en/accounts/signup/"))
    form = page.select_one("form.account-form--signup")
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert form.select_one("input[name=email]")["type"] == "email"
    assert form.select_one("input[name=password1]")["autocomplete"] == "new-password"
    # Every visible input has a label that names it.
    for field in form.select("input:not([type=hidden])"):
        assert page.select_one(f'label[for="{field["id"]}"]'), field
