"""Saving a demo simulation (``analytics.demo_activity``) in a few bulk statements."""

from django.db.models import Q

from credentials import awarding
from credentials.models import BadgeAward, BadgeClass, BadgeRule
from learning.models import ComponentProgress, Enrolment, Heartbeat, LessonProgress, QuizAttempt
from mentoring.models import (
    Cohort,
    CohortMembership,
    Review,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from mentoring.models.choices import Action, State
from mentoring.services.reviewing import score as rubric_score

BATCH = 2000
TO_STATE = {Action.APPROVE: State.APPROVED, Action.REQUEST_CHANGES: State.CHANGES_REQUESTED}


def write(sim):
    rows = sim.rows
    Enrolment.objects.bulk_create(rows["enrolments"], batch_size=BATCH)
    CohortMembership.objects.bulk_create(sim.memberships, batch_size=BATCH)
    Cohort.objects.filter(pk__in={m.cohort_id for m in sim.memberships}).recount()
    LessonProgress.objects.bulk_create(rows["lessons"], batch_size=BATCH)
    ComponentProgress.objects.bulk_create(rows["components"], batch_size=BATCH)
    Heartbeat.objects.bulk_create(rows["beats"], batch_size=BATCH)
    QuizAttempt.objects.bulk_create(rows["quizzes"], batch_size=BATCH)
    reviews = write_hand_ins(sim)
    awards = award_finishers(sim.finishers)
    return {
        "enrolments": len(rows["enrolments"]),
        "lesson progress rows": len(rows["lessons"]),
        "heartbeats": len(rows["beats"]),
        "quiz attempts": len(rows["quizzes"]),
        "hand-ins": len(sim.handed_in),
        "reviews": reviews,
        "course badges": awards,
    }


def write_hand_ins(sim):
    cohorts = {m.learner_id: {} for m in sim.memberships}
    for membership in sim.memberships:
        cohorts[membership.learner_id][membership.course_key] = membership.cohort
    submissions = []
    for submission, _versions, _assignment in sim.handed_in:
        submission.cohort = cohorts.get(submission.learner.pk, {}).get(submission.course_key)
        submissions.append(submission)
    Submission.objects.bulk_create(submissions, batch_size=BATCH)
    versions, reviews, events, decided_at = [], [], [], []
    for submission, made, assignment in sim.handed_in:
        rubric = assignment.rubric()
        for version, decision, decided in made:
            version.submission = submission
            versions.append(version)
            events.append(
                SubmissionEvent(
                    submission=submission, actor=submission.learner, action=Action.SUBMIT,
                    from_state=State.DRAFT if version.number == 1 else State.CHANGES_REQUESTED,
                    to_state=State.SUBMITTED if version.number == 1 else State.RESUBMITTED,
                    version=version, created_at=version.submitted_at,
                )
            )  # fmt: skip
            if decision is None:
                continue
            level = -1 if decision == Action.APPROVE else 0
            levels = {i: (len(c["levels"]) - 1 if level == -1 else 0) for i, c in enumerate(rubric)}
            scores, points, most = rubric_score(rubric, levels)
            reviews.append(
                Review(
                    submission=submission, version=version, mentor=sim.mentor, decision=decision,
                    feedback=sim.rng.choice(FEEDBACK_TEXTS), scores=scores, points=points,
                    max_points=most,
                )
            )  # fmt: skip
            decided_at.append(decided)
            events.append(
                SubmissionEvent(
                    submission=submission, actor=sim.mentor, action=decision,
                    from_state=State.IN_REVIEW, to_state=TO_STATE[decision], version=version,
                    created_at=decided,
                )
            )  # fmt: skip
    SubmissionVersion.objects.bulk_create(versions, batch_size=BATCH)
    Review.objects.bulk_create(reviews, batch_size=BATCH)
    # The decision's own time, which ``auto_now_add`` replaced when the rows were made.
    for review, when in zip(reviews, decided_at, strict=True):
        review.created_at = when
    Review.objects.bulk_update(reviews, ["created_at"], batch_size=BATCH)
    SubmissionEvent.objects.bulk_create(events, batch_size=BATCH)
    return len(reviews)


FEEDBACK_TEXTS = [
    "عرض واضح يبدأ بحاجة العميل. أضف مثالًا من عملك السابق في المرة القادمة.",
    "السعر محسوب جيدًا، لكن الوصف لا يقول متى تسلّم. أضف موعدًا واضحًا.",
    "عمل مقنع ومرتب. أحسنت في اختيار المثال.",
]


def award_finishers(finishers):
    """The course badge for every finisher, through the awarding service (signed)."""
    keys = {course.translation_key for _learner, course, _when in finishers}
    badges = {
        b.course_key: b
        for b in BadgeClass.objects.active().filter(Q(rule=BadgeRule.COURSE), course_key__in=keys)
    }
    made = 0
    for learner, course, when in finishers:
        badge = badges.get(course.translation_key)
        if badge is None:
            continue
        _award, created = awarding.award_badge(
            badge, learner, source=BadgeAward.Source.RULE, language="ar", now=when
        )
        made += created
    return made
