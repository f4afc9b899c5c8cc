"""A new learner's journey in real Chromium, in Arabic: enrol, watch through hls.js,
leave and resume at the saved second, switch to data saver, pass a quiz, and see the
progress bar move on the dashboard. Screenshots go to test-artifacts/screenshots/.

The video is real: a clip generated with ffmpeg's lavfi sources, run through the media
pipeline (probe, one-pass HLS ladder with an audio-only rung) and served over HTTP.
"""

import shutil
import subprocess

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from learning.models import ComponentProgress, Enrolment, QuizAttempt
from media_processing.models import Video
from media_processing.pipeline import process_video
from tests import services
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
from tests.media_processing.helpers import make_video_file

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

PASSWORD = "saffron-Lantern-93"
CLIP_SECONDS = 30
H264_AAC = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"'


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    """30 s of a moving test pattern with a tone, 640×360: enough for two picture rungs."""
    if shutil.which("ffmpeg") is None:
        services.missing("ffmpeg", "Debian's ffmpeg package is not installed")
    path = tmp_path_factory.mktemp("clip") / "lesson clip.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={CLIP_SECONDS}",
            "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={CLIP_SECONDS}",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "96k", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip
    return path


@pytest.fixture
def site(settings, live_server):
    # The site's URLs plus /media/, so the live server streams the published ladder.
    settings.ROOT_URLCONF = "tests.e2e.courses_urls"
    # As in production: coming back to a lesson is served from the reader's cached copy.
    settings.BIDAYA_PAGE_CACHE_SECONDS = 600
    return live_server.url


@pytest.fixture
def course(clip):
    video = make_video_file(str(clip), title="كيف تقرأ وصف المشروع")
    process_video(video.pk)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_detail
    assert video.audio_rendition is not None
    assert len(video.video_renditions) >= 2

    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(
        parent=catalogue, title="عرضك الأول على مستقل", slug="first-proposal", track="pitching"
    )
    course.video_lesson = LessonPageFactory(
        parent=course,
        title="اقرأ المشروع قبل أن تكتب",
        slug="read-the-brief",
        body=[
            text_block("<p>شاهد الفيديو ثم أجب عن الاختبار.</p>"),
            video_block(video, title="شاهد"),
        ],
    )
    quiz = quiz_block(
        questions=[
            question(
                "ما أول ما تفعله قبل كتابة العرض؟",
                [("أقرأ وصف المشروع", True), ("أرسل عرضا عاما", False)],
            ),
            question("متى تذكر السعر؟", [("بعد أن أفهم المطلوب", True), ("في أول سطر", False)]),
        ],
        pass_mark=100,
    )
    course.quiz_lesson = LessonPageFactory(
        parent=course,
        title="اختبر فهمك",
        slug="check",
        body=[text_block("<p>سؤالان قصيران.</p>"), quiz],
    )
    course.video = video
    return course


