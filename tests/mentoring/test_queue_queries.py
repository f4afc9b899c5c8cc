"""The mentor's queue costs a fixed number of queries, however much work waits.

Each page is requested once to warm what it keeps (the filter choices), then counted;
ten times more submissions in the mentor's cohorts must not add a single query.
"""

import pytest

from django.urls import reverse

from learning.models import Enrolment
from mentoring.models import CohortMembership
from tests.mentoring.helpers import hand_in, make_user

pytestmark = pytest.mark.django_db
QUEUE_LIMIT = 15


def hand_ins(roles, lesson, course, numbers):
    """Learners of the mentor's cohort A, each handing in the lesson's assignment."""
    for number in numbers:
        learner = make_user(f"queued{number}")
        Enrolment.objects.create(user=learner, course_key=course.translation_key)
        CohortMembership.objects.create(cohort=roles["cohort_a"], learner=learner)
        hand_in(learner, lesson)


def counted(client, url, assert_queries, limit=QUEUE_LIMIT):
    client.get(url)
    with assert_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def test_the_queue_page_costs_the_same_for_3_or_30_submissions(
    client, roles, lesson, course, django_assert_max_num_queries
):
    client.force_login(roles["mentor"])
    url = reverse("mentoring:mentor-queue")
    hand_ins(roles, lesson, course, range(3))
    response, small = counted(client, url, django_assert_max_num_queries)
    assert len(response.context["rows"]) == 3

    hand_ins(roles, lesson, course, range(3, 30))
    response, large = counted(client, url, django_assert_max_num_queries)
    rows = response.context["rows"]
    assert len(rows) == 30 and response.context["waiting_count"] == 30
    assert {(row.course_title, row.cohort_name) for row in rows} == {(course.title, "A")}
    assert f"{course.title} · A" in response.content.decode()
    assert large == small


def test_a_lead_mentor_and_a_filtered_queue_cost_the_same_too(
    client, roles, lesson, course, django_assert_max_num_queries
):
    client.force_login(roles["lead"])
    url = reverse("mentoring:mentor-queue") + f"?course={course.translation_key}&state=all"
    hand_ins(roles, lesson, course, range(3))
    response, small = counted(client, url, django_assert_max_num_queries)
    assert len(response.context["rows"]) == 3
    hand_ins(roles, lesson, course, range(3, 30))
    response, large = counted(client, url, django_assert_max_num_queries)
    assert len(response.context["rows"]) == 30
    assert large == small


def test_the_queue_api_costs_the_same_for_3_or_30_submissions(
    client, roles, lesson, course, django_assert_max_num_queries
):
    client.force_login(roles["mentor"])
    url = "/api/v1/review/queue"
    hand_ins(roles, lesson, course, range(3))
    response, small = counted(client, url, django_assert_max_num_queries)
    assert len(response.json()) == 3
    hand_ins(roles, lesson, course, range(3, 30))
    response, large = counted(client, url, django_assert_max_num_queries)
    assert len(response.json()) == 30
    assert large == small


def test_a_mentor_sees_only_their_cohorts_work_without_duplicates(client, roles, lesson, course):
    """The scope is the cohort ids; a mentor of two cohorts sees each submission once."""
    hand_ins(roles, lesson, course, range(2))
    roles["cohort_b"].mentors.add(roles["mentor"])
    other = make_user("cohortb")
    Enrolment.objects.create(user=other, course_key=course.translation_key)
    CohortMembership.objects.create(cohort=roles["cohort_b"], learner=other)
    hand_in(other, lesson)
    client.force_login(roles["other_mentor"])
    names = [item["learner"] for item in client.get("/api/v1/review/queue").json()]
    assert names == ["Cohortb"]
    client.force_login(roles["mentor"])
    names = sorted(item["learner"] for item in client.get("/api/v1/review/queue").json())
    assert names == ["Cohortb", "Queued0", "Queued1"]


def test_the_queue_api_serves_a_page_at_a_time(client, roles, lesson, course):
    client.force_login(roles["mentor"])
    hand_ins(roles, lesson, course, range(12))
    everything = [item["id"] for item in client.get("/api/v1/review/queue").json()]
    assert len(everything) == 12
    window = client.get("/api/v1/review/queue?limit=5&offset=10").json()
    assert [item["id"] for item in window] == everything[10:]
    assert client.get("/api/v1/review/queue?limit=201").status_code == 422
