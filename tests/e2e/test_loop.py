"""The whole loop in real Chromium, on a phone, in Arabic: a newcomer signs up from a
course page, confirms her address from the e-mail, lands back on the course, enrols,
watches a real transcoded clip, passes the quiz and hands in; the course's mentor (the
demo mentor, in the cohort the demo seeder made) finds the work in his queue and asks
for changes; she hands in again; he approves; the badge is on her dashboard and its
public page, opened by a stranger, says it is valid. Then the journey's key pages in
English and French. Screenshots: ``loop-*.png`` under test-artifacts/screenshots/.
"""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from credentials.models import BadgeAward
from credentials.signing import SigningKey
from learning.models import ComponentProgress
from learning.progress.enrolment import enrol
from mentoring.models import Submission
from mentoring.states import State

from . import loop_world as world
from .conftest import close_quietly

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

PASSWORD = world.PASSWORD
CONFIRM_LINK = re.compile(r"https?://\S+/confirm-email/\S+")
PROPOSAL = "مرحبا، قرأت وصف مشروعك جيدا. أصمم لك شعارا بثلاثة نماذج خلال أربعة أيام."
FEEDBACK = "بداية جيدة. اذكري السعر وموعد التسليم بدقة."
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}


@pytest.fixture
def loop(settings, live_server, tmp_path):
    settings.ROOT_URLCONF = "tests.e2e.courses_urls"  # the site plus /media/ for the clip
    settings.SITE_URL = live_server.url
    settings.BIDAYA_MENTOR_DIGEST_MINUTES = 0
    key = tmp_path / "badge-key.pem"
    key.write_bytes(SigningKey.generate(bits=2048).private_pem())
    key.chmod(0o600)
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = str(key)
    mentor = world.seed_demo_site(settings, tmp_path)
    pages = world.build_course(world.make_clip(tmp_path))
    cohort = world.seed_cohort(settings, tmp_path)
    assert list(cohort.mentors.all()) == [mentor]
    badge = world.assignment_badge(pages)
    return {"url": live_server.url, "pages": pages, "mentor": mentor, "badge": badge}


@pytest.fixture
def phone(browser):
    contexts = []

    def open_phone(locale="ar"):
        context = browser.new_context(locale=locale, is_mobile=True, has_touch=True, **PHONE)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        close_quietly(context)


def watch_problems(page):
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def lang_dir(page):
    return page.eval_on_selector("html", "el => [el.lang, el.dir]")


WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
    .filter(el => { const box = el.getBoundingClientRect();
                    return box.width && (box.right > 391 || box.left < -1); })
    .slice(0, 5)
    .map(el => el.tagName + '.' + el.className + ' ' + el.textContent.trim().slice(0, 40))"""


def fits_the_phone(page):
    """No sideways scrolling; on failure, name the first elements that stick out."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (page.url, width, page.evaluate(WIDER_THAN_THE_SCREEN))


