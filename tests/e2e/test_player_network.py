"""The lesson player under bad networks and production static files, in real Chromium.

The site runs with the production static storage (ManifestStaticFilesStorage, after
``collectstatic`` into a temporary folder), so every script has a hashed name, as it
has in production. Then the player
meets a connection that drops, a browser that refuses to play, and a heartbeat queue
that overflows while a request is still out.
"""

# The journey's fixtures are imported, so the tests that take them redefine their names.
# ruff: noqa: F811

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time
from playwright.sync_api import expect

from django.conf import settings as django_settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation
from django.utils.translation import gettext

from learning.models import ComponentProgress
from learning.progress import heartbeats
from learning.progress.enrolment import enrol
from tests.e2e.test_learning import clip, course, learner  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

MANIFEST_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
STATIC_URL = "/built-static/"
# Start playback without waiting for play()'s promise, which never settles while no
# media arrives.
PLAY = "() => { document.querySelector('video').play().catch(() => {}); }"


def production_storages():
    return {**django_settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}


@pytest.fixture(scope="module")
def built_static(tmp_path_factory):
    root = tmp_path_factory.mktemp("static-root")
    with override_settings(STATIC_ROOT=str(root), STORAGES=production_storages()):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def site(settings, live_server, built_static):
    settings.ROOT_URLCONF = "tests.e2e.built_static_urls"
    settings.STATIC_ROOT = str(built_static)
    settings.STATIC_URL = STATIC_URL
    settings.STORAGES = production_storages()
    return live_server.url


@pytest.fixture
def signed_in(page, site, learner, course):
    """The learner, enrolled, signed in in the browser; returns the lesson's address."""
    enrol(learner, course)
    client = Client()
    client.force_login(learner)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])
    return f"{site}{course.video_lesson.url}"


def text_of(message):
    with translation.override("ar"):
        return gettext(message)


def errors_of(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_play_fetches_the_start_of_the_ladder_beside_hls_js_and_starts_no_worker(page, signed_in):
    """On play, the playlists and the first segments travel while hls.js is still on its
    way (on a slow link their round trips would otherwise follow the script's), and no
    transmuxing worker is fetched: the ladder is fragmented MP4."""
    errors = errors_of(page)
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    light = staticfiles_storage.url("vendor/hls/hls.light.min.js")
    assert light.startswith(STATIC_URL) and light != f"{STATIC_URL}vendor/hls/hls.light.min.js"

    def slow_script(route):
        page.wait_for_timeout(1500)  # a slow link: the script arrives late
        route.continue_()

    page.route("**/vendor/hls/hls.light.min*.js", slow_script)
    page.goto(signed_in)
    # The bandwidth measured in an earlier session: a weak link, so "Auto" starts low.
    page.evaluate("localStorage.setItem('bidaya.player.bandwidth', '300000')")
    page.reload()
    assert light in page.content()
    page.evaluate(PLAY)
    page.wait_for_function("() => document.querySelector('video').currentTime > 2", timeout=30_000)
    assert page.evaluate("document.querySelector('video').currentSrc").startswith("blob:")
    assert workers == []
    timings = page.evaluate(
        """() => performance.getEntriesByType('resource').map(
            (e) => [e.name.split('?')[0], e.startTime, e.responseEnd])"""
    )
    script = light.rsplit("/", 1)[1]
    script_end = next(end for name, _start, end in timings if name.endswith(script))

    def first_start(suffix):
        return min(start for name, start, _end in timings if name.endswith(suffix))

    for suffix in ("/master.m3u8", "/240p/index.m3u8", "/240p/init_0.mp4", "/240p/seg_00000.m4s"):
        assert first_start(suffix) < script_end - 1000, suffix
    # hls.js started on the rung that was fetched ahead, at its first segment.
    assert page.evaluate("window.bidayaPlayers[0].hls.levels[0].height") == 240
    assert errors == []


def test_a_dropped_connection_is_retried_with_backoff_and_explained(page, signed_in):
    errors = errors_of(page)
    blocked = {"on": True}

    def playlists(route):
        if blocked["on"]:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/*.m3u8", playlists)
    page.goto(signed_in)
    page.evaluate(PLAY)
    status = page.locator(".player-tools__status")
    expect(status).to_have_text(
        text_of("The connection was lost. The video will try again by itself."), timeout=20_000
    )
    # Each new failure waits twice as long as the one before.
    page.wait_for_function("() => (window.bidayaPlayers[0].retryDelays || []).length >= 2")
    assert page.evaluate("window.bidayaPlayers[0].retryDelays.slice(0, 2)") == [2, 4]

    blocked["on"] = False
    page.wait_for_function("() => document.querySelector('video').currentTime > 1", timeout=30_000)
    expect(status).to_have_text(text_of("Connected again."))
    assert errors == []


def test_a_refused_play_asks_the_learner_to_press_play(page, signed_in):
    errors = errors_of(page)
    page.add_init_script(
        "HTMLMediaElement.prototype.play = function () {"
        " return Promise.reject(new DOMException('blocked', 'NotAllowedError')); };"
    )
    page.goto(signed_in)
    page.locator("video[data-master-url]").press("k")
    expect(page.locator(".player-tools__status")).to_have_text(
        text_of("Press play to start the video.")
    )
    assert errors == []


def test_an_overflowing_queue_loses_no_beat_not_even_the_one_in_flight(
    page,
    signed_in,
    learner,
    course,
):
    # The video was opened ten minutes ago: the server's cap, not time, bounds the credit.
    component = next(b.id for b in course.video_lesson.body if b.block_type == "video")
    with freeze_time(datetime.now(UTC) - timedelta(minutes=10)):
        heartbeats.record(
            learner, heartbeats.Beat(uuid.uuid4(), course.video_lesson.pk, component, 0.0, [])
        )
    held = []
    released = {"on": False}

    def hold(route):
        if released["on"]:
            route.continue_()
        else:
            held.append(route)

    page.route("**/api/v1/progress/heartbeats", hold)
    page.goto(signed_in)
    page.wait_for_function("() => window.bidayaPlayers && window.bidayaPlayers.length === 1")
    # Sixty beats of 0.2 s each, 0.3 s apart, while the first request gets no answer.
    try:
        summary = page.evaluate(
            """() => {
              const player = window.bidayaPlayers[0];
              const beats = player.heartbeats;
              for (let i = 0; i < 60; i++) {
                player.ranges.closed.push([i * 0.5, i * 0.5 + 0.2]);
                beats.beat("tick");
              }
              const ranges = beats.queue.flatMap((entry) => (entry.payload || entry).intervals);
              return {
                length: beats.queue.length,
                inFlightFirst: beats.queue[0] === beats.inFlight,
                covered: ranges.reduce((sum, r) => sum + (r[1] - r[0]), 0),
              };
            }"""
        )
        assert summary["length"] == 40
        assert summary["inFlightFirst"] is True
        assert summary["covered"] == pytest.approx(12.0)
        # The route handler runs as Playwright dispatches events: let it see the request.
        for _ in range(50):
            if held:
                break
            page.wait_for_timeout(100)
        assert len(held) == 1
    finally:
        # Answer what was held, whatever happened, so the page can close.
        released["on"] = True
        for route in held:
            route.continue_()
    page.wait_for_function(
        "() => window.bidayaPlayers[0].heartbeats.queue.length === 0", timeout=30_000
    )
    row = ComponentProgress.objects.get(user=learner, kind="video")
    assert row.watched_seconds == pytest.approx(12.0)
    assert len(row.intervals) == 60
