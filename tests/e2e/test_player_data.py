"""Data in the player, in real Chromium: the account's data saver starts a lesson with
the sound only and the quality menu saves the learner's choice to the account; each
heartbeat says which rung played, so the server can count the data used."""

# The journey's fixtures are imported, so the tests that take them redefine their names.
# ruff: noqa: F811

import time

import pytest
from playwright.sync_api import expect

from learning.models import Heartbeat
from notifications.models import NotificationPreference
from tests.e2e.test_learning import clip, course, learner, site  # noqa: F401
from tests.e2e.test_player_start import (  # noqa: F401
    RUNG_FRAGMENT,
    VIDEO,
    press_play,
    recorded,
    signed_in,
    wait_until_played,
)

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]


def eventually(check, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return check()


def test_data_saver_on_the_account_plays_sound_and_the_menu_saves_the_choice(
    page, signed_in, learner, screenshot
):
    NotificationPreference.objects.create(user=learner, language="ar", data_saver=True)
    urls = recorded(page)
    page.goto(signed_in)
    quality = page.locator("select[data-player-quality]")
    # Before play the menu already says data saver, from the account.
    expect(quality).to_have_value("audio")
    expect(page.locator("figure.video")).to_have_class("video is-audio-only")
    screenshot(page, "player-data-saver-ar")

    press_play(page)
    wait_until_played(page, 2)
    fragments = [url for url in urls if "/audio/" in url and url.endswith(".m4s")]
    assert fragments and not [url for url in urls if RUNG_FRAGMENT.search(url)]
    page.locator(VIDEO).evaluate("video => video.pause()")
    assert eventually(lambda: Heartbeat.objects.filter(user=learner, rung="audio").exists())
    assert Heartbeat.objects.get(user=learner, rung="audio").data_bytes > 0

    # Picking a picture quality in the player turns data saver off on the account.
    quality.select_option("auto")
    assert eventually(lambda: not NotificationPreference.objects.get(user=learner).data_saver)


def test_each_beat_names_the_picture_rung_that_played(page, signed_in, learner):
    page.goto(signed_in)
    press_play(page)
    wait_until_played(page, 3)
    page.locator(VIDEO).evaluate("video => video.pause()")
    assert eventually(lambda: Heartbeat.objects.filter(user=learner).exclude(rung="").exists())
    beat = Heartbeat.objects.filter(user=learner).exclude(rung="").get()
    assert beat.rung in ("240p", "360p")
    assert beat.data_bytes > 0
    # The account's data saver stays off: nothing in the player changed it.
    assert not NotificationPreference.objects.filter(user=learner, data_saver=True).exists()
