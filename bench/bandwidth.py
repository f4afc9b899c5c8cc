"""What a lesson costs on a weak connection, measured in Chromium at "weak 3G".

One run, one setup: a throwaway database (SQLite in a temporary folder), a one-minute
lesson video made by ffmpeg and put through the real transcode pipeline, the production
settings served by gunicorn on loopback (hashed, pre-compressed static files through
WhiteNoise), and the published ladder served by a small static server standing in for
the CDN. Debian's Chromium, driven by Playwright, is throttled through the DevTools
protocol (Network.emulateNetworkConditions: 400 kbit/s down, 400 ms round trip) and
every byte it receives is counted from the protocol's own events (encodedDataLength:
headers and compressed bodies, what the radio carries).

Printed:

* first visit (empty cache): the bytes before the learner presses play, the time until
  the page is usable (the player is ready), and the bytes up to the first video frame;
* first frame: seconds from pressing play to the first frame on screen;
* return visit (same browser, its HTTP cache kept): bytes and time until usable;
* a 10-minute lesson at the rung "Auto" played here and at data saver (the sound-only
  rung), from the rungs' measured sizes.

The last line is ``bandwidth: first_visit_kb=… return_visit_kb=… first_frame_s=…
saver_mb_per_10min=…``; the targets are first_visit_kb ≤ 150, return_visit_kb ≤ 20 and
first_frame_s ≤ 4.

Environment: BENCH_CHROMIUM (default /usr/bin/chromium), BENCH_KBITS (default 400),
BENCH_RTT_MS (default 400), BENCH_KEEP=1 keeps the temporary folder.
"""

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where bench/http.py would
# shadow the standard library's ``http`` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import importlib.util  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from functools import partial  # noqa: E402
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("BENCH_CHROMIUM", "/usr/bin/chromium")
KBITS = float(os.environ.get("BENCH_KBITS", "400"))
RTT_MS = float(os.environ.get("BENCH_RTT_MS", "400"))
CLIP_SECONDS = 60
TEN_MINUTES = 600
TARGETS = {"first_visit_kb": 150, "return_visit_kb": 20, "first_frame_s": 4}


def load_http_bench():
    """bench/http.py's server helpers (its file name shadows the standard library's
    ``http`` package, so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location("bench_http", ROOT / "bench" / "http.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CdnHandler(SimpleHTTPRequestHandler):
    """The published ladder, as a CDN serves it: cacheable, readable cross-origin."""

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "public, max-age=31536000")
        super().end_headers()

    def log_message(self, *args):
        pass


def start_cdn(folder, port):
    folder.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(CdnHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def make_clip(path):
    """A minute of moving pictures with speech-like sound, 640×360 (two picture rungs)."""
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={CLIP_SECONDS}",
            "-f", "lavfi", "-i", f"sine=frequency=220:beep_factor=3:duration={CLIP_SECONDS}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip


def seed(clip):
    """A course whose lesson has a transcoded video, text and a quiz; an enrolled learner."""
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model

    from learning.progress.enrolment import enrol
    from media_processing.models import Video
    from media_processing.pipeline import process_video
    from tests.cms.conftest import make_site_root
    from tests.factories.cms import HomePageFactory
    from tests.factories.courses import (
        CourseIndexPageFactory,
        CoursePageFactory,
        LessonPageFactory,
        question,
        quiz_block,
        text_block,
        video_block,
    )
    from tests.factories.media import root_collection

    video = Video(title="درس القياس", original_filename=clip.name, collection=root_collection())
    with open(clip, "rb") as handle:
        video.file.save(clip.name, File(handle, name=clip.name), save=False)
    video.file_size = clip.stat().st_size
    video.save()
    outcome = process_video(video.pk)
    video.refresh_from_db()
    if not video.is_ready:
        raise SystemExit(f"the transcode failed: {outcome} {video.error_detail}")

    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, slug="bench", title="دورة القياس")
    lesson = LessonPageFactory(
        parent=course,
        slug="weak-link",
        title="اكتب عرضك الأول",
        body=[
            text_block("<p>" + "اقرأ وصف المشروع مرتين قبل أن تكتب عرضك. " * 30 + "</p>"),
            video_block(video),
            quiz_block(
                questions=[
                    question(f"سؤال رقم {n}", [("الجواب الصحيح", True), ("جواب آخر", False)])
                    for n in range(3)
                ]
            ),
        ],
    )
    user = get_user_model().objects.create_user(
        username="weak-link", email="weak-link@example.com", password=None
    )
    enrol(user, course)
    client = Client()
    client.force_login(user)
    rungs = {r.name: r.bytes / video.duration for r in video.sorted_renditions}
    return {
        "lesson_url": lesson.url,
        "session": client.cookies["sessionid"].value,
        "rungs": rungs,
        "heights": {r.height: r.name for r in video.video_renditions},
    }


class Traffic:
    """Bytes received, from the DevTools protocol's events of one page."""

    def __init__(self, cdp):
        self.bytes = 0
        self.requests = []
        cdp.on("Network.requestWillBeSent", self.sent)
        cdp.on("Network.loadingFinished", self.finished)
        cdp.on("Network.responseReceived", self.response)
        self.urls = {}
        self.started = {}

    def sent(self, event):
        self.started.setdefault(event["requestId"], event["timestamp"])

    def response(self, event):
        self.urls[event["requestId"]] = event["response"]["url"]

    def finished(self, event):
        self.bytes += event["encodedDataLength"]
        url = self.urls.get(event["requestId"], "data:")
        start = self.started.get(event["requestId"], event["timestamp"])
        self.requests.append((url, event["encodedDataLength"], start, event["timestamp"]))

    def mark(self):
        return self.bytes, len(self.requests)


