"""The analytics pages in real Chromium, in Arabic and English, on a phone: the charts
are drawn and named, the tables are beside them, the axes run the reading way.
Screenshots go to test-artifacts/screenshots/analytics-*.png."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from analytics.rollup import run
from learning.models import ComponentKind, ComponentProgress, Enrolment
from tests.cms.conftest import make_site_root
from tests.factories.accounts import UserFactory
from tests.factories.cms import HomePageFactory
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ready_video,
    video_block,
)
from tests.factories.learning import block_id

from .conftest import ARTIFACTS, admin_log_in

PASSWORD = "Quill-saffron-38"
SECTIONS = ["", "videos/", "quizzes/", "mentoring/", "outcomes/"]


@pytest.fixture
def academy(transactional_db):
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code="ar")
    if not Page.objects.exists():
        Page.add_root(title="Root", slug="root")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    home = HomePageFactory(slug="bidaya", title="بداية")
    make_site_root(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, title="عرضك الأول", track="pitching")
    lesson = LessonPageFactory(
        parent=course, title="ماذا يريد العميل؟", body=[video_block(ready_video(duration=60.0))]
    )
    now = timezone.now()
    for number in range(12):
        user = UserFactory()
        Enrolment.objects.create(
            user=user,
            course_key=course.translation_key,
            created_at=now - timedelta(days=7 * (number % 2), minutes=number),
            completed_at=now - timedelta(days=number) if number % 2 else None,
        )
        ComponentProgress.objects.create(
            user=user,
            course_key=course.translation_key,
            lesson_key=lesson.translation_key,
            component_id=block_id(lesson, "video"),
            kind=ComponentKind.VIDEO,
            duration=60.0,
            intervals=[[0, 60 - 4 * number]],
            watched_seconds=60 - 4 * number,
        )
    run(now + timedelta(minutes=2))
    return course


def editor_in(language):
    user = get_user_model().objects.create_user(
        f"editor-{language}", f"editor-{language}@example.com", PASSWORD
    )
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_analytics_pages_on_a_phone(academy, phone_page, live_server, screenshot, language):
    from django.contrib.auth.models import Permission

    from analytics.models import Snapshot

    # The editors' group came with its permission from a migration; a test before this
    # one may have emptied the tables, so it is given again.
    Group.objects.get_or_create(name="Editors")[0].permissions.add(
        Permission.objects.get(codename="view_analytics"),
        Permission.objects.get(codename="access_admin"),
    )
    assert Snapshot.objects.filter(kind=Snapshot.Kind.COURSE).exists()
    page = phone_page
    admin_log_in(page, live_server.url, editor_in(language), PASSWORD)
    rtl = language == "ar"
    for section in SECTIONS:
        page.goto(f"{live_server.url}/admin/analytics/{section}")
        assert page.evaluate("document.documentElement.dir") == ("rtl" if rtl else "ltr")
        assert page.locator("section.analytics-block").count() >= 1
        name = section.strip("/") or "courses"
        screenshot(page, f"analytics-{language}-{name}")
        charts = page.locator("svg.analytics-chart")
        if section in ("", "videos/"):
            chart = charts.first
            chart.scroll_into_view_if_needed()
            assert chart.is_visible()
            # Named by its title, described by its description.
            assert chart.get_attribute("role") == "img"
            labelled = chart.get_attribute("aria-labelledby").split()
            assert page.locator(f"#{labelled[0]}").text_content()
            # The value axis stands at the start of the reading direction.
            box = chart.bounding_box()
            first_label = chart.locator("text").first.bounding_box()
            middle = box["x"] + box["width"] / 2
            assert (first_label["x"] > middle) if rtl else (first_label["x"] < middle)
            chart.screenshot(path=str(ARTIFACTS / f"analytics-{language}-{name}-chart.png"))
