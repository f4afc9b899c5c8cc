"""A learner who signs up, confirms her address or logs in from a course page comes
back to that page, not to the home page; her chosen name is kept."""

from urllib.parse import parse_qs, urlsplit

import pytest

from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories.cms import HomePageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory
from tests.learning.conftest import make_site_root

from .conftest import PASSWORD
from .helpers import links_in, soup

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def course_path(db):
    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue)
    return urlsplit(course.get_url()).path


def test_header_links_carry_the_page_as_next(client, course_path):
    page = soup(client.get(course_path))
    header = page.select_one(".site-account")
    assert course_path.startswith("/ar/")
    login = header.find("a", href=lambda href: href.startswith("/ar/accounts/login/"))
    signup = header.find("a", href=lambda href: href.startswith("/ar/accounts/signup/"))
    assert parse_qs(urlsplit(login["href"]).query) == {"next": [course_path]}
    assert parse_qs(urlsplit(signup["href"]).query) == {"next": [course_path]}


def test_login_page_header_links_do_not_point_back_at_the_login_page(client):
    page = soup(client.get("/en/accounts/login/"))
    links = [a["href"] for a in page.select(".site-account a")]
    assert links == ["/en/accounts/login/", "/en/accounts/signup/"]


def test_signup_confirm_in_another_browser_and_login_return_to_the_course(
    client, mailoutbox, course_path
):
    response = client.post(
        f"/en/accounts/signup/?next={course_path}",
        {
            "name": "  Samira   Idrissi ",
            "email": "samira@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": course_path,
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="samira@example.com")
    assert user.first_name == "Samira Idrissi"

    (link,) = [url for url in links_in(mailoutbox[0]) if "/confirm-email/" in url]
    # The mail app opens the link in a browser where she is not signed in.
    other = Client()
    parts = urlsplit(link)
    confirm_path = f"{parts.path}?{parts.query}"
    form = soup(other.get(confirm_path)).find("input", attrs={"name": "next"})
    assert form["value"] == f"/en/accounts/login/?next={course_path.replace('/', '%2F')}"
    response = other.post(confirm_path, {"next": form["value"]})
    assert response.status_code == 302
    login_url = response["Location"]
    assert urlsplit(login_url).path == "/en/accounts/login/"
    assert parse_qs(urlsplit(login_url).query) == {"next": [course_path]}

    response = other.post(login_url, {"login": "samira@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == course_path


def test_signup_without_next_sends_a_plain_confirmation_link(client, mailoutbox):
    client.post(
        "/en/accounts/signup/",
        {"email": "nour@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    (link,) = [url for url in links_in(mailoutbox[0]) if "/confirm-email/" in url]
    assert urlsplit(link).query == ""
    assert User.objects.get(email="nour@example.com").first_name == ""


def test_confirmation_link_ignores_a_foreign_next(client, mailoutbox):
    client.post(
        "/en/accounts/signup/",
        {
            "email": "rim@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": "https://attacker.example/",
        },
    )
    (link,) = [url for url in links_in(mailoutbox[0]) if "/confirm-email/" in url]
    assert "attacker" not in link
