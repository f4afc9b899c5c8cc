"""Concurrent claims on PostgreSQL: however many mentors press "claim" at once, one wins.

Each thread has its own database connection and waits at a barrier so the claims hit
the database together. SQLite serialises every writer, so the race only exists on
PostgreSQL (CI's database).
"""

import threading

import pytest

from django.db import connections

from mentoring import services
from mentoring.models import MENTORS_GROUP, Submission, SubmissionEvent
from tests.mentoring.helpers import hand_in, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
MENTORS = 8


def race(submission_pk, mentors):
    barrier = threading.Barrier(len(mentors))
    outcomes = {}

    def attempt(mentor):
        try:
            barrier.wait(timeout=30)
            submission = Submission.objects.get(pk=submission_pk)
            services.claim(submission, mentor)
            outcomes[mentor.pk] = "won"
        except services.ReviewError as error:
            outcomes[mentor.pk] = error.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(m,)) for m in mentors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_exactly_one_of_many_simultaneous_claims_wins(roles, lesson):
    mentors = [roles["mentor"]] + [make_user(f"m{i}", [MENTORS_GROUP]) for i in range(MENTORS - 1)]
    roles["cohort_a"].mentors.add(*mentors)
    submission = hand_in(roles["learner"], lesson)

    for round_number in range(5):
        outcomes = race(submission.pk, mentors)
        winners = [pk for pk, outcome in outcomes.items() if outcome == "won"]
        assert len(outcomes) == MENTORS
        assert len(winners) == 1, outcomes
        assert sorted(o for o in outcomes.values() if o != "won") == ["claimed"] * (MENTORS - 1)
        submission.refresh_from_db()
        assert submission.claimed_by_id == winners[0]
        assert submission.state == "in_review"
        claims = SubmissionEvent.objects.filter(submission=submission, action="claim")
        assert claims.count() == round_number + 1  # one event per round: the winner's
        winner = next(m for m in mentors if m.pk == winners[0])
        services.release(submission, winner)


def test_a_claim_and_a_decision_racing_leave_one_consistent_state(roles, lesson):
    """The holder approves while another mentor tries to take the claim."""
    other = make_user("other", [MENTORS_GROUP])
    roles["cohort_a"].mentors.add(other)
    submission = hand_in(roles["learner"], lesson)
    services.claim(submission, roles["mentor"])
    barrier = threading.Barrier(2)
    results = {}

    def approve():
        try:
            barrier.wait(timeout=30)
            services.decide(
                Submission.objects.get(pk=submission.pk),
                roles["mentor"],
                "approve",
                levels={0: 2, 1: 1},
                feedback="ممتاز",
            )
            results["approve"] = "ok"
        except services.ReviewError as error:
            results["approve"] = error.code
        finally:
            connections.close_all()

    def steal():
        try:
            barrier.wait(timeout=30)
            services.claim(Submission.objects.get(pk=submission.pk), other)
            results["steal"] = "ok"
        except services.ReviewError as error:
            results["steal"] = error.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve), threading.Thread(target=steal)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    submission.refresh_from_db()
    assert results["approve"] == "ok"
    assert results["steal"] in ("claimed", "not_waiting")
    assert submission.state == "approved" and submission.claimed_by is None
