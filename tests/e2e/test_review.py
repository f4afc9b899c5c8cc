"""The review journey in real Chromium, in Arabic, with screenshots.

A learner enrols (and lands in the open cohort), hands in a proposal with a link to
her Khamsat service; a mentor, on a phone, claims it, scores it against the rubric and
asks for changes with one of his saved snippets; the learner reads the feedback and
hands in a new version; the mentor approves; the lesson shows done.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Site

from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, FeedbackSnippet, Submission
from tests.factories.cms import HomePageFactory, MarketplaceFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from tests.mentoring.helpers import PASSWORD, RUBRIC, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SERVICE = "https://khamsat.com/programming/123456-arabize-wordpress-theme"
PROPOSAL = "مرحبا، أنا مطورة ووردبريس. أعرّب قالبك خلال ثلاثة أيام وأختبره على الهاتف."
FEEDBACK = "عرض واضح. أضيفي السعر وموعد التسليم بدقة."


@pytest.fixture
def journey(live_server, settings):
    settings.SITE_URL = live_server.url
    settings.BIDAYA_MENTOR_DIGEST_MINUTES = 0
    # A transactional test elsewhere in the session may have flushed the tables without
    # restoring what the migrations made: do not rely on cached content types or on the
    # default Site still being there.
    ContentType.objects.clear_cache()
    home = HomePageFactory(slug="bidaya")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bidaya"},
    )
    khamsat = MarketplaceFactory(
        slug="khamsat",
        name_ar="خمسات",
        name_en="Khamsat",
        name_fr="Khamsat",
        website="https://khamsat.com/",
        profile_url_template="https://khamsat.com/user/{username}",
        profile_url_pattern=r"https://khamsat\.com/user/[A-Za-z0-9_.-]{2,40}/?",
    )
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index, title="عرضك الأول على خمسات")
    block = {
        "type": "assignment",
        "value": {
            "title": "اكتب عرض خدمتك",
            "prompt": "<p>اكتب عرضا قصيرا لخدمة على خمسات وضع رابطها.</p>",
            "hand_in": ["text", "link"],
            "link_marketplace": khamsat.pk,
            "link_hint": "رابط خدمتك على خمسات",
            "rubric": RUBRIC,
            "example_answer": "",
            "mentor_approval_required": True,
        },
        "id": "9b0f3c2e-5a4d-4c1b-8e7f-2d6a1b3c4d5e",
    }
    lesson = LessonPageFactory(parent=course, title="عرض خدمتك", body=[block])
    learner = make_user("huda")
    learner.first_name = "هدى"
    learner.save()
    EmailAddress.objects.create(user=learner, email=learner.email, primary=True, verified=True)
    mentor = make_user("karim", [MENTORS_GROUP])
    mentor.first_name = "كريم"
    mentor.save()
    EmailAddress.objects.create(user=mentor, email=mentor.email, primary=True, verified=True)
    lead = make_user("lead", [LEAD_MENTORS_GROUP])
    cohort = Cohort.objects.create(course=course, name="الدفعة الأولى", is_open=True)
    cohort.mentors.add(mentor, lead)
    FeedbackSnippet.objects.create(
        mentor=mentor, language="ar", title="شكر", text="شكرا على جهدك، واصلي."
    )
    return {
        "url": live_server.url,
        "course": course,
        "lesson": lesson,
        "cohort": cohort,
        "learner": learner,
        "mentor": mentor,
    }


def log_in(page, base, email):
    page.goto(f"{base}/ar/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))


def test_review_journey_in_arabic(page, phone_page, journey, screenshot, mailoutbox):
    base, lesson = journey["url"], journey["lesson"]
    lesson_url = base + lesson.url

    # The learner enrols from the lesson and hands in her proposal from the lesson page.
    log_in(page, base, "huda@example.com")
    page.goto(lesson_url)
    assert page.eval_on_selector("html", "el => [el.lang, el.dir]") == ["ar", "rtl"]
    page.locator(".lesson-status__enrol button").click()
    page.wait_for_load_state()
    assert journey["cohort"].memberships.filter(learner=journey["learner"]).exists()
    form = page.locator("form.assignment__form")
    form.locator("textarea[name=text]").fill(PROPOSAL)
    form.locator("input[name=link]").fill(SERVICE)
    screenshot(page, "review-1-lesson-hand-in-ar")
    form.locator("button[type=submit]").click()
    expect(page.locator(".workspace__state .state--submitted")).to_be_visible()
    expect(page.locator(".version .work__link a")).to_have_attribute("href", SERVICE)
    screenshot(page, "review-2-learner-handed-in-ar")

    # The mentor, on his phone, finds it in his queue, claims and scores it.
    log_in(phone_page, base, "karim@example.com")
    phone_page.goto(f"{base}/ar/mentor/")
    item = phone_page.locator(".queue-item").first
    expect(item).to_contain_text("اكتب عرض خدمتك")
    expect(item).to_contain_text("هدى")
    screenshot(phone_page, "review-3-mentor-queue-phone-ar")
    item.locator("a.queue-item__title").click()
    phone_page.locator(".claim-box button[type=submit]").click()
    expect(phone_page.locator(".review-form")).to_be_visible()
    phone_page.locator("input[name=criterion_0][value='1']").check()
    phone_page.locator("input[name=criterion_1][value='1']").check()
    phone_page.fill("textarea[name=feedback]", FEEDBACK)
    phone_page.locator("input[name=snippets]").first.check()
    phone_page.locator("input[name=decision][value=request_changes]").check()
    screenshot(phone_page, "review-4-mentor-scoring-phone-ar")
    phone_page.locator(".review-form button[type=submit]").click()
    expect(phone_page.locator(".messages")).to_be_visible()
    submission = Submission.objects.get()
    assert submission.state == "changes_requested"

    # The learner reads the feedback (and got an e-mail in Arabic), then resubmits.
    learner_mail = [m for m in mailoutbox if m.to == ["huda@example.com"]]
    assert learner_mail and learner_mail[0].subject.startswith("طلب المرشد تعديلات")
    page.reload()
    expect(page.locator(".workspace__feedback")).to_contain_text(FEEDBACK)
    expect(page.locator(".workspace__feedback")).to_contain_text("شكرا على جهدك")
    expect(page.locator(".workspace__feedback .scores")).to_contain_text("جيد")
    screenshot(page, "review-5-learner-feedback-ar")
    text = page.locator("textarea[name=text]")
    assert text.input_value() == PROPOSAL  # the next version starts from the last one
    text.fill(PROPOSAL + " السعر 25 دولارا والتسليم خلال 3 أيام.")
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator(".workspace__state .state--resubmitted")).to_be_visible()

    # The mentor approves the new version.
    phone_page.goto(f"{base}/ar/mentor/")
    phone_page.locator(".queue-item a.queue-item__title").first.click()
    phone_page.locator(".claim-box button[type=submit]").click()
    phone_page.locator("input[name=criterion_0][value='2']").check()
    phone_page.locator("input[name=criterion_1][value='1']").check()
    phone_page.fill("textarea[name=feedback]", "ممتاز، هذا عرض جاهز للنشر.")
    phone_page.locator("input[name=decision][value=approve]").check()
    phone_page.locator(".review-form button[type=submit]").click()
    expect(phone_page.locator(".messages")).to_be_visible()
    submission.refresh_from_db()
    assert submission.state == "approved"
    assert list(submission.versions.values_list("number", flat=True).order_by("number")) == [1, 2]

    # The lesson shows done.
    page.goto(lesson_url)
    expect(page.locator("[data-lesson-state] .pill--done")).to_be_visible()
    expect(page.locator(".assignment-status .state--approved")).to_be_visible()
    screenshot(page, "review-6-lesson-done-ar")
    page.goto(base + f"/ar/learn/lessons/{lesson.pk}/assignments/{lesson.body[0].id}/")
    expect(page.locator(".versions .version")).to_have_count(2)
    screenshot(page, "review-7-history-ar")


def test_mentor_pages_in_english_with_an_overdue_submission(page, journey, screenshot, settings):
    """The queue's waiting time and service-level warning, and the review page, in English."""
    from datetime import timedelta

    from django.utils import timezone

    from learning.models import Enrolment
    from mentoring import services
    from mentoring.models import CohortMembership

    settings.BIDAYA_REVIEW_SLA_HOURS = 48
    learner, lesson, course = journey["learner"], journey["lesson"], journey["course"]
    Enrolment.objects.create(user=learner, course_key=course.translation_key)
    CohortMembership.objects.create(cohort=journey["cohort"], learner=learner)
    assignment = services.find_assignment(lesson, lesson.body[0].id)
    submission = services.start_submission(learner, assignment, "en")
    services.save_draft(submission, text=PROPOSAL, link=SERVICE, assignment=assignment)
    services.submit(submission, learner, assignment=assignment)
    Submission.objects.filter(pk=submission.pk).update(
        waiting_since=timezone.now() - timedelta(hours=53)
    )

    log_in(page, journey["url"], "karim@example.com")
    page.goto(f"{journey['url']}/en/mentor/")
    assert page.eval_on_selector("html", "el => [el.lang, el.dir]") == ["en", "ltr"]
    item = page.locator(".queue-item--late")
    expect(item).to_contain_text("waiting 2\xa0days")
    expect(item.locator(".late")).to_contain_text("past 48 h")
    screenshot(page, "review-queue-en")
    item.locator("a.queue-item__title").click()
    page.locator(".claim-box button[type=submit]").click()
    expect(page.locator(".review-form")).to_be_visible()
    screenshot(page, "review-submission-en")
