"""Saving a demo simulation (``analytics.demo_activity``) in a few bulk statements."""

from datetime import timedelta
from decimal import Decimal

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
    reported = report_outcomes(sim)
    return {
        "enrolments": len(rows["enrolments"]),
        "lesson progress rows": len(rows["lessons"]),
        "heartbeats": len(rows["beats"]),
        "quiz attempts": len(rows["quizzes"]),
        "hand-ins": len(sim.handed_in),
        "reviews": reviews,
        "course badges": awards,
        "outcomes": reported,
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


COUNTRIES = ("MA", "MA", "DZ", "EG", "JO", "TN", "SY")
MARKETPLACES = ("khamsat", "khamsat", "mostaql", "mostaql", "ureed")


def report_outcomes(sim):
    """Countries on the demo learners' profiles; a first client for about a third of
    the finishers, most of them counted in the statistics (some said no)."""
    from cms.models import Country, Marketplace
    from credentials.models import LearnerProfile
    from outcomes.models import Outcome

    countries = {c.code: c for c in Country.objects.filter(code__in=COUNTRIES)}
    markets = {m.slug: m for m in Marketplace.objects.filter(slug__in=MARKETPLACES)}
    learners = {learner.pk: learner for learner, _course, _when in sim.finishers}
    profiles = list(LearnerProfile.objects.filter(user_id__in=learners, country=None))
    for profile in profiles:
        profile.country = countries.get(sim.rng.choice(COUNTRIES))
    LearnerProfile.objects.bulk_update(profiles, ["country"], batch_size=BATCH)
    first = {}
    for learner, course, when in sorted(sim.finishers, key=lambda f: f[2]):
        first.setdefault(learner.pk, (learner, course, when))
    outcomes = []
    for learner, course, when in first.values():
        if sim.rng.random() > 0.4:
            continue
        happened = (when + timedelta(days=sim.rng.lognormvariate(3.0, 0.7))).date()
        if happened > sim.now.date():
            continue
        market = markets.get(sim.rng.choice(MARKETPLACES))
        outcomes.append(
            Outcome(
                user=learner, kind=Outcome.Kind.FIRST_CLIENT, course_key=course.translation_key,
                marketplace=market, happened_on=happened,
                link=f"{market.website.rstrip('/')}/demo-{learner.username}" if market else "",
                amount=Decimal(sim.rng.choice((10, 15, 25, 40, 60, 120))), currency="USD",
                count_in_statistics=sim.rng.random() < 0.85, may_contact=sim.rng.random() < 0.3,
                review=sim.rng.choice((Outcome.Review.VERIFIED, Outcome.Review.REPORTED)),
            )
        )  # fmt: skip
    Outcome.objects.bulk_create(outcomes, batch_size=BATCH)
    return len(outcomes)
