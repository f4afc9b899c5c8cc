"""Language prefixes, <html lang dir>, the language switcher and the error pages."""

import pytest

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from .helpers import html_lang_dir, soup, translated

pytestmark = pytest.mark.django_db

DIRECTION = {"ar": "rtl", "en": "ltr", "fr": "ltr"}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        (None, "/ar/"),
        ("ar-EG,ar;q=0.9,en;q=0.6", "/ar/"),
        ("en-US,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("de-DE,de;q=0.9,fr;q=0.4", "/fr/"),
        ("de-DE,de;q=0.9", "/ar/"),
        ("zz", "/ar/"),
        ("*", "/ar/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    # Caches must not hand one visitor's language to another.
    assert "Accept-Language" in response["Vary"]


ALLAUTH_PAGES = [
    ("accounts/login/", "Sign In"),
    ("accounts/signup/", "Sign Up"),
    ("accounts/password/reset/", "Password Reset"),
    ("accounts/confirm-email/", "Verify Your Email Address"),
]


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
@pytest.mark.parametrize(("path", "heading"), ALLAUTH_PAGES)
def test_allauth_pages_speak_the_prefix_language(client, language, path, heading):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    assert html_lang_dir(response) == (language, DIRECTION[language])
    expected = translated(language, heading)
    if language != "en":
        assert expected != heading, "allauth's catalogue for this language did not load"
    assert soup(response).h1.get_text(strip=True) == expected
    # Inside the site's frame: header, language switcher and the account layout.
    page = soup(response)
    assert page.select_one("header.site-header nav.language-switcher")
    assert "account-page" in page.body["class"]


def test_manage_pages_use_the_site_frame_and_tabs(client, make_user):
    client.force_login(make_user())
    response = client.get("/ar/accounts/email/")
    assert response.status_code == 200
    assert html_lang_dir(response) == ("ar", "rtl")
    tabs = soup(response).select("nav.account-nav a")
    assert [a["href"] for a in tabs] == ["/ar/accounts/email/", "/ar/accounts/password/change/"]
    assert tabs[0].get("aria-current") == "page"
    # The header's user menu now offers the account and a log-out button.
    header = soup(response).select_one(".site-account")
    assert header.select_one('a[href="/ar/accounts/email/"]')
    assert header.select_one('form[action="/ar/accounts/logout/"] button[type="submit"]')


def switcher_links(response):
    return {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a")}


def test_language_switcher_keeps_an_accounts_page_and_its_next(client):
    response = client.get("/ar/accounts/login/?next=/ar/search/")
    links = switcher_links(response)
    assert links["en"] == "/en/accounts/login/?next=/en/search/"
    assert links["fr"] == "/fr/accounts/login/?next=/fr/search/"
    assert links["ar"] == "/ar/accounts/login/?next=/ar/search/"


def test_language_switcher_keeps_the_search_query(client):
    response = client.get("/en/search/", {"q": "تسعير"})
    links = switcher_links(response)
    assert links["ar"] == "/ar/search/?q=%D8%AA%D8%B3%D8%B9%D9%8A%D8%B1"
    assert links["fr"] == "/fr/search/?q=%D8%AA%D8%B3%D8%B9%D9%8A%D8%B1"


def test_language_switcher_on_a_missing_page_swaps_the_prefix(client):
    response = client.get("/fr/no/such/page.txt")
    assert response.status_code == 404
    links = switcher_links(response)
    assert links["ar"] == "/ar/no/such/page.txt"
    assert links["en"] == "/en/no/such/page.txt"


def test_language_switcher_does_not_follow_a_foreign_next(client):
    response = client.get("/ar/accounts/login/?next=https://evil.example/ar/")
    assert switcher_links(response)["en"] == "/en/accounts/login/?next=https://evil.example/ar/"


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_404_page_is_translated(client, language):
    response = client.get(f"/{language}/this-page-does-not-exist/")
    assert response.status_code == 404
    assert html_lang_dir(response) == (language, DIRECTION[language])
    heading = soup(response).h1.get_text(strip=True)
    assert heading == translated(language, "Page not found")
    if language != "en":
        assert heading != "Page not found"
    # Somewhere to go next, in the same language.
    assert soup(response).select_one(f'a[href="/{language}/"]')
    assert soup(response).select_one(f'form[action="/{language}/search/"]')


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_500_page_needs_no_database_and_is_translated(language, django_assert_num_queries):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert html_lang_dir(response) == (language, DIRECTION[language])
    heading = soup(response).h1.get_text(strip=True)
    assert heading == translated(language, "Server error")
    assert heading != "Server error"
    assert soup(response).select_one(f'a[href="/{language}/"]')


def test_500_page_through_the_handler(client, settings):
    settings.ROOT_URLCONF = "tests.accounts.urls_failing"
    client.raise_request_exception = False
    response = client.get("/fr/fail/")
    assert response.status_code == 500
    assert html_lang_dir(response) == ("fr", "ltr")
    assert soup(response).h1.get_text(strip=True) == translated("fr", "Server error")
    assert "Content-Security-Policy" in response
