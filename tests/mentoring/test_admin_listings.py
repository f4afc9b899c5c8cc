"""The cohort and cohort-member listings of the admin cost the same queries for a few
rows or for pages of them (and for a few cohorts in the filter or many)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.models import Enrolment
from mentoring.models import Cohort, CohortMembership
from tests.factories.courses import CoursePageFactory
from tests.mentoring.helpers import make_user

pytestmark = pytest.mark.django_db
LIMIT = 40


def listing(client, url, assert_queries):
    client.get(url)
    with assert_queries(LIMIT) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def more_cohorts(course, names):
    other = CoursePageFactory(parent=course.get_parent(), slug=f"more-{names[0]}")
    for name in names:
        Cohort.objects.create(course=other if len(name) % 2 else course, name=name)


def members(cohort, numbers):
    for number in numbers:
        learner = make_user(f"member{number}")
        Enrolment.objects.create(user=learner, course_key=cohort.course_key)
        CohortMembership.objects.create(cohort=cohort, learner=learner)


def test_the_cohort_listing_costs_the_same_for_2_or_30_cohorts(
    admin_client, roles, course, django_assert_max_num_queries
):
    response, small = listing(admin_client, "/admin/cohorts/", django_assert_max_num_queries)
    assert len(response.context["object_list"]) == 2
    more_cohorts(course, [f"c{n}" for n in range(28)])
    response, large = listing(admin_client, "/admin/cohorts/", django_assert_max_num_queries)
    page = response.content.decode()
    assert len(response.context["object_list"]) == 20 and course.title in page
    assert large == small


def test_the_member_listing_costs_the_same_for_few_or_many_members_and_cohorts(
    admin_client, roles, course, django_assert_max_num_queries
):
    url = "/admin/cohort_members/"
    response, small = listing(admin_client, url, django_assert_max_num_queries)
    assert len(response.context["object_list"]) == 2

    members(roles["cohort_a"], range(30))
    more_cohorts(course, [f"c{n}" for n in range(12)])
    response, large = listing(admin_client, url, django_assert_max_num_queries)
    rows = response.context["object_list"]
    # Newest first; the cohort filter names every cohort with its course.
    assert [row.learner.username for row in rows[:2]] == ["member29", "member28"]
    assert response.content.decode().count(f"({course.title})") >= 20
    assert large == small


def test_members_are_found_by_e_mail_and_filtered_by_cohort(admin_client, roles):
    members(roles["cohort_a"], range(3))
    found = admin_client.get("/admin/cohort_members/", {"q": "Member2@example"})
    assert [row.learner.username for row in found.context["object_list"]] == ["member2"]
    in_b = admin_client.get("/admin/cohort_members/", {"cohort": roles["cohort_b"].pk})
    assert [row.learner.username for row in in_b.context["object_list"]] == ["otherlearner"]


def cohort_options(response):
    return dict(response.context["filters"].form.fields["cohort"].choices)


def test_the_cohort_filter_is_kept_and_follows_cohorts_and_course_titles(
    admin_client, roles, course
):
    """The filter's cohorts are read once (``cms.admin_frame.kept_choices``), and a new
    or renamed cohort, or a course given a new title, shows at once."""
    url = "/admin/cohort_members/"
    admin_client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)
    assert not [q for q in queries.captured_queries if 'FROM "mentoring_cohort"' in q["sql"]]
    assert (
        cohort_options(response)[roles["cohort_a"].pk]
        == f"{roles['cohort_a'].name} ({course.title})"
    )

    added = Cohort.objects.create(course=course, name="Evening")
    roles["cohort_a"].name = "Morning"
    roles["cohort_a"].save()
    options = cohort_options(admin_client.get(url))
    assert options[added.pk] == f"Evening ({course.title})"
    assert options[roles["cohort_a"].pk] == f"Morning ({course.title})"

    course.title = "Pricing, step by step"
    course.save_revision().publish()
    assert cohort_options(admin_client.get(url))[added.pk] == "Evening (Pricing, step by step)"
    gone = added.pk
    added.delete()
    assert gone not in cohort_options(admin_client.get(url))
