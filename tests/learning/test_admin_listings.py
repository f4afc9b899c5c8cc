"""The enrolment and quiz-attempt listings of the admin cost the same queries for three
rows or for pages of them, and find a learner by e-mail address."""

from datetime import timedelta

import pytest

from django.utils import timezone

from learning.models import Enrolment, QuizAttempt
from tests.learning.conftest import make_learner

pytestmark = pytest.mark.django_db
LIMIT = 40


def listing(client, url, assert_queries):
    """The listing's response and its query count, after a request that warms caches."""
    client.get(url)
    with assert_queries(LIMIT) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def enrol_learners(course, numbers):
    for number in numbers:
        user = make_learner(f"listed{number}@example.com")
        Enrolment.objects.create(user=user, course_key=course.translation_key)


def quiz_attempts(course, numbers):
    lesson = course.quiz_lesson
    start = timezone.now()
    for number in numbers:
        QuizAttempt.objects.create(
            user=make_learner(f"tried{number}@example.com"),
            course_key=course.translation_key,
            lesson_key=lesson.translation_key,
            lesson_id=lesson.pk,
            quiz_id="quiz",
            number=1,
            correct=1,
            total=2,
            score=50,
            pass_mark=70,
            passed=False,
            created_at=start + timedelta(seconds=number),
        )


def test_the_enrolment_listing_costs_the_same_for_3_or_40_rows(
    admin_client, course, django_assert_max_num_queries
):
    enrol_learners(course, range(3))
    response, small = listing(admin_client, "/admin/enrolments/", django_assert_max_num_queries)
    rows = response.context["object_list"]
    assert len(rows) == 3 and {row.course_title for row in rows} == {course.title}

    enrol_learners(course, range(3, 40))
    response, large = listing(admin_client, "/admin/enrolments/", django_assert_max_num_queries)
    rows = response.context["object_list"]
    assert len(rows) == 20 and {row.course_title for row in rows} == {course.title}
    assert course.title in response.content.decode()
    assert large == small


def test_the_quiz_attempt_listing_costs_the_same_and_shows_the_newest_first(
    admin_client, course, django_assert_max_num_queries
):
    url = "/admin/quiz_attempts/"
    quiz_attempts(course, range(3))
    response, small = listing(admin_client, url, django_assert_max_num_queries)
    assert len(response.context["object_list"]) == 3

    quiz_attempts(course, range(3, 40))
    response, large = listing(admin_client, url, django_assert_max_num_queries)
    rows = response.context["object_list"]
    assert [row.user.email for row in rows[:2]] == ["tried39@example.com", "tried38@example.com"]
    assert {row.lesson_title for row in rows} == {course.quiz_lesson.title}
    assert large == small


def test_a_search_by_e_mail_address_finds_the_learner(admin_client, course):
    enrol_learners(course, range(12))
    response = admin_client.get("/admin/enrolments/", {"q": "LISTED1@Example.com"})
    assert [row.user.email for row in response.context["object_list"]] == ["listed1@example.com"]
    # Part of an address is matched as a prefix; other searches still look anywhere.
    response = admin_client.get("/admin/enrolments/", {"q": "listed1@"})
    assert len(response.context["object_list"]) == 1
    response = admin_client.get("/admin/enrolments/", {"q": "@example.com"})
    assert len(response.context["object_list"]) == 12


def _member_of(group_name):
    from django.contrib.auth.models import Group

    user = make_learner(f"{group_name.lower()}@example.com")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize("url", ["/admin/enrolments/", "/admin/quiz_attempts/"])
def test_editors_read_the_listings_and_nobody_writes_them_by_hand(client, admin_user, course, url):
    """Enrolments and attempts change through the learning services only: the listing
    is there for editors, but no add, edit or delete view answers anyone."""
    enrol_learners(course, [1])
    quiz_attempts(course, [1])
    row = (Enrolment if "enrol" in url else QuizAttempt).objects.get()
    for user in (_member_of("Editors"), admin_user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert f"{url}new/" not in response.content.decode()
        for action in (f"{url}new/", f"{url}edit/{row.pk}/", f"{url}delete/{row.pk}/"):
            assert client.get(action).status_code == 302, (user, action)
        assert client.post(f"{url}delete/{row.pk}/").status_code == 302
        assert client.get(f"{url}inspect/{row.pk}/").status_code == 200
    assert type(row).objects.filter(pk=row.pk).exists()
