"""Finishing a course is celebrated on the spot: the lesson page shows the badge with
"Add to LinkedIn", the marketplace kit and its verification page, once."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from credentials.models import BadgeAward
from learning.models import READING_COMPONENT_ID
from learning.progress.completion import complete_component
from learning.progress.enrolment import enrol

from .world import make_user

pytestmark = pytest.mark.django_db


def panel(html):
    return BeautifulSoup(html, "html.parser").select_one("[data-celebrations] [data-celebration]")


def test_marking_the_last_lesson_done_shows_the_badge_panel_once(
    client, badge_world, django_capture_on_commit_callbacks
):
    learner = make_user(display_name_latin="Afaf Al-Nour")
    first, last = badge_world.lessons
    enrol(learner, badge_world.course)
    complete_component(learner, first, READING_COMPONENT_ID)
    client.force_login(learner)
    assert panel(client.get(last.url).content.decode()) is None  # nothing earned yet

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("learning:lesson-done", args=[last.pk]), {"next": last.url})
    # Back to the lesson, where the script looks for the news.
    assert done["Location"] == last.url + "#lesson-done"
    award = BadgeAward.objects.get(recipient=learner)
    shown = panel(client.get(last.url).content.decode())
    assert shown["data-celebration"] == str(award.uuid)
    assert shown.select_one("img")["src"].startswith("https://bidaya.example/")
    assert shown.select_one("[data-linkedin]")["href"].startswith("https://www.linkedin.com/")
    assert shown.select_one("[data-verify-link]")["href"].endswith(f"/badges/{award.uuid}/")
    assert shown.select("[data-kit-line]")  # the marketplace kit's lines
    award.refresh_from_db()
    assert award.celebrated_at is not None
    # Seen once: the next lesson page is quiet again.
    assert panel(client.get(first.url).content.decode()) is None


def test_the_script_gets_the_panel_after_a_completion_without_reload(
    client, badge_world, django_capture_on_commit_callbacks
):
    learner = make_user()
    client.force_login(learner)
    url = reverse("learning:celebrations")
    assert client.post(url).content == b""
    enrol(learner, badge_world.course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in badge_world.lessons:
            complete_component(learner, lesson, READING_COMPONENT_ID)
    html = client.post(url).content.decode()
    award = BadgeAward.objects.get(recipient=learner)
    assert f'data-celebration="{award.uuid}"' in html
    assert client.post(url).content == b""  # celebrated once


def test_a_revoked_award_is_not_celebrated(client, badge_world, django_capture_on_commit_callbacks):
    from django.utils import timezone

    learner = make_user()
    enrol(learner, badge_world.course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in badge_world.lessons:
            complete_component(learner, lesson, READING_COMPONENT_ID)
    BadgeAward.objects.filter(recipient=learner).update(revoked_at=timezone.now())
    client.force_login(learner)
    assert client.post(reverse("learning:celebrations")).content == b""


def test_the_celebration_endpoint_needs_a_signed_in_post(client):
    url = reverse("learning:celebrations")
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302  # to the login page
