"""From finishing a course to the public badge page, in Arabic, in real Chromium.

A learner sets up their public profile (a hostile link is refused, a Mostaql one is
kept), finishes the last lessons of a course by marking them done, finds the badge on
their dashboard, opens its page (valid, with their Mostaql profile, the "Add to
LinkedIn" link and the copy buttons of the marketplace kit), downloads the baked PNG
and a stranger opens the stable address. Screenshots: ``profile-ar.png``,
``badge-page-ar.png`` and ``badge-image-ar.png`` (the downloaded badge itself).
"""

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from credentials import baking
from credentials.models import BadgeAward, BadgeClass
from tests.credentials.world import serve_from
from tests.factories.cms import HomePageFactory, MarketplaceFactory
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    text_block,
)

from .conftest import ARTIFACTS, admin_log_in

pytestmark = pytest.mark.usefixtures("transactional_db")

PASSWORD = "saffron-Lantern-93"


@pytest.fixture
def site(settings, live_server, tmp_path):
    settings.SITE_URL = live_server.url
    key = tmp_path / "badge-key.pem"
    from credentials.signing import SigningKey

    key.write_bytes(SigningKey.generate(bits=2048).private_pem())
    key.chmod(0o600)
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = str(key)
    return live_server.url


@pytest.fixture
def course():
    home = HomePageFactory(slug="bidaya")
    serve_from(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(
        parent=catalogue, title="عرضك الأول على مستقل", slug="first-proposal", track="pitching"
    )
    course.lesson_pages = [
        LessonPageFactory(
            parent=course,
            title=title,
            slug=slug,
            body=[text_block(f"<p>{text}</p>")],
        )
        for slug, title, text in [
            ("read-the-brief", "اقرأ المشروع قبل أن تكتب", "اقرأ وصف المشروع مرتين قبل أن تكتب."),
            ("first-lines", "السطران الأولان", "ابدأ بما فهمته من حاجة العميل."),
        ]
    ]
    MarketplaceFactory()  # Mostaql
    MarketplaceFactory(
        slug="khamsat",
        name_ar="خمسات",
        name_en="Khamsat",
        name_fr="Khamsat",
        website="https://khamsat.com/",
        profile_url_template="https://khamsat.com/user/{username}",
        profile_url_pattern=r"https://khamsat\.com/user/[A-Za-z0-9_.-]{2,40}/?",
        commission_percent=Decimal("20.00"),
    )
    BadgeClass.objects.create(
        name_ar="عرضي الأول",
        name_en="My first proposal",
        description_ar="أكمل دورة كتابة العرض الأول لعميل على خمسات أو مستقل.",
        description_en="Completed the course on writing a first proposal to a client.",
        criteria_ar="إكمال كل دروس الدورة.",
        criteria_en="Finish every lesson of the course.",
        design_track="pitching",
        rule="course_completion",
        course=course,
    )
    return course


@pytest.fixture
def learner():
    user = get_user_model().objects.create_user(
        username="afaf", email="afaf@example.com", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def test_from_finishing_a_course_to_the_public_badge_page(
    browser, page, site, course, learner, screenshot
):
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)

    page.goto(f"{site}/ar/accounts/login/?next=/ar/profile/")
    page.fill("#id_login", learner.email)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site}/ar/profile/")

    # The profile: a look-alike host is refused, everything typed stays in the form.
    page.fill("#id_display_name_ar", "عفاف النور")
    page.fill("#id_display_name_latin", "Afaf Al-Nour")
    page.fill("#id_link_mostaql", "https://mostaql.com.evil.example/u/afaf_dev")
    page.check("#id_is_public")
    page.click("form.profile-form button[type=submit]")
    expect(page.locator('[data-marketplace="mostaql"] .errorlist')).to_be_visible()
    assert page.input_value("#id_display_name_ar") == "عفاف النور"
    page.fill("#id_link_mostaql", "https://mostaql.com/u/afaf_dev")
    page.click("form.profile-form button[type=submit]")
    expect(page.locator(".message--success")).to_be_visible()
    assert page.input_value("#id_link_mostaql") == "https://mostaql.com/u/afaf_dev"
    assert page.eval_on_selector("html", "el => [el.lang, el.dir]") == ["ar", "rtl"]
    screenshot(page, "profile-ar")

    # The course: enrol and finish both lessons by marking them done.
    page.goto(f"{site}/ar/courses/first-proposal/")
    expect(page.locator(".course__badge, .course-card__badge").first).to_contain_text("عرضي الأول")
    page.click("[data-learn-panel] [data-enrol]")
    for lesson in course.lesson_pages:
        page.goto(f"{site}{lesson.url}")
        page.click(".lesson-status__done button[type=submit]")
        expect(page.locator("[data-lesson-state] .pill--done")).to_be_visible()

    # The badge was awarded by the rule, once, and is on the dashboard.
    award = BadgeAward.objects.get(recipient=learner)
    page.goto(f"{site}/ar/dashboard/")
    badge_link = page.locator(f'[data-badge="{award.uuid}"] a')
    expect(badge_link).to_contain_text("عرضي الأول")
    page.locator(f'[data-badge="{award.uuid}"]').scroll_into_view_if_needed()
    screenshot(page, "badges-dashboard-ar")
    badge_link.click()
    page.wait_for_url(f"{site}/ar/badges/{award.uuid}/")

    # The public page: valid, the learner, the Mostaql profile, the sharing tools.
    expect(page.locator(".badge-status--valid")).to_be_visible()
    expect(page.locator(".badge-page__learner")).to_contain_text("عفاف النور")
    expect(page.locator('.badge-links a[href="https://mostaql.com/u/afaf_dev"]')).to_be_visible()
    linkedin = page.locator("a[data-linkedin]").get_attribute("href")
    params = parse_qs(urlsplit(linkedin).query)
    assert params["name"] == ["عرضي الأول"] and params["startTask"] == ["CERTIFICATION_NAME"]
    assert params["certUrl"] == [f"{site}/badges/{award.uuid}/"]
    copy = page.locator('[data-kit="مستقل"] button.badge-copy').first
    expect(copy).to_be_visible()  # shown by badges.js (no inline script)
    copy.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "عرضي الأول" in copied and f"{site}/badges/{award.uuid}/" in copied
    screenshot(page, "badge-page-ar")
    page.goto(f"{site}/en/badges/{award.uuid}/")
    assert page.eval_on_selector("html", "el => [el.lang, el.dir]") == ["en", "ltr"]
    expect(page.locator(".badge-page__learner")).to_contain_text("Afaf Al-Nour")
    screenshot(page, "badge-page-en")
    page.goto(f"{site}/ar/badges/{award.uuid}/")

    # The baked PNG download carries the same signed credential.
    with page.expect_download() as download_info:
        page.click(f'a[href="/badges/{award.uuid}/download.png"]')
    download = download_info.value
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image_path = ARTIFACTS / "badge-image-ar.png"
    download.save_as(image_path)
    assert baking.extract_png(image_path.read_bytes()) == award.jws

    # The public profile lists the badge and the Mostaql profile.
    page.click(".badge-page__learner a")
    expect(page.locator(f'[data-badge="{award.uuid}"]')).to_be_visible()
    expect(page.locator('.badge-links a[href="https://mostaql.com/u/afaf_dev"]')).to_be_visible()
    screenshot(page, "learner-profile-ar")

    # A client with no account opens the stable address and lands on the page.
    stranger = browser.new_context(locale="ar", viewport={"width": 390, "height": 844})
    client_page = stranger.new_page()
    client_page.goto(f"{site}/badges/{award.uuid}/")
    assert urlsplit(client_page.url).path == f"/ar/badges/{award.uuid}/"
    expect(client_page.locator(".badge-status--valid")).to_be_visible()
    assert client_page.locator("a[data-linkedin]").count() == 0
    og_image = client_page.locator('meta[property="og:image"]').get_attribute("content")
    assert client_page.request.get(og_image).headers["content-type"] == "image/png"
    screenshot(client_page, "badge-page-phone-ar")
    stranger.close()

    assert problems == []