def test_the_whole_loop_on_a_phone_in_arabic(loop, phone, mailoutbox, screenshot):
    base, pages, badge = loop["url"], loop["pages"], loop["badge"]
    course_url = f"{base}/ar/courses/first-proposal/"
    lesson_url = f"{base}{pages.lesson.url}"
    learner = phone()
    problems = watch_problems(learner)

    # --- she signs up from the course page ---------------------------------------------
    learner.goto(course_url)
    assert lang_dir(learner) == ["ar", "rtl"]
    fits_the_phone(learner)
    screenshot(learner, "loop-01-course-visitor-ar")
    learner.locator("[data-learn-panel] a.button").click()
    learner.wait_for_url(re.compile(r"/ar/accounts/signup/\?next="))
    learner.fill("#id_name", "سلمى العلوي")
    learner.fill("#id_email", "salma@example.com")
    learner.fill("#id_password1", PASSWORD)
    learner.fill("#id_password2", PASSWORD)
    screenshot(learner, "loop-02-signup-ar")
    learner.click("form.account-form--signup button[type=submit]")
    learner.wait_for_url(re.compile(r"/ar/accounts/confirm-email/"))

    # --- she confirms her address from the e-mail and comes back to the course ---------
    (message,) = mailoutbox
    assert message.to == ["salma@example.com"]
    link = CONFIRM_LINK.search(message.body).group(0)
    learner.goto(link)
    learner.click("main form button[type=submit]")
    learner.wait_for_load_state()
    if urlsplit(learner.url).path == "/ar/accounts/login/":
        learner.fill("#id_login", "salma@example.com")
        learner.fill("#id_password", PASSWORD)
        learner.click("form.account-form--login button[type=submit]")
    learner.wait_for_url(course_url)
    salma = get_user_model().objects.get(email="salma@example.com")
    assert salma.first_name == "سلمى العلوي"

    # --- enrols, and is placed in the course's cohort ----------------------------------
    learner.click("[data-learn-panel] [data-enrol]")
    expect(learner.locator("[data-learn-panel] a[data-continue]")).to_be_visible()
    assert salma.cohort_memberships.get().cohort.mentors.get() == loop["mentor"]
    screenshot(learner, "loop-03-course-enrolled-ar")

    # --- watches the clip to the end ---------------------------------------------------
    learner.goto(lesson_url)
    fits_the_phone(learner)
    learner.locator("video[data-master-url]").scroll_into_view_if_needed()
    learner.evaluate("document.querySelector('video').play()")
    learner.wait_for_function("() => document.querySelector('video').ended", timeout=40_000)
    wait_until(learner, lambda: video_row(salma) is not None and video_row(salma).done_at)
    # The status box ticks the video without a reload; the lesson still asks for more.
    status = learner.locator("[data-lesson-status]")
    expect(status.locator(f'[data-component="{pages.video_id}"].is-done')).to_be_visible()
    expect(status.locator("[data-lesson-state] .pill--done")).to_have_count(0)
    screenshot(learner, "loop-04-lesson-watched-ar")

    # --- passes the quiz ---------------------------------------------------------------
    learner.locator("form[data-quiz] label", has_text="أقرأ وصف المشروع").click()
    learner.click("form[data-quiz] button[type=submit]")
    expect(learner.locator(".quiz__verdict--passed")).to_be_visible()
    expect(status.locator("li.is-done")).to_have_count(2)  # the video and the quiz

    # --- hands in ----------------------------------------------------------------------
    form = learner.locator("form.assignment__form")
    form.locator("textarea[name=text]").fill(PROPOSAL)
    screenshot(learner, "loop-05-lesson-hand-in-ar")
    form.locator("button[type=submit]").click()
    expect(learner.locator(".workspace__state .state--submitted")).to_be_visible()
    workspace_url = learner.url
    screenshot(learner, "loop-06-handed-in-ar")

    # --- the demo mentor finds it in his queue and asks for changes --------------------
    mentor = phone()
    mentor_problems = watch_problems(mentor)
    log_in(mentor, base, loop["mentor"].email)
    mentor.goto(f"{base}/ar/mentor/")
    item = mentor.locator(".queue-item", has_text="اكتب عرضك الأول")
    expect(item).to_contain_text("سلمى العلوي")
    fits_the_phone(mentor)
    screenshot(mentor, "loop-07-mentor-queue-ar")
    review(mentor, item, FEEDBACK, "request_changes", levels=("1", "0"))
    assert Submission.objects.get().state == State.CHANGES_REQUESTED

    # --- she reads the feedback and hands in again -------------------------------------
    learner.goto(workspace_url)
    expect(learner.locator(".workspace__feedback")).to_contain_text(FEEDBACK)
    learner.locator("textarea[name=text]").fill(PROPOSAL + " السعر 50 دولارا، والتسليم الخميس.")
    learner.locator("button[name=action][value=submit]").click()
    expect(learner.locator(".workspace__state .state--resubmitted")).to_be_visible()
    screenshot(learner, "loop-08-resubmitted-ar")

    # The waiting work, in the mentor's queue in English and French too.
    for code in ("en", "fr"):
        mentor.goto(f"{base}/{code}/mentor/")
        assert lang_dir(mentor) == [code, "ltr"]
        expect(mentor.locator(".queue-item", has_text="اكتب عرضك الأول")).to_be_visible()
        screenshot(mentor, f"loop-09-mentor-queue-{code}")

    # --- he approves; the badge is hers ------------------------------------------------
    mentor.goto(f"{base}/ar/mentor/")
    item = mentor.locator(".queue-item", has_text="اكتب عرضك الأول")
    review(mentor, item, "ممتاز، عرض جاهز للإرسال.", "approve", levels=("2", "1"))
    assert Submission.objects.get().state == State.APPROVED
    award = BadgeAward.objects.get(recipient=salma, badge_class=badge)

    learner.goto(f"{base}/ar/dashboard/")
    card = learner.locator(f'[data-badge="{award.uuid}"]')
    expect(card).to_contain_text("عرض أول مقبول")
    learner.wait_for_function(  # the badge's image is drawn and served
        "img => img.complete && img.naturalWidth > 0",
        arg=card.locator("img").element_handle(),
        timeout=10_000,
    )
    fits_the_phone(learner)
    screenshot(learner, "loop-10-dashboard-badge-ar")
    learner.goto(lesson_url)
    expect(learner.locator("[data-lesson-state] .pill--done")).to_be_visible()
    screenshot(learner, "loop-11-lesson-done-ar")

    # --- a stranger opens the verification page: valid ----------------------------------
    stranger = phone()
    stranger.goto(f"{base}/ar/badges/{award.uuid}/")
    expect(stranger.locator(".badge-status--valid")).to_be_visible()
    expect(stranger.locator(".badge-page__learner")).to_contain_text("سلمى العلوي")
    fits_the_phone(stranger)
    screenshot(stranger, "loop-12-verification-ar")

    # --- the key pages in English and French -------------------------------------------
    for code in ("en", "fr"):
        course = getattr(pages, f"course_{code}")
        lesson = getattr(pages, f"lesson_{code}")
        learner.goto(f"{base}{course.url}")
        assert lang_dir(learner) == [code, "ltr"]
        expect(learner.locator("h1")).to_contain_text(course.title)
        fits_the_phone(learner)
        screenshot(learner, f"loop-13-course-{code}")
        learner.goto(f"{base}{lesson.url}")
        expect(learner.locator("[data-lesson-state] .pill--done")).to_be_visible()
        fits_the_phone(learner)
        screenshot(learner, f"loop-14-lesson-{code}")
        stranger.goto(f"{base}/{code}/badges/{award.uuid}/")
        assert lang_dir(stranger) == [code, "ltr"]
        expect(stranger.locator(".badge-status--valid")).to_be_visible()
        expect(stranger.locator(".badge-page__title, h1").first).to_contain_text(
            getattr(badge, f"name_{code}")
        )
        fits_the_phone(stranger)
        screenshot(stranger, f"loop-15-verification-{code}")

    assert problems == [] and mentor_problems == []