@pytest.fixture
def learner():
    user = get_user_model().objects.create_user(
        username="salma", email="salma@example.com", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def current_time(page):
    return page.evaluate("document.querySelector('video').currentTime")


def test_learning_journey_in_arabic(page, site, course, learner, screenshot):
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    # The browser can decode what the ladder is made of (H.264 + AAC in fMP4).
    page.goto(f"{site}/ar/")
    assert page.evaluate(f"MediaSource.isTypeSupported('{H264_AAC}')") is True

    # Log in.
    page.goto(f"{site}/ar/accounts/login/?next=/ar/courses/first-proposal/")
    page.fill("#id_login", learner.email)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site}/ar/courses/first-proposal/")
    assert page.eval_on_selector("html", "el => [el.lang, el.dir]") == ["ar", "rtl"]
    screenshot(page, "learning-course-ar")

    # Enrol: free, one click, and the page now offers to start.
    page.click("[data-learn-panel] [data-enrol]")
    expect(page.locator("[data-learn-panel] a[data-continue]")).to_be_visible()
    assert Enrolment.objects.filter(user=learner, status="active").count() == 1

    page.goto(f"{site}/ar/dashboard/")
    assert page.get_attribute(f'[data-course="{course.pk}"] progress', "value") == "0"
    screenshot(page, "learning-dashboard-before-ar")

    # Watch through hls.js: the stream is attached through MediaSource, and time advances.
    page.goto(f"{site}{course.video_lesson.url}")
    video = page.locator("video[data-master-url]")
    expect(page.locator(".player-tools select[data-player-quality] option")).to_have_count(4)
    video.scroll_into_view_if_needed()
    page.evaluate("document.querySelector('video').play()")
    page.wait_for_function("() => document.querySelector('video').currentTime > 4", timeout=30_000)
    assert page.evaluate("typeof window.Hls") == "function"
    assert page.evaluate("document.querySelector('video').currentSrc").startswith("blob:")
    assert page.evaluate("document.querySelector('video').videoWidth") > 0
    screenshot(page, "learning-lesson-playing-ar")

    # Pausing sends a heartbeat with the watched range and the position.
    page.evaluate("document.querySelector('video').pause()")
    paused_at = current_time(page)
    row = wait_for_progress(page, learner, paused_at)
    assert row.watched_seconds >= 3
    saved = row.position

    # Leave (the page goes away) and come back through "continue where you left off".
    page.goto(f"{site}/ar/courses/first-proposal/")
    continue_link = page.locator("[data-learn-panel] a[data-continue]")
    href = continue_link.get_attribute("href")
    assert href == f"{course.video_lesson.url}#t={int(saved)}"
    screenshot(page, "learning-course-continue-ar")
    continue_link.click()
    page.wait_for_url(f"{site}{course.video_lesson.url}#t={int(saved)}")
    page.evaluate("document.querySelector('video').play()")
    page.wait_for_function(
        "() => document.querySelector('video').currentTime > 0.5", timeout=30_000
    )
    resumed_at = current_time(page)
    assert int(saved) - 0.5 <= resumed_at <= int(saved) + 3, (saved, resumed_at)
    expect(page.locator(".player-tools__status")).not_to_be_empty()

    # Data saver: the sound-only rung, with the poster kept on screen.
    page.select_option("select[data-player-quality]", "audio")
    page.wait_for_function(
        "() => document.querySelector('figure.video').classList.contains('is-audio-only')"
    )
    page.wait_for_function(
        "() => { const v = document.querySelector('video');"
        " return !v.paused && v.readyState >= 3 && v.videoWidth === 0; }",
        timeout=30_000,
    )
    before = current_time(page)
    page.wait_for_function(
        f"() => document.querySelector('video').currentTime > {before + 1}", timeout=30_000
    )
    assert page.evaluate("document.querySelector('video').poster").endswith(".jpg")
    assert page.evaluate("localStorage.getItem('bidaya.player.quality')") == "audio"
    screenshot(page, "learning-data-saver-ar")
    page.evaluate("document.querySelector('video').pause()")

    # Pass the quiz: the server scores it and the page shows the result in place.
    page.goto(f"{site}{course.quiz_lesson.url}")
    for fieldset in page.locator("form[data-quiz] fieldset[data-question-id]").all():
        fieldset.locator("label", has_text="أقرأ وصف المشروع").or_(
            fieldset.locator("label", has_text="بعد أن أفهم المطلوب")
        ).first.click()
    page.click("form[data-quiz] button[type=submit]")
    expect(page.locator(".quiz__verdict--passed")).to_be_visible()
    # The status box follows without a reload: the quiz was all this lesson asked for.
    expect(page.locator("[data-lesson-status].lesson-status--done")).to_be_visible()
    expect(page.locator("[data-lesson-state] .pill--done")).to_be_visible()
    expect(page.locator(".quiz__explanation").first).to_be_visible()
    assert QuizAttempt.objects.get(user=learner).passed
    screenshot(page, "learning-quiz-passed-ar")

    # The dashboard's bar moved: one of the two lessons is done.
    page.goto(f"{site}/ar/dashboard/")
    assert page.get_attribute(f'[data-course="{course.pk}"] progress', "value") == "50"
    expect(page.locator(".activity__item--quiz_passed")).to_be_visible()
    screenshot(page, "learning-dashboard-after-ar")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "learning-dashboard-phone-ar")

    # The same dashboard in English, left to right.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site}/en/dashboard/")
    assert page.eval_on_selector("html", "el => [el.lang, el.dir]") == ["en", "ltr"]
    assert page.get_attribute(f'[data-course="{course.pk}"] progress', "value") == "50"
    screenshot(page, "learning-dashboard-en")
    assert problems == []


def wait_for_progress(page, learner, at_least):
    """Poll until the pause heartbeat has reached the server."""
    for _ in range(50):
        row = ComponentProgress.objects.filter(user=learner, kind="video").first()
        if row is not None and row.position >= min(at_least, 4) - 0.5:
            return row
        page.wait_for_timeout(200)
    raise AssertionError("the pause heartbeat never arrived")


def test_api_docs_render_under_the_csp(page, live_server, screenshot):
    """The OpenAPI docs use bundled scripts (no CDN, no inline script) and list the API."""
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(
        page.locator(".opblock-summary-path", has_text="/api/v1/progress/heartbeats").first
    ).to_be_visible()
    screenshot(page, "learning-api-docs")
    assert problems == []
