"""Learning offline in real Chromium: the installable app, a saved course played and
answered without a network, and everything on the server once the connection returns.

The course is test_learning's: a real clip run through the media pipeline, a video
lesson and a quiz lesson. The network is cut with the browser context's offline mode,
which the service worker's requests obey too.
"""

# The journey's fixtures are imported, so the tests that take them redefine their names.
# ruff: noqa: F811

import json
import time

import pytest
from playwright.sync_api import expect

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from learning.models import ComponentProgress, QuizAttempt
from learning.progress.enrolment import enrol
from tests.e2e.test_learning import clip, course, learner, site  # noqa: F401 (fixtures)
from tests.e2e.test_review import journey  # noqa: F401 (fixture)

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield context
    for open_page in context.pages:
        open_page.goto("about:blank")
    time.sleep(0.5)
    context.close()


def sign_in(context, site, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site}])


def text_of(message, language="ar", **values):
    with translation.override(language):
        text = gettext(message)
    return text % values if values else text


def worker_ready(page):
    """Wait until the service worker controls the page. A page whose navigation began
    while the worker was activating stays uncontrolled (the worker's clients.claim()
    ran before it existed); the next load of it is controlled."""
    active = page.evaluate(
        """Promise.race([navigator.serviceWorker.ready.then(() => true),
            new Promise((resolve) => setTimeout(resolve, 40000, false))])"""
    )
    assert active, "no service worker became active"
    if page.evaluate("navigator.serviceWorker.controller === null"):
        page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=40_000)


def save(page, scope, quality):
    box = page.locator(f"{scope} [data-save-offline]")
    expect(box).to_be_visible(timeout=15_000)
    box.locator(f'input[name=quality][value="{quality}"]').check()
    box.locator("[data-save-button]").click()
    expect(box.locator("[data-save-status]")).to_have_attribute("data-tone", "done", timeout=60_000)
    return box


