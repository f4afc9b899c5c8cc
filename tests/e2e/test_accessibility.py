"""axe-core in real Chromium on every page type, in Arabic and English: no serious or
critical violation on a public page, a learner's page or a mentor's page.

axe is injected from node_modules (Playwright's ``add_script_tag(path=…)``); the
contexts bypass the site's Content Security Policy for that one inline script only
because the CSP itself is checked by the other browser tests.
"""

import pytest
from playwright.sync_api import expect

from wagtail.models import Locale

from credentials.signing import SigningKey
from learning.models import Enrolment, QuizAttempt
from mentoring.models import Submission
from tests.e2e.a11y_world import (
    PROPOSAL,
    SERVICE,
    build_course,
    build_people,
    seed_site,
    verified_user,
)
from tests.e2e.axe import axe_violations, describe
from tests.e2e.conftest import close_quietly
from tests.e2e.test_learning import clip  # noqa: F401 (the 30 s test clip, a fixture)

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

STORY = "stories/afaf-al-nour/"


@pytest.fixture
def world(settings, live_server, tmp_path, clip):  # noqa: F811
    settings.ROOT_URLCONF = "tests.e2e.courses_urls"
    settings.SITE_URL = live_server.url
    # The key the verification page checks the awards' signatures with.
    key = tmp_path / "badge-key.pem"
    key.write_bytes(SigningKey.generate(bits=2048).private_pem())
    key.chmod(0o600)
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = str(key)
    seed_site(settings, tmp_path)
    course = build_course(clip)
    people = build_people(course.course, course.lesson)
    return course, people, live_server.url