def test_the_status_box_ticks_the_video_while_the_lesson_asks_for_more(loop, phone):
    """The lesson also holds a quiz and an assignment, so watching the video does not
    finish it; the box still ticks "watch the video" as soon as the server counts it."""
    base, pages = loop["url"], loop["pages"]
    learner = get_user_model().objects.create_user(
        username="nour", email="nour@example.com", password=PASSWORD
    )
    EmailAddress.objects.create(user=learner, email=learner.email, primary=True, verified=True)
    enrol(learner, pages.course)
    page = phone()
    page.goto(f"{base}/ar/accounts/login/?next={pages.lesson.url}")
    page.fill("#id_login", learner.email)
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form--login button[type=submit]")
    page.wait_for_url(f"{base}{pages.lesson.url}")
    video_item = page.locator(f'[data-lesson-status] [data-component="{pages.video_id}"]')
    expect(video_item).not_to_have_class(re.compile("is-done"))
    page.evaluate("document.querySelector('video').play()")
    page.wait_for_function("() => document.querySelector('video').ended", timeout=40_000)
    # First the server counts the video, then the box follows without a reload.
    wait_until(page, lambda: video_row(learner) is not None and video_row(learner).done_at)
    expect(video_item).to_have_class(re.compile("is-done"), timeout=10_000)


def log_in(page, base, email):
    page.goto(f"{base}/ar/accounts/login/?next=/ar/mentor/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form--login button[type=submit]")
    page.wait_for_url(f"{base}/ar/mentor/")


def review(page, item, feedback, decision, levels):
    """Claim the item, score each criterion, write the feedback and decide."""
    item.locator("a.queue-item__title").click()
    page.locator(".claim-box button[type=submit]").click()
    expect(page.locator(".review-form")).to_be_visible()
    for number, level in enumerate(levels):
        page.locator(f"input[name=criterion_{number}][value='{level}']").check()
    page.fill("textarea[name=feedback]", feedback)
    page.locator(f"input[name=decision][value={decision}]").check()
    page.locator(".review-form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()


def video_row(user):
    return ComponentProgress.objects.filter(user=user, kind="video").first()


def wait_until(page, check, tries=50):
    for _ in range(tries):
        if check():
            return
        page.wait_for_timeout(200)
    raise AssertionError("the server never recorded it")
