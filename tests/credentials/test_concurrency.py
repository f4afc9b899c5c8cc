"""Exactly-once awarding under concurrent events, on a real database with real threads.

Twenty "course completed" events for the same learner arrive at the same moment (a
replayed signal, two workers, a backfill running alongside): each runs in its own
thread with its own database connection, through the receiver and the task, and
exactly one award, one credential and one e-mail must come out.
"""

import threading

import pytest
from django_tasks.signals import task_finished

from django.db import connections
from django.utils import timezone

from credentials import awarding
from credentials.models import BadgeAward, LearnerProfile
from learning import signals
from learning.models import Enrolment
from notifications.models import OutboxEmail

from .world import finish_course, make_badge, make_user

THREADS = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def race(target, count=THREADS):
    barrier = threading.Barrier(count)
    errors = []

    def run(index):
        try:
            barrier.wait(timeout=60)
            target(index)
        except Exception as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return errors


@pytest.fixture
def finished(badge_world):
    """A learner who finished the course while the badge was switched off."""
    badge = badge_world.badge
    badge.is_active = False
    badge.save()
    learner = make_user()
    finish_course(learner, badge_world.course, badge_world.lessons)
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert not BadgeAward.objects.exists()
    badge.is_active = True
    badge.save()
    return learner


def test_twenty_concurrent_completion_events_award_once(badge_world, finished):
    outcomes = []
    collect_lock = threading.Lock()

    def collect(sender, task_result, **kwargs):
        if task_result.task.module_path == "credentials.tasks.check_course":
            with collect_lock:
                outcomes.append(task_result.status)

    task_finished.connect(collect, dispatch_uid="test-collect")
    try:
        errors = race(
            lambda index: signals.course_completed.send(
                sender=Enrolment,
                user=finished,
                course_key=badge_world.course.translation_key,
                course_id=badge_world.course.pk,
                completed_at=timezone.now(),
            )
        )
    finally:
        task_finished.disconnect(dispatch_uid="test-collect")
    assert errors == []
    assert len(outcomes) == THREADS and {str(s) for s in outcomes} == {"SUCCESSFUL"}
    award = BadgeAward.objects.get()
    assert award.recipient == finished
    assert LearnerProfile.objects.filter(user=finished).count() == 1
    assert OutboxEmail.objects.filter(kind=OutboxEmail.Kind.BADGE_AWARDED).count() == 1


def test_concurrent_direct_awards_all_return_the_one_winner(badge_world, finished):
    results = []

    def award(index):
        results.append(awarding.award_badge(badge_world.badge, finished, source="rule"))

    assert race(award) == []
    winners = [award for award, created in results if created]
    assert len(winners) == 1
    assert {award.pk for award, _created in results} == {winners[0].pk}
    assert BadgeAward.objects.count() == 1


def test_concurrent_awards_to_many_learners_get_distinct_status_slots(badge_world):
    badge = make_badge(rule="manual_award", name_en="Helper")
    mentor = make_user(groups=["Editors"])
    learners = [make_user() for _ in range(THREADS)]

    def award(index):
        awarding.award_by_hand(badge, learners[index], by=mentor, reason="ساعد زملاءه")

    assert race(award) == []
    slots = list(BadgeAward.objects.values_list("status_list", "status_index"))
    assert len(slots) == THREADS == len(set(slots))