def throttled_page(context):
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": RTT_MS,
            "downloadThroughput": KBITS * 1000 / 8,
            "uploadThroughput": KBITS * 1000 / 8,
        },
    )
    return page, Traffic(cdp)


USABLE = "() => window.bidayaPlayers && window.bidayaPlayers.length === 1"
PRESS_PLAY = """() => new Promise((resolve) => {
  const video = document.querySelector('video[data-master-url]');
  const pressed = performance.now();
  video.requestVideoFrameCallback(() => resolve((performance.now() - pressed) / 1000));
  video.play().catch(() => {});
})"""


def visit(page, url):
    """Open the lesson; seconds until the player is ready and the page has settled."""
    started = time.monotonic()
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_function(USABLE, timeout=120_000)
    usable = time.monotonic() - started
    # Requests still out (the lesson state, a late font) count for this visit too.
    page.wait_for_load_state("networkidle", timeout=120_000)
    return usable


def show(traffic, since):
    """Each request of the stretch: bytes, and when it began and ended (seconds after the
    stretch's first request began)."""
    listed = traffic.requests[since:]
    origin = min((start for _url, _size, start, _end in listed), default=0)
    for url, size, start, end in listed:
        if not url.startswith("data:"):
            when = f"{start - origin:5.2f} → {end - origin:5.2f} s"
            print(f"    {size / 1000:8.1f} KB  {when}  {url.split('?')[0][-80:]}")


def static_headers(base, traffic):
    """How the stylesheet is served: compressed and cacheable for good under its hash."""
    from http.client import HTTPConnection

    css = next(url for url, *_rest in traffic.requests if "/static/css/" in url)
    host, port = base.split("//", 1)[1].split(":")
    connection = HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", css[len(base) :], headers={"Accept-Encoding": "br, gzip"})
    response = connection.getresponse()
    response.read()
    encoding, caching = response.getheader("Content-Encoding"), response.getheader("Cache-Control")
    print(f"Stylesheet: Content-Encoding {encoding}, Cache-Control {caching}")


def measure(base, data):
    from playwright.sync_api import sync_playwright

    url = base + data["lesson_url"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, locale="ar", service_workers="block"
        )
        context.add_cookies([{"name": "sessionid", "value": data["session"], "url": base}])

        page, traffic = throttled_page(context)
        usable = visit(page, url)
        before_play, listed = traffic.mark()
        print(f"First visit, before play: {before_play / 1000:.1f} KB, usable in {usable:.1f} s")
        show(traffic, 0)
        static_headers(base, traffic)
        page.locator("video[data-master-url]").scroll_into_view_if_needed()
        first_frame = page.evaluate(PRESS_PLAY)
        to_first_frame, _count = traffic.mark()
        print(
            f"First frame {first_frame:.2f} s after play; "
            f"{to_first_frame / 1000:.1f} KB transferred before it"
        )
        show(traffic, listed)
        page.wait_for_function("() => document.querySelector('video').currentTime > 4")
        height = page.evaluate(
            "() => { const h = window.bidayaPlayers[0].hls;"
            " return h && h.levels[h.currentLevel] ? h.levels[h.currentLevel].height : 0; }"
        )
        page.close()

        page, traffic = throttled_page(context)
        usable_again = visit(page, url)
        return_visit, _count = traffic.mark()
        print(f"Return visit: {return_visit / 1000:.1f} KB, usable in {usable_again:.1f} s")
        show(traffic, 0)
        browser.close()

    auto_rung = data["heights"].get(height) or min(data["heights"].values())
    auto_mb = data["rungs"][auto_rung] * TEN_MINUTES / 1e6
    saver_mb = data["rungs"]["audio"] * TEN_MINUTES / 1e6
    print(
        f"10-minute lesson: {auto_mb:.1f} MB at Auto ({auto_rung}), {saver_mb:.1f} MB in data saver"
    )
    return {
        "first_visit_kb": before_play / 1000,
        "return_visit_kb": return_visit / 1000,
        "first_frame_s": first_frame,
        "saver_mb_per_10min": saver_mb,
    }


def main():
    http_bench = load_http_bench()
    workdir = Path(tempfile.mkdtemp(prefix="bidaya-bandwidth-"))
    port, cdn_port = http_bench.free_port(), http_bench.free_port()
    env, key_file = http_bench.environment(workdir, port)
    env.update(
        {
            "BIDAYA_MEDIA_CDN_URL": f"http://127.0.0.1:{cdn_port}",
            "CSP_EXTRA_MEDIA_SRC": f"http://127.0.0.1:{cdn_port}",
            "BIDAYA_RATE_HEARTBEAT": "1000/m",
        }
    )
    os.environ.update(env)
    http_bench.write_key(key_file)
    cdn = server = None
    try:
        clip = workdir / "lesson.mp4"
        make_clip(clip)
        data = seed(clip)
        cdn = start_cdn(workdir / "media", cdn_port)
        server = http_bench.start_server(env, port, workers=2)
        print(f"Chromium at {KBITS:g} kbit/s down and up, {RTT_MS:g} ms round trip")
        figures = measure(f"http://127.0.0.1:{port}", data)
    finally:
        if server is not None:
            http_bench.stop_server(server)
        if cdn is not None:
            cdn.shutdown()
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)
    for name, target in TARGETS.items():
        verdict = "meets" if figures[name] <= target else "MISSES"
        print(f"{name}: {figures[name]:.1f} ({verdict} the target of {target})")
    print(
        "bandwidth: "
        + " ".join(
            f"{name}={figures[name]:.{2 if name.endswith('_s') else 1}f}"
            for name in ("first_visit_kb", "return_visit_kb", "first_frame_s", "saver_mb_per_10min")
        )
    )


if __name__ == "__main__":
    main()