@pytest.fixture
def context_factory(browser):
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(bypass_csp=True, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        close_quietly(context)


def log_in(page, base, lang, email, password):
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def scan(page, found, url, selector, name):
    page.goto(url)
    expect(page.locator(selector).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    if violations:
        found[name] = violations


def lesson_in(lesson, lang):
    return lesson.get_translation(Locale.objects.get(language_code=lang))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_serious_violation_on_any_page(world, context_factory, lang):
    course, people, base = world
    lesson = lesson_in(course.lesson, lang)
    course_page = lesson.get_parent()
    query = "عرض" if lang == "ar" else "proposal"
    workspace = f"/{lang}/learn/lessons/{lesson.pk}/assignments/{course.lesson.assignment_id}/"
    found = {}

    # Each page with what must be on it, so that an error page cannot pass for it.
    public = {
        "home": (f"/{lang}/", ".track"),
        "catalogue": (course_page.get_parent().url, ".course-grid"),
        "course": (course_page.url, "[data-learn-panel]"),
        "lesson": (lesson.url, "video[data-master-url]"),
        "story index": (f"/{lang}/stories/", ".story-card"),
        "story": (f"/{lang}/{STORY}", ".interview-block__question"),
        "search": (f"/{lang}/search/?q={query}", ".search-result"),
        "login": (f"/{lang}/accounts/login/", "#id_login"),
        "signup": (f"/{lang}/accounts/signup/", "#id_password1"),
        "password reset": (f"/{lang}/accounts/password/reset/", "#id_email"),
        "verification": (f"/{lang}/badges/{people.award.uuid}/", ".badge-status--valid"),
        "learner profile": (f"/{lang}/learners/{people.profile.username}/", ".profile-public"),
    }
    learner_pages = {
        "dashboard": (f"/{lang}/dashboard/", f'[data-badge="{people.award.uuid}"]'),
        "lesson": (lesson.url, ".quiz__form"),
        "assignment workspace": (workspace, ".workspace__feedback"),
        "notices": (f"/{lang}/notices/", "main li"),
        "profile edit": (f"/{lang}/profile/", "form.profile-form"),
    }
    mentor_pages = {
        "queue": (f"/{lang}/mentor/", ".queue-item"),
        "review": (f"/{lang}/mentor/submissions/{people.waiting.uuid}/", ".review-form"),
        "snippets": (f"/{lang}/mentor/snippets/", "main form"),
    }

    visitor = context_factory().new_page()
    for name, (path, selector) in public.items():
        scan(visitor, found, base + path, selector, f"{lang} {name}")

    learner = context_factory().new_page()
    log_in(learner, base, lang, people.learner.email, people.password)
    expect(learner.locator(".nav-count")).to_be_visible()  # her unread notices
    for name, (path, selector) in learner_pages.items():
        scan(learner, found, base + path, selector, f"{lang} learner {name}")

    mentor = context_factory().new_page()
    log_in(mentor, base, lang, people.mentor.email, people.password)
    for name, (path, selector) in mentor_pages.items():
        scan(mentor, found, base + path, selector, f"{lang} mentor {name}")

    assert not found, "axe found serious or critical violations:\n" + describe(found)


FOCUSED_MATCHES = "selector => document.activeElement && document.activeElement.matches(selector)"
FOCUS_VISIBLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return el.matches(":focus-visible")
        && (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
            || style.boxShadow !== "none");
}"""


def tab_to(page, selector, *, backwards=False, limit=80):
    """Press Tab (or Shift+Tab) until ``selector`` has the focus, which must be shown."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(FOCUSED_MATCHES, selector):
            assert page.evaluate(FOCUS_VISIBLE), f"no visible focus on {selector}"
            return
    raise AssertionError(f"{key} never reached {selector}")


def test_keyboard_only_from_enrolment_to_hand_in(world, context_factory, screenshot):
    """Tab, Shift+Tab, Enter and Space only: log in, enrol, play the video, pass the quiz,
    hand in the assignment. No click anywhere."""
    course, people, base = world
    nour = verified_user("nour")
    page = context_factory(viewport={"width": 390, "height": 844}).new_page()
    keys = page.keyboard

    page.goto(f"{base}/ar/accounts/login/?next={course.course.url}")
    tab_to(page, "#id_login")
    keys.type(nour.email)
    tab_to(page, "#id_password")
    keys.type(people.password)
    keys.press("Enter")
    page.wait_for_url(f"{base}{course.course.url}")

    tab_to(page, "[data-learn-panel] [data-enrol]")
    keys.press("Enter")
    expect(page.locator("[data-learn-panel] a[data-continue]")).to_be_visible()
    assert Enrolment.objects.filter(user=nour, status="active").count() == 1
    tab_to(page, "[data-learn-panel] a[data-continue]")
    keys.press("Enter")
    page.wait_for_url(f"{base}{course.lesson.url}*")

    # The video: focus the player, Space plays, Space pauses.
    tab_to(page, "video[data-master-url]")
    keys.press("Space")
    page.wait_for_function("() => document.querySelector('video').currentTime > 2", timeout=30_000)
    keys.press("Space")
    page.wait_for_function("() => document.querySelector('video').paused")
    screenshot(page, "keyboard-video-ar")

    # The quiz: Space picks a choice, Enter sends the form.
    quiz = ".quiz__form"
    for number in (0, 1):
        tab_to(page, f"{quiz} .quiz__question:nth-of-type({number + 1}) input")
        keys.press("Space")
    # Back one stop and forward again: Shift+Tab works as expected around the choices.
    tab_to(page, f"{quiz} .quiz__question:nth-of-type(1) input", backwards=True)
    tab_to(page, f"{quiz} button[type=submit]")
    keys.press("Enter")
    expect(page.locator(".quiz__verdict--passed")).to_be_visible()
    attempt = QuizAttempt.objects.get(user=nour)
    assert attempt.passed, attempt.score
    screenshot(page, "keyboard-quiz-ar")

    # The hand-in: type the proposal and the link, Enter on the button.
    form = "form.assignment__form"
    tab_to(page, f"{form} textarea[name=text]")
    keys.type(PROPOSAL)
    tab_to(page, f"{form} input[name=link]")
    keys.type(SERVICE)
    tab_to(page, f"{form} button[type=submit]")
    keys.press("Enter")
    expect(page.locator(".workspace__state .state--submitted")).to_be_visible()
    submission = Submission.objects.get(learner=nour)
    assert submission.state == "submitted"
    screenshot(page, "keyboard-handed-in-ar")
