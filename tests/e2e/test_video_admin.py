"""The video library in real Chromium: upload with the progress bar, the ready detail page,
the listing, in Arabic (right to left) and English; hls.js playing the published ladder."""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage

from wagtail.users.models import UserProfile

from media_processing.models import Video
from media_processing.pipeline import process_video
from tests import services
from tests.media_processing.helpers import make_video_file
from tests.media_processing.media import MediaLibrary

from .conftest import admin_log_in

pytestmark = pytest.mark.slow

PASSWORD = "Reel-cinnamon-74"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return MediaLibrary(tmp_path_factory.mktemp("e2e-media"))


@pytest.fixture(autouse=True)
def wagtail_roots(transactional_db):
    """Flushed tables lose the root collection and page that migrations created."""
    from wagtail.models import Collection, Locale, Page

    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    Locale.objects.get_or_create(language_code="ar")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root")


@pytest.fixture
def csp_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


def log_in(page, live_server, language):
    user = get_user_model().objects.create_superuser(
        f"editor-{language}", f"editor-{language}@example.com", PASSWORD
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    admin_log_in(page, live_server.url, user, PASSWORD)
    return user


@pytest.mark.parametrize("language", ["ar", "en"])
def test_upload_with_progress_then_ready_detail(
    page, live_server, media, language, csp_violations, screenshot, settings
):
    log_in(page, live_server, language)
    page.goto(f"{live_server.url}/admin/videos/new/")
    direction = "rtl" if language == "ar" else "ltr"
    assert page.eval_on_selector("html", "el => el.dir") == direction
    page.set_input_files("input[type=file]", str(media.path("arabic")))
    screenshot(page, f"video-upload-{language}")

    # The upload goes through XMLHttpRequest: the bar fills, then the page moves on.
    page.click("[data-video-upload-submit]")
    expect(page.locator("[data-video-upload-status]")).not_to_be_empty()
    page.wait_for_url("**/admin/videos/inspect/*/", timeout=120_000)
    video = Video.objects.get()
    assert video.original_filename == media.path("arabic").name
    # The test profile runs tasks inline, so the transcode finished with the upload.
    assert video.status == Video.Status.READY, video.error_detail
    rows = page.locator("[data-rendition]")
    expect(rows).to_have_count(3)
    expect(page.locator('[data-rendition="audio"]')).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 1800})  # the admin scrolls inside <main>
    screenshot(page, f"video-detail-{language}")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{live_server.url}/admin/videos/")
    expect(page.locator(f'[data-video-status="{video.pk}"]')).to_have_attribute(
        "data-status", "ready"
    )
    screenshot(page, f"video-list-{language}")
    assert csp_violations == []


def test_listing_follows_transcoding_progress(page, live_server):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories.media import VideoFactory

    log_in(page, live_server, "en")
    video = VideoFactory(
        title="Being prepared",
        status=Video.Status.PROCESSING,
        progress=10,
        lease_expires_at=timezone.now() + timedelta(minutes=5),
    )
    page.goto(f"{live_server.url}/admin/videos/")
    badge = page.locator(f'[data-video-status="{video.pk}"]')
    expect(badge.locator("[data-video-status-percent]")).to_have_text("10%")
    Video.objects.filter(pk=video.pk).update(progress=55)
    expect(badge.locator("[data-video-status-percent]")).to_have_text("55%", timeout=15_000)
    expect(badge.locator("progress")).to_have_attribute("value", "55")
    Video.objects.filter(pk=video.pk).update(status=Video.Status.READY, progress=100)
    expect(badge).to_have_attribute("data-status", "ready", timeout=15_000)
    expect(badge.locator("[data-video-status-label]")).to_have_text("Ready")


def test_file_over_the_limit_is_stopped_before_it_is_sent(page, live_server, media, settings):
    settings.BIDAYA_VIDEO_MAX_UPLOAD_BYTES = 50_000
    log_in(page, live_server, "en")
    page.goto(f"{live_server.url}/admin/videos/new/")
    requests = []
    page.on("request", lambda request: requests.append(request.method))
    page.set_input_files("input[type=file]", str(media.path("landscape")))
    errors = page.locator("[data-video-upload-errors]")
    expect(errors).to_be_visible()
    expect(errors).to_contain_text("larger than 50 KB")
    page.click("[data-video-upload-submit]")
    expect(errors).to_contain_text("larger than 50 KB")
    assert "POST" not in requests
    assert Video.objects.count() == 0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".m3u8": "application/vnd.apple.mpegurl",
        ".m4s": "video/iso.segment",
        ".mp4": "video/mp4",
        ".js": "text/javascript",
    }

    def log_message(self, *args):
        pass


PLAYER = """<!doctype html><meta charset="utf-8"><video id="v" muted playsinline></video>
<script src="hls.min.js"></script>
<script>
  const video = document.getElementById("v");
  window.hls = new Hls({ startLevel: 0 });
  window.hlsErrors = [];
  hls.on(Hls.Events.ERROR, (_e, data) => { if (data.fatal) hlsErrors.push(data.details); });
  hls.loadSource("MASTER");
  hls.attachMedia(video);
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
</script>"""


def test_hlsjs_plays_the_published_ladder_and_switches_rungs(page, media, tmp_path, settings):
    hls_js = ROOT / "node_modules" / "hls.js" / "dist" / "hls.min.js"
    if not hls_js.exists():
        services.missing("Chromium", "the player's hls.js is not installed (npm ci)")
    video = make_video_file(media.path("hd"))
    process_video(video.pk)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_detail

    root = Path(default_storage.path(""))
    shutil.copy(hls_js, root / "hls.min.js")
    (root / "player.html").write_text(PLAYER.replace("MASTER", "/" + video.master_path))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/player.html")
        if not page.evaluate(
            "MediaSource.isTypeSupported('video/mp4; codecs=\"avc1.4d401e,mp4a.40.2\"')"
        ):
            services.missing("Chromium", "this Chromium build cannot decode H.264/AAC")
        page.wait_for_function("document.getElementById('v').currentTime > 1", timeout=60_000)
        levels = page.evaluate("hls.levels.map(l => [l.width, l.height])")
        assert levels == [[426, 240], [640, 360], [854, 480], [1280, 720]]
        # Each picture rung carries its own sound: no separate audio playlist, and the
        # sound is decoded along with the picture.
        assert page.evaluate("hls.audioTracks.length") == 0
        page.wait_for_function(
            "document.getElementById('v').webkitAudioDecodedByteCount > 0", timeout=10_000
        )
        page.evaluate("hls.currentLevel = 3")
        page.wait_for_function(
            "hls.currentLevel === 3 && document.getElementById('v').currentTime > 2.5",
            timeout=60_000,
        )
        assert page.evaluate("window.hlsErrors") == []
    finally:
        server.shutdown()
