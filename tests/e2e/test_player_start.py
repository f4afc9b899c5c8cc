"""How the lesson player starts, in real Chromium: nothing but the poster before the
learner presses play (no playlist, no segment, no hls.js, no loading spinner), hls.js
fetched on the press (the build that plays the ladder with its sound), a saved position near
the end of an unfinished video resumed there, exact speed labels, and "Auto" starting
above the lowest rung when the bandwidth measured before allows it.
"""

# The journey's fixtures are imported, so the tests that take them redefine their names.
# ruff: noqa: F811

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings as django_settings
from django.test import Client

from learning.models import ComponentProgress
from learning.progress.enrolment import enrol
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_learning import CLIP_SECONDS, clip, course, learner, site  # noqa: F401

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

STREAMING = re.compile(r"\.m3u8|\.ts(\?|$)|\.m4s|/init\.mp4|\.mp4(\?|$)|/hls[^/]*\.js")
RUNG_FRAGMENT = re.compile(r"/(\d+p)/(?:init[_\d]*\.mp4|seg_\d+\.m4s)")
VIDEO = "video[data-master-url]"


@pytest.fixture
def signed_in(page, site, learner, course):
    """The learner, enrolled, signed in in the browser; returns the lesson's address."""
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])
    return f"{site}{course.video_lesson.url}"


def recorded(page):
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def press_play(page):
    page.locator(VIDEO).press("k")


def wait_until_played(page, seconds):
    page.wait_for_function(
        f"() => document.querySelector('video').currentTime > {seconds}", timeout=30_000
    )


def saved_progress(learner, course, position):
    """The learner watched a little and stopped at ``position``: the video is not done."""
    component = next(b.id for b in course.video_lesson.body if b.block_type == "video")
    ComponentProgress.objects.create(
        user=learner,
        lesson_key=course.video_lesson.translation_key,
        course_key=course.translation_key,
        component_id=component,
        kind="video",
        duration=float(CLIP_SECONDS),
        position=position,
        intervals=[[0.0, 5.0]],
        watched_seconds=5.0,
    )


def test_only_the_poster_loads_before_play_then_hls_js_plays_the_ladder_with_sound(
    page, signed_in, screenshot
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    urls = recorded(page)
    page.goto(signed_in)
    video = page.locator(VIDEO)
    video.scroll_into_view_if_needed()
    page.wait_for_function("() => window.bidayaPlayers && window.bidayaPlayers.length === 1")
    page.wait_for_load_state("networkidle")
    # The poster is the only media the page asked for.
    assert [url for url in urls if url.endswith("poster.jpg")]
    assert [url for url in urls if STREAMING.search(url)] == []
    # Nothing is loading, so the browser's controls show no spinner, and no source is
    # picked that a press would fetch natively before hls.js takes over.
    assert page.evaluate("document.querySelector('video').networkState") == 0  # EMPTY
    # The quality menu lists the rungs already, from the page.
    expect(page.locator("select[data-player-quality] option")).to_have_count(4)
    screenshot(page, "player-before-play-ar")
    page.locator("figure.video").screenshot(path=str(ARTIFACTS / "player-before-play-frame-ar.png"))

    pressed_at = len(urls)
    press_play(page)
    wait_until_played(page, 3)
    after = urls[pressed_at:]
    scripts = [url for url in after if re.search(r"/hls(?!\.worker)[^/]*\.js", url)]
    # Each picture rung carries its own sound, so the light build is the one fetched (the
    # full one, 60 % bigger, is only for older ladders with a separate sound playlist).
    assert len(scripts) == 1 and re.search(r"/hls\.light\.min(\.[0-9a-f]+)?\.js$", scripts[0])
    assert [url for url in after if url.endswith("master.m3u8")]
    # The MP4 download is not fetched: hls.js streams the ladder (init segments aside).
    assert not [url for url in after if url.endswith(".mp4") and "/init" not in url]
    assert page.evaluate("document.querySelector('video').currentSrc").startswith("blob:")
    assert page.evaluate("document.querySelector('video').videoWidth") > 0
    # The ladder's sound plays too (it is decoded, not only the picture).
    page.wait_for_function(
        "() => document.querySelector('video').webkitAudioDecodedByteCount > 0", timeout=10_000
    )
    screenshot(page, "player-playing-ar")
    assert errors == []


def test_a_saved_position_near_the_end_of_an_unfinished_video_resumes_there(
    page, signed_in, learner, course
):
    saved_progress(learner, course, CLIP_SECONDS - 3.5)
    page.goto(signed_in)
    expect(page.locator("[data-lesson-status]")).to_be_visible()
    press_play(page)
    page.wait_for_function("() => document.querySelector('video').currentTime > 1")
    at = page.evaluate("document.querySelector('video').currentTime")
    assert CLIP_SECONDS - 4 <= at <= CLIP_SECONDS, at
    expect(page.locator(".player-tools__status")).to_have_text(re.compile(r"0:26"))


def test_a_position_in_the_last_seconds_resumes_a_little_before_the_end(
    page, signed_in, learner, course
):
    saved_progress(learner, course, CLIP_SECONDS - 0.2)
    page.goto(signed_in)
    press_play(page)
    page.wait_for_function("() => document.querySelector('video').currentTime > 1")
    at = page.evaluate("document.querySelector('video').currentTime")
    assert CLIP_SECONDS - 3.5 <= at <= CLIP_SECONDS, at


def test_speed_labels_are_exact(page, signed_in):
    page.goto(signed_in)
    labels = page.locator("select[data-player-speed] option").all_inner_texts()
    assert labels == ["0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×"]
    page.goto(signed_in.replace("/ar/", "/fr/", 1))
    if page.locator("select[data-player-speed]").count():
        labels = page.locator("select[data-player-speed] option").all_inner_texts()
        assert labels[0] == "0,75×" and labels[2] == "1,25×"


def first_rung(page, urls, since):
    page.wait_for_function("() => document.querySelector('video').currentTime > 1", timeout=30_000)
    rungs = [m.group(1) for m in (RUNG_FRAGMENT.search(url) for url in urls[since:]) if m]
    return rungs[0]


@pytest.mark.parametrize(("saved_estimate", "expected"), [("3000000", "360p"), ("150000", "240p")])
def test_auto_starts_at_the_rung_the_measured_bandwidth_allows(
    page, signed_in, saved_estimate, expected
):
    urls = recorded(page)
    page.goto(signed_in)
    page.evaluate(f"localStorage.setItem('bidaya.player.bandwidth', '{saved_estimate}')")
    since = len(urls)
    press_play(page)
    assert first_rung(page, urls, since) == expected
    assert page.evaluate("window.bidayaPlayers[0].qualitySelect.value") == "auto"


def test_the_measured_bandwidth_is_kept_for_the_next_session(page, signed_in):
    page.goto(signed_in)
    assert page.evaluate("localStorage.getItem('bidaya.player.bandwidth')") is None
    press_play(page)
    wait_until_played(page, 2)
    assert float(page.evaluate("localStorage.getItem('bidaya.player.bandwidth')")) > 0
