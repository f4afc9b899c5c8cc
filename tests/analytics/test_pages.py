"""The analytics pages: who sees them, what they cost, their charts, tables and CSV."""

import csv
import io
from datetime import timedelta

import pytest

from django.utils import timezone

from learning.models import ComponentKind, ComponentProgress, Enrolment
from tests.factories.accounts import UserFactory
from tests.factories.mentoring import MentorFactory, ReviewFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/analytics/",
    "/admin/analytics/videos/",
    "/admin/analytics/quizzes/",
    "/admin/analytics/mentoring/",
    "/admin/analytics/outcomes/",
]


@pytest.fixture
def busy(academy, learners, threshold, rollup):
    """Six learners enrolled, five watched the video, one review: then rolled up."""
    for number, user in enumerate(learners[:6]):
        Enrolment.objects.create(
            user=user,
            course_key=academy.translation_key,
            completed_at=timezone.now() if number < 5 else None,
        )
    for user in learners[:5]:
        ComponentProgress.objects.create(
            user=user,
            course_key=academy.translation_key,
            lesson_key=academy.video_lesson.translation_key,
            component_id=academy.video_id,
            kind=ComponentKind.VIDEO,
            duration=10.0,
            intervals=[[0, 6]],
            watched_seconds=6.0,
        )
    ReviewFactory()
    rollup(timezone.now() + timedelta(minutes=2))
    return academy


def staff(group):
    return UserFactory(groups=[group])


@pytest.mark.parametrize("path", PAGES)
def test_editors_and_moderators_see_the_pages(client, busy, path):
    for user in (staff("Editors"), staff("Moderators")):
        client.force_login(user)
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("who", ["learner", "mentor"])
def test_learners_and_mentors_are_refused(client, busy, path, who):
    client.force_login(MentorFactory() if who == "mentor" else UserFactory())
    # Without admin access the admin sends them to its login address, which refuses.
    response = client.get(path, follow=True)
    assert response.status_code == 403


def test_visitors_are_sent_to_the_login(client, busy):
    response = client.get(PAGES[0])
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_users_without_the_permission_are_sent_away(client, busy):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers a refusal inside the admin by sending the user to its home page.
    response = client.get(PAGES[0])
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_menu_is_shown_to_editors_only(client, busy):
    client.force_login(staff("Editors"))
    # The sidebar is drawn from a JSON description of the menu.
    assert b'"url": "/admin/analytics/videos/"' in client.get("/admin/").content
    from django.contrib.auth.models import Permission

    other = UserFactory()
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert b"/admin/analytics/" not in client.get("/admin/").content


@pytest.mark.parametrize("path", PAGES)
def test_each_page_costs_a_few_queries(client, busy, path, django_assert_max_num_queries):
    client.force_login(staff("Editors"))
    client.get(path)
    with django_assert_max_num_queries(14):
        assert client.get(path).status_code == 200


def test_pages_show_aggregates_and_never_a_learner(client, busy, learners):
    client.force_login(staff("Editors"))
    names = [u.email for u in learners] + [u.last_name for u in learners]
    for path in PAGES:
        html = client.get(path).content.decode()
        assert not [name for name in names if name in html], path


def test_a_chart_has_a_title_a_description_and_a_table_beside_it(client, busy):
    client.force_login(staff("Editors"))
    html = client.get(f"/admin/analytics/?course={busy.translation_key}").content.decode()
    assert html.count('<svg class="analytics-chart analytics-chart--rtl" role="img"') == 2
    assert "<title id=" in html and "<desc id=" in html
    assert html.count('<table class="listing analytics-table">') == 4


def test_the_charts_run_right_to_left_in_arabic(client, busy):
    client.force_login(staff("Editors"))
    arabic = client.get("/admin/analytics/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    # The value axis stands on the right, its labels beside it.
    assert "analytics-chart--rtl" in arabic and 'x="434.0" y="' in arabic
    user = staff("Editors")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    english = client.get("/admin/analytics/").content.decode()
    assert "analytics-chart--ltr" in english and "analytics-chart--rtl" not in english
    assert 'x="46.0" y="' in english
    assert "Enrolments per week" in english


def test_every_table_downloads_as_csv(client, busy):
    client.force_login(staff("Editors"))
    response = client.get(f"/admin/analytics/?course={busy.translation_key}&csv=funnel")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1] == "6"  # enrolled
    assert rows[2][1].startswith("أقل من") or rows[2][1].startswith("fewer than")
    assert client.get("/admin/analytics/?csv=nothing").status_code == 404


def test_a_hostile_choice_is_ignored(client, busy):
    client.force_login(staff("Editors"))
    response = client.get("/admin/analytics/videos/?video=" + "<script>" * 50)
    assert response.status_code == 200
    assert b"<script><script>" not in response.content
