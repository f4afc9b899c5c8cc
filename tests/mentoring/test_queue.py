"""The mentor's queue: oldest first, honest waiting times, the SLA warning, filters."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from mentoring import services
from mentoring.models import Submission
from tests.mentoring.helpers import PASSWORD, hand_in, make_lesson, make_user


@pytest.fixture
def queue(roles, lesson, course, khamsat, settings):
    """Four submissions of cohort A handed in 60, 50, 3 and 1 hours ago (SLA 48 h)."""
    settings.BIDAYA_REVIEW_SLA_HOURS = 48
    other_lesson = make_lesson(khamsat, parent=course)
    other_lesson_title = "اكتب وصف خدمتك"
    now = timezone.now()
    learners = [roles["learner"]] + [make_user(f"learner{i}") for i in range(3)]
    from learning.models import Enrolment
    from mentoring.models import CohortMembership

    made = []
    for index, (learner, hours) in enumerate(zip(learners, (3, 60, 1, 50), strict=True)):
        if index:
            Enrolment.objects.create(user=learner, course_key=course.translation_key)
            CohortMembership.objects.create(cohort=roles["cohort_a"], learner=learner)
        target = other_lesson if index == 3 else lesson
        submission = hand_in(learner, target)
        Submission.objects.filter(pk=submission.pk).update(
            waiting_since=now - timedelta(hours=hours),
            first_submitted_at=now - timedelta(hours=hours),
        )
        if index == 3:
            Submission.objects.filter(pk=submission.pk).update(assignment_title=other_lesson_title)
        made.append(submission)
    return {"made": made, "other_lesson": other_lesson}


def test_the_queue_is_oldest_first_with_waiting_times_and_the_sla(client, roles, queue):
    client.login(username="mentor", password=PASSWORD)
    data = client.get("/api/v1/review/queue").json()
    assert [item["learner"] for item in data] == ["Learner0", "Learner2", "Learner", "Learner1"]
    hours = [round(item["waiting_seconds"] / 3600) for item in data]
    assert hours == [60, 50, 3, 1]
    assert [item["past_sla"] for item in data] == [True, True, False, False]

    page = client.get(reverse("mentoring:mentor-queue")).content.decode()
    order = [page.index(name) for name in ("Learner0", "Learner2", "Learner1")]
    assert order == sorted(order)
    assert page.count("queue-item--late") == 2


def test_claimed_and_decided_work_leaves_the_waiting_list(client, roles, queue, lesson):
    oldest = queue["made"][1]
    services.claim(oldest, roles["mentor"])
    client.login(username="lead", password=PASSWORD)
    data = client.get("/api/v1/review/queue").json()
    first = data[0]
    assert first["id"] == str(oldest.uuid) and first["claimed"] and not first["claimed_by_you"]
    services.decide(oldest, roles["mentor"], "approve", levels={0: 2, 1: 1}, feedback="ممتاز")
    ids = [item["id"] for item in client.get("/api/v1/review/queue").json()]
    assert str(oldest.uuid) not in ids
    approved = client.get("/api/v1/review/queue?state=approved").json()
    assert [item["id"] for item in approved] == [str(oldest.uuid)]


def test_filters_by_course_assignment_and_state(client, roles, queue, course):
    client.login(username="mentor", password=PASSWORD)
    other = queue["other_lesson"]
    by_assignment = client.get(f"/api/v1/review/queue?assignment={other.assignment_id}").json()
    assert [item["learner"] for item in by_assignment] == ["Learner2"]
    by_course = client.get(f"/api/v1/review/queue?course={course.translation_key}").json()
    assert len(by_course) == 4
    nothing = client.get("/api/v1/review/queue?course=00000000-0000-0000-0000-000000000000")
    assert nothing.json() == []
    page = client.get(
        reverse("mentoring:mentor-queue"), {"assignment": other.assignment_id, "state": "waiting"}
    ).content.decode()
    assert "Learner2" in page and "Learner0" not in page
    bad = client.get(reverse("mentoring:mentor-queue"), {"state": "nonsense", "course": "x"})
    assert bad.status_code == 200  # a bad filter falls back to the waiting list


def test_a_resubmission_waits_from_when_it_was_handed_in_again(roles, lesson):
    submission = hand_in(roles["learner"], lesson)
    three_days_ago = timezone.now() - timedelta(days=3)
    Submission.objects.filter(pk=submission.pk).update(
        waiting_since=three_days_ago, first_submitted_at=three_days_ago
    )
    submission.refresh_from_db()
    services.claim(submission, roles["mentor"])
    services.decide(
        submission, roles["mentor"], "request_changes", levels={0: 0, 1: 0}, feedback="أعد"
    )
    services.save_draft(submission, text="نسخة ثانية")
    services.submit(submission, roles["learner"])
    assert submission.waiting_for() < timedelta(minutes=1)
    assert submission.first_submitted_at == three_days_ago


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the shared caches (menu, routes, filter choices), as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_queue_costs_the_same_queries_for_4_or_14_submissions(
    client, roles, queue, course, lesson
):
    from learning.models import Enrolment
    from mentoring.models import CohortMembership

    client.login(username="mentor", password=PASSWORD)
    page_url, api_url = reverse("mentoring:mentor-queue"), "/api/v1/review/queue"
    before = (count_queries(client, page_url), count_queries(client, api_url))
    for index in range(10):
        learner = make_user(f"more{index}")
        Enrolment.objects.create(user=learner, course_key=course.translation_key)
        CohortMembership.objects.create(cohort=roles["cohort_a"], learner=learner)
        hand_in(learner, lesson)
    after = (count_queries(client, page_url), count_queries(client, api_url))
    assert after == before


def test_the_queue_names_the_course_in_the_readers_language(client, roles, queue, course):
    """The course a submission was handed in on is Arabic; a mentor reading in English
    sees its English title where the course has one, and the Arabic one otherwise."""
    from tests.factories.cms import locale

    client.login(username="mentor", password=PASSWORD)
    arabic = client.get("/ar/mentor/").content.decode()
    assert course.title in arabic
    english_only = client.get("/en/mentor/").content.decode()
    assert course.title in english_only  # no English course yet: the Arabic title

    english = course.copy_for_translation(locale("en"), copy_parents=True)
    english.title = "Pricing your first service"
    english.save_revision().publish()
    listed = client.get("/en/mentor/").content.decode().split('<ol class="queue">')[1]
    assert "Pricing your first service" in listed
    assert course.title not in listed
    api = client.get("/api/v1/review/queue", HTTP_ACCEPT_LANGUAGE="en").json()
    assert {item["course_title"] for item in api} == {"Pricing your first service"}