def test_an_editor_defines_a_badge_in_the_admin(page, site, course, screenshot):
    """The snippet form in the Arabic admin: a manual badge with its own colour, saved,
    then listed with its generated image."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from cms.editorial import ensure_editorial_setup
    from credentials.permissions import grant_group_permissions

    # What the migrations set up (an earlier transactional test may have flushed it).
    ensure_editorial_setup(apps)
    grant_group_permissions(apps)
    editor = get_user_model().objects.create_user(
        username="editor", email="editor@example.com", password=PASSWORD
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    admin_log_in(page, site, editor, PASSWORD)

    page.goto(f"{site}/admin/snippets/credentials/badgeclass/add/")
    page.fill("#id_name_ar", "عون المجتمع")
    page.fill("#id_name_en", "Community helper")
    page.fill("#id_description_ar", "ساعد زملاءه الجدد في مجموعة الدفعة.")
    page.fill("#id_description_en", "Helped newcomers in the cohort group.")
    page.fill("#id_criteria_ar", "يمنحه مرشد مع ذكر السبب.")
    page.fill("#id_criteria_en", "Given by a mentor, with the reason.")
    page.select_option("#id_design_track", "custom")
    page.fill("#id_colour", "#0f766e")
    page.select_option("#id_icon", "star")
    page.check('input[name="rule"][value="manual_award"]')
    screenshot(page, "badge-admin-ar")
    with page.expect_navigation():
        page.locator("footer button.action-save").click()
    screenshot(page, "badge-admin-saved-ar")
    badge = BadgeClass.objects.get(name_en="Community helper")
    assert (badge.rule, badge.colour, badge.icon) == ("manual_award", "#0f766e", "star")

    page.goto(f"{site}/admin/snippets/credentials/badgeclass/")
    image = page.locator(f'img[src*="/badges/classes/{badge.uuid}/"]')
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 512
    screenshot(page, "badge-admin-list-ar")
