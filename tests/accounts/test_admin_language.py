"""The Wagtail admin in Arabic: the default for new users, their own choice after."""

import pytest

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

from .helpers import html_lang_dir, soup, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.com", "x")


def test_new_admin_users_start_in_arabic_whatever_the_browser_says(client, editor):
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert html_lang_dir(response) == ("ar", "rtl")
    assert UserProfile.get_for_user(editor).preferred_language == "ar"
    # Wagtail's own strings are translated, not only the direction flipped.
    assert translated("ar", "Dashboard") in soup(response).title.get_text()


def test_admin_language_follows_the_users_preference(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/")
    assert html_lang_dir(response) == ("fr", "ltr")


def test_a_preference_saved_before_the_profile_existed_is_kept(editor):
    UserProfile.objects.create(user=editor, preferred_language="en")
    assert UserProfile.get_for_user(editor).preferred_language == "en"


@pytest.mark.parametrize(("accept", "expected"), [("ar", ("ar", "rtl")), ("en", ("en", "ltr"))])
def test_admin_login_page_follows_the_browser(client, accept, expected):
    # The admin's login address leads to the site's login, in the browser's language.
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=accept, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"/{expected[0]}/accounts/login/?next=%2Fadmin%2F", 302)]
    assert html_lang_dir(response) == expected