def settles(page, expression, timeout=30.0):
    """Poll an expression whose value is a promise until it resolves truthy.
    (wait_for_function would take the promise itself as a truthy answer.) Waiting in the
    browser lets this process attend to routed requests meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(expression):
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"never true: {expression}")


def wait_until(check, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("the server never saw it")


def test_the_app_is_installable(phone, site, learner, course):
    enrol(learner, course)
    sign_in(phone, site, learner)
    page = phone.new_page()
    page.goto(f"{site}{course.video_lesson.url}")
    worker_ready(page)
    href = page.get_attribute('link[rel="manifest"]', "href")
    manifest = page.request.get(f"{site}{href}")
    assert manifest.headers["content-type"] == "application/manifest+json"
    data = manifest.json()
    assert (data["lang"], data["dir"], data["display"]) == ("ar", "rtl", "standalone")
    assert data["name"] and data["short_name"] == text_of("Bidaya")
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}
    for icon in data["icons"]:
        assert page.request.get(f"{site}{icon['src']}").headers["content-type"] == "image/png"
    # Chromium's own verdict: the manifest parses and nothing stops installing.
    session = phone.new_cdp_session(page)
    parsed = session.send("Page.getAppManifest")
    assert parsed["errors"] == []
    # (Playwright's contexts are incognito ones, where Chromium never offers to install.)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    worker = page.request.get(f"{site}/sw.js")
    assert worker.headers["content-type"].startswith("text/javascript")
    assert worker.headers["cache-control"] == "no-cache"
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == f"{site}/"


def worker_version(page):
    return page.evaluate(
        """() => new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(event.data.version);
            navigator.serviceWorker.controller.postMessage({type: "version"}, [channel.port2]);
        })"""
    )


def test_a_new_version_waits_for_the_learner_then_takes_over(
    phone, site, learner, course, monkeypatch
):
    from cms import app

    sign_in(phone, site, learner)
    page = phone.new_page()
    page.goto(f"{site}/ar/")
    worker_ready(page)
    first = worker_version(page)
    update_line = page.locator("[data-update-line]")
    expect(update_line).to_be_hidden()
    # A deployment changes a precached file: the worker's text changes with it.
    monkeypatch.setattr(app, "_kept_digest", lambda paths: "a-new-deployment")
    monkeypatch.setattr(app.settings, "DEBUG", False, raising=False)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    expect(update_line).to_be_visible(timeout=20_000)
    expect(update_line).to_contain_text(text_of("A new version of Bidaya is ready."))
    # The page keeps the old version until the learner asks for the new one.
    assert worker_version(page) == first
    with page.expect_navigation():
        update_line.locator("button").click()
    worker_ready(page)
    assert worker_version(page) not in (first, None)
    expect(update_line).to_be_hidden()


def test_save_a_course_learn_offline_and_find_it_on_the_server(
    phone, site, learner, course, screenshot
):
    enrol(learner, course)
    sign_in(phone, site, learner)
    page = phone.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{site}/ar/courses/first-proposal/")
    worker_ready(page)

    # The size shown before downloading is the 240p rung's real bytes.
    box = page.locator("[data-learn-panel] [data-save-offline]")
    expect(box).to_be_visible(timeout=15_000)
    rung = next(r for r in course.video.video_renditions if r.height <= 240)
    box.locator('input[name=quality][value="240p"]').check()
    expected_mb = f"{max(0.1, rung.bytes / 1e6):.1f}"
    expect(box.locator("[data-size-line]")).to_contain_text(expected_mb)
    screenshot(page, "offline-save-course-ar")
    save(page, "[data-learn-panel]", "240p")
    expect(box.locator("[data-save-status]")).to_contain_text("240p")
    # Marked in the syllabus, and listed with its size on the offline page.
    expect(
        page.locator(f'[data-offline-lesson="{course.video_lesson.pk}"] [data-saved-pill]')
    ).to_be_visible()
    page.goto(f"{site}/ar/dashboard/")
    expect(page.locator(f'[data-course="{course.pk}"] [data-saved-pill]')).to_be_visible()
    screenshot(page, "offline-dashboard-ar")

    # The network goes: the saved lesson still opens and plays through the same player.
    phone.set_offline(True)
    page.goto(f"{site}{course.video_lesson.url}")
    expect(page.locator("h1")).to_have_text(course.video_lesson.title)
    page.evaluate("document.querySelector('video').play().catch(() => {})")
    page.wait_for_function("() => document.querySelector('video').currentTime > 6", timeout=40_000)
    page.evaluate("document.querySelector('video').pause()")
    bar = page.locator("[data-app-bar] [data-sync-text]")
    expect(bar).to_contain_text(
        text_of(
            "You are offline: your progress is kept on this device and sent when you reconnect."
        )
    )
    screenshot(page, "offline-lesson-playing-ar")

    # A reload offline keeps what waits (IndexedDB), and the quiz lesson opens too.
    page.reload()
    expect(bar).to_be_visible()
    page.goto(f"{site}{course.quiz_lesson.url}")
    quiz = page.locator("form[data-quiz]")
    for fieldset in quiz.locator("[data-question-id]").all():
        fieldset.locator("input").first.check()
    quiz.locator("button[type=submit]").click()
    expect(quiz.locator(".quiz__summary")).to_have_text(
        text_of(
            "You are offline: your answers are kept on this device and will be scored "
            "when you reconnect."
        )
    )
    waiting = page.evaluate("BidayaOutbox.count()")
    assert waiting >= 2  # the video's beats and the quiz answers
    screenshot(page, "offline-quiz-queued-ar")
    assert not QuizAttempt.objects.filter(user=learner).exists()

    # Back online: everything reaches the server, and the learner is told when.
    phone.set_offline(False)
    attempt = wait_until(lambda: QuizAttempt.objects.filter(user=learner).first())
    assert attempt.event_id is not None
    assert attempt.correct == attempt.total  # the first choice of each is the right one
    component = next(b.id for b in course.video_lesson.body if b.block_type == "video")
    row = wait_until(
        lambda: ComponentProgress.objects.filter(
            user=learner, component_id=component, watched_seconds__gte=5
        ).first()
    )
    assert row.intervals and row.intervals[0][0] < 1
    expect(bar).to_contain_text(
        text_of("Your offline progress went through at %(time)s.").split("%")[0]
    )
    settles(page, "BidayaOutbox.count().then(n => n === 0)")
    # The quiz's score appears in place once it has been scored.
    expect(quiz.locator(".quiz__verdict")).to_be_visible()
    screenshot(page, "offline-synced-ar")
    assert errors == []


def test_a_full_device_is_told_and_keeps_nothing_half_saved(phone, site, learner, course):
    enrol(learner, course)
    sign_in(phone, site, learner)
    page = phone.new_page()
    page.goto(f"{site}/ar/courses/first-proposal/")
    worker_ready(page)
    # A device with 1 MB for this site, less than the 360p rung and the pages.
    session = phone.new_cdp_session(page)
    session.send("Storage.overrideQuotaForOrigin", {"origin": site, "quotaSize": 1_000_000})
    box = page.locator("[data-learn-panel] [data-save-offline]")
    expect(box).to_be_visible(timeout=15_000)
    box.locator('input[name=quality][value="360p"]').check()
    box.locator("[data-save-button]").click()
    status = box.locator("[data-save-status]")
    expect(status).to_have_attribute("data-tone", "error", timeout=30_000)
    # Told in words, with what to do: caught before downloading when the browser's
    # estimate shows it, or when a write is refused.
    told = status.inner_text()
    before = text_of(
        "There is not enough space on this device: saving needs %(need)s MB and "
        "%(free)s MB is free. Remove saved lessons or choose a lower quality.",
        need="X",
        free="Y",
    ).split("X")[0]
    during = text_of(
        "This device ran out of space while saving, so nothing was kept. Remove "
        "saved lessons or choose a lower quality."
    )
    assert told.startswith(before) or told == during, told
    # Nothing of the lesson stays: no record, no page, no playlist, no segment.
    assert page.evaluate("BidayaSaved.records().then(r => r.length)") == 0
    kept = page.evaluate(
        "caches.open('bidaya-saved').then(c => c.keys()).then(k => k.map(r => r.url))"
    )
    lesson_url = f"{site}{course.video_lesson.url}"
    assert [u for u in kept if u == lesson_url or ".m3u8" in u or ".m4s" in u or ".mp4" in u] == []


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_offline_page_on_a_phone(phone, site, learner, course, language, screenshot):
    enrol(learner, course)
    sign_in(phone, site, learner)
    page = phone.new_page()
    page.goto(f"{site}/ar/courses/first-proposal/")
    worker_ready(page)
    save(page, "[data-learn-panel]", "audio")
    phone.set_offline(True)
    # A page that was never saved: the offline page of the path's language.
    page.goto(f"{site}/{language}/search/?q=x")
    expect(page.locator("[data-not-saved]")).to_be_visible()
    assert page.eval_on_selector("html", "el => el.lang") == language
    items = page.locator("[data-saved-list] li")
    expect(items).to_have_count(2)
    # The bar says the learner is offline, and offers no new version: there is none.
    expect(page.locator("[data-app-bar] [data-sync-text]")).to_be_visible()
    expect(page.locator("[data-update-line]")).to_be_hidden()
    screenshot(page, f"offline-page-{language}")
    # Removed one by one, then all at once.
    items.first.locator("button").click()
    expect(items).to_have_count(1)
    page.locator("[data-remove-all]").click()
    expect(items).to_have_count(0)
    expect(page.locator("[data-saved-empty]")).to_be_visible()
    expect(page.locator("[data-remove-all]")).to_be_hidden()
    left = page.evaluate("caches.open('bidaya-saved').then(c => c.keys()).then(k => k.length)")
    assert left == 0
    assert json.loads(page.evaluate("JSON.stringify(navigator.onLine)")) is False


def test_a_draft_written_offline_is_saved_when_the_connection_returns(browser, journey):
    from mentoring.models import Submission
    from tests.e2e.test_review import log_in

    base, lesson = journey["url"], journey["lesson"]
    enrol(journey["learner"], journey["course"])
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    log_in(page, base, "huda@example.com")
    block_id = "9b0f3c2e-5a4d-4c1b-8e7f-2d6a1b3c4d5e"
    page.goto(f"{base}/ar/learn/lessons/{lesson.pk}/assignments/{block_id}/")
    worker_ready(page)
    form = page.locator("form[data-offline-draft]")
    context.set_offline(True)
    form.locator("textarea[name=text]").fill("مسودة كتبتها دون اتصال")
    form.locator("button[value=save]").click()
    expect(form.locator("[data-draft-queued]")).to_have_text(
        text_of(
            "You are offline: your draft is kept on this device and saved when you "
            "reconnect. Hand it in once you are back online."
        )
    )
    assert not Submission.objects.filter(learner=journey["learner"]).exists()
    context.set_offline(False)
    submission = wait_until(lambda: Submission.objects.filter(learner=journey["learner"]).first())
    draft = wait_until(lambda: submission.versions.filter(text__contains="دون اتصال").first())
    assert draft.text == "مسودة كتبتها دون اتصال"
    page.goto("about:blank")
    context.close()


def test_a_shared_device_keeps_each_learners_progress_and_saved_lessons_her_own(
    phone, site, learner, course
):
    """An internet café: Salma saves a lesson and leaves progress waiting, then logs out;
    the saved lesson goes with her, and her waiting progress is neither counted nor sent
    while Karim uses the device. It goes out as hers when she signs in again."""
    karim = get_user_model().objects.create_user(username="karim", email="karim@example.com")
    enrol(learner, course)
    enrol(karim, course)
    sign_in(phone, site, learner)
    page = phone.new_page()
    posted = []
    # The context's routes see the service worker's requests (Background Sync) too.
    phone.route(
        "**/api/v1/progress/heartbeats",
        lambda route: (posted.append(route.request.headers), route.abort("internetdisconnected")),
    )
    page.goto(f"{site}/ar/courses/first-proposal/")
    worker_ready(page)
    save(page, "[data-learn-panel]", "audio")
    assert page.evaluate("BidayaSaved.records().then(r => r.length)") >= 1
    component = next(b.id for b in course.video_lesson.body if b.block_type == "video")
    opening = {
        "event_id": "6f4f7c1e-2d0a-4a37-9a8e-1c2b3d4e5f60",
        "lesson_id": course.video_lesson.pk,
        "component_id": component,
        "intervals": [],
        "position": 0,
    }
    played = {**opening, "event_id": "0b9f3a52-7c1d-4e8a-9f20-3d4c5b6a7e81", "intervals": [[0, 8]]}
    played["position"] = 8
    # Two beats that could not go (the endpoint unreachable) wait in the outbox: the one
    # that opened the video 20 s ago and the one that played 8 s of it.
    page.evaluate(
        """([opening, played]) => {
            const url = '/api/v1/progress/heartbeats';
            const now = Date.now();
            const beat = (body, madeAt) => ({kind: 'heartbeat', url, body, madeAt});
            return BidayaOutbox.add(beat(opening, now - 20000))
              .then(() => BidayaOutbox.add(beat(played, now - 10000)));
        }""",
        [opening, played],
    )
    settles(page, "BidayaOutbox.count().then(n => n === 2)")

    page.locator("form[data-logout] button").click()
    page.wait_for_url(f"{site}/**")
    expect(page.locator("form[data-logout]")).to_have_count(0)
    records = "BidayaOutbox.transact(BidayaOutbox.SAVED, 'readonly', (s) => s.count())"
    settles(page, f"{records}.then(n => n === 0)")
    assert page.evaluate("caches.has(BidayaOutbox.SAVED_CACHE)") is False
    assert page.evaluate("BidayaOutbox.count()") == 0  # nobody signed in: nothing of hers

    # The endpoint answers again: were her beats sent now (by the page or the worker's
    # Background Sync), they would count for Karim.
    phone.unroute("**/api/v1/progress/heartbeats")
    sign_in(phone, site, karim)
    page.goto(f"{site}/ar/dashboard/")
    settles(page, f"BidayaOutbox.getMeta('account').then(a => a === '{karim.pk}')")
    page.evaluate("BidayaOutbox.flush()")
    assert page.evaluate("BidayaOutbox.count()") == 0
    assert page.evaluate("BidayaOutbox.all().then(items => items.length)") == 2
    assert not ComponentProgress.objects.filter(component_id=component).exists()

    # Karim leaves; Salma comes back: her beats go out, as hers.
    page.locator("form[data-logout] button").click()
    expect(page.locator("form[data-logout]")).to_have_count(0)
    sign_in(phone, site, learner)
    page.goto(f"{site}/ar/dashboard/")
    expect(page.locator("form[data-logout]")).to_have_attribute("data-account", str(learner.pk))
    settles(page, "BidayaOutbox.flush().then(() => BidayaOutbox.all()).then((i) => !i.length)")
    assert ComponentProgress.objects.filter(user=learner, component_id=component).exists()
    assert not ComponentProgress.objects.filter(user=karim).exists()
    report = page.evaluate("BidayaOutbox.getMeta('lastSync')")
    assert report["sent"] == 2 and report["refused"] == []
