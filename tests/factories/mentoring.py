"""Cohorts, mentors, submissions with their versions, events and reviews.

`SubmissionFactory()` builds a lesson holding an assignment (through the courses
factories) and a learner enrolled in its course; the submission copies the lesson's and
course's keys and the assignment's block id and title, as `services.start_submission`
does. Traits walk it along the review states:

    SubmissionFactory(submitted=True)      # waiting in the queue
    SubmissionFactory(in_review=True)      # claimed by a mentor
    ReviewFactory()                        # an approved submission and its review

`IntakeFactory()` gives a course its intake settings and a default mentor.

These write rows directly: tests of the state machine itself go through
`mentoring.services` (see tests/mentoring/helpers.py).
"""

from datetime import timedelta

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from mentoring import services
from mentoring.models import (
    LEAD_MENTORS_GROUP,
    MENTORS_GROUP,
    Cohort,
    CohortMembership,
    FeedbackSnippet,
    Intake,
    Review,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from mentoring.models.choices import Action, State
from tests.factories.accounts import UserFactory, group
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    assignment_block,
    text_block,
)
from tests.factories.learning import EnrolmentFactory, block_id

KHAMSAT_SERVICE = "https://khamsat.com/programming/123456-arabize-wordpress-theme"


def _assignment_body():
    return [text_block("<p>اقرأ المثال ثم اكتب عرضك</p>"), assignment_block()]


class MentorFactory(UserFactory):
    """Someone in the Mentors group."""

    email = factory.Sequence(lambda n: f"mentor{n}@example.com")
    first_name = "كريم"
    last_name = factory.Sequence(lambda n: f"المرشد {n}")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if not create:
            return
        names = [MENTORS_GROUP] if extracted is None else list(extracted)
        self.groups.add(*(group(name) for name in names))


class LeadMentorFactory(MentorFactory):
    """A mentor who also sees every cohort of the courses they mentor in."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if not create:
            return
        names = [MENTORS_GROUP, LEAD_MENTORS_GROUP] if extracted is None else list(extracted)
        self.groups.add(*(group(name) for name in names))


class CohortFactory(DjangoModelFactory):
    """An open cohort of a course with one mentor (pass `mentors=[…]` to choose)."""

    course = factory.SubFactory(CoursePageFactory)
    name = factory.Sequence(lambda n: f"دفعة {n + 1}")

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    @factory.post_generation
    def mentors(self, create, extracted, **kwargs):
        if not create:
            return
        self.mentors.set([MentorFactory()] if extracted is None else extracted)


class IntakeFactory(DjangoModelFactory):
    """A course's intake settings with one default mentor (pass ``track=…`` and
    ``course=None`` for a whole track's, ``default_mentors=[…]`` to choose)."""

    course = factory.SubFactory(CoursePageFactory)
    cohort_capacity = 30

    class Meta:
        model = Intake
        skip_postgeneration_save = True

    @factory.post_generation
    def default_mentors(self, create, extracted, **kwargs):
        if not create:
            return
        self.default_mentors.set([MentorFactory()] if extracted is None else extracted)


class CohortMembershipFactory(DjangoModelFactory):
    """A learner enrolled in the cohort's course and placed in the cohort."""

    cohort = factory.SubFactory(CohortFactory)
    learner = factory.SubFactory(UserFactory)
    # Copied from the cohort again by CohortMembership.save().
    course_key = factory.SelfAttribute("cohort.course_key")

    class Meta:
        model = CohortMembership
        skip_postgeneration_save = True

    @factory.post_generation
    def enrolment(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EnrolmentFactory(user=self.learner, course=self.cohort.course)


class SubmissionFactory(DjangoModelFactory):
    learner = factory.SubFactory(UserFactory)
    lesson = factory.SubFactory(LessonPageFactory, body=factory.LazyFunction(_assignment_body))
    lesson_key = factory.SelfAttribute("lesson.translation_key")
    course = factory.LazyAttribute(lambda o: o.lesson.get_parent().specific)
    course_key = factory.SelfAttribute("course.translation_key")
    assignment_id = factory.LazyAttribute(lambda o: block_id(o.lesson, "assignment"))
    assignment_title = factory.LazyAttribute(
        lambda o: (o.lesson.get_assignment(o.assignment_id).get("title") or "")[:200]
    )
    language = "ar"
    state = State.DRAFT

    class Meta:
        model = Submission
        skip_postgeneration_save = True

    class Params:
        submitted = factory.Trait(
            state=State.SUBMITTED,
            first_submitted_at=factory.LazyFunction(timezone.now),
            waiting_since=factory.SelfAttribute("first_submitted_at"),
        )
        in_review = factory.Trait(
            submitted=True,
            state=State.IN_REVIEW,
            claimed_by=factory.SubFactory(MentorFactory),
            claim_expires_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=2)),
        )
        approved = factory.Trait(
            submitted=True,
            state=State.APPROVED,
            waiting_since=None,
            decided_at=factory.LazyFunction(timezone.now),
        )

    @factory.post_generation
    def enrolment(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EnrolmentFactory(user=self.learner, course=self.course)


def next_version_number(submission):
    return submission.versions.exclude(number=None).count() + 1


class SubmissionVersionFactory(DjangoModelFactory):
    """The submission's next handed-in version; `draft=True` for the learner's draft."""

    submission = factory.SubFactory(SubmissionFactory, submitted=True)
    number = factory.LazyAttribute(lambda o: next_version_number(o.submission))
    text = "أقدم لك تعريب قالبك خلال ثلاثة أيام، مع مراجعة كل الصفحات."
    link = KHAMSAT_SERVICE
    submitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = SubmissionVersion

    class Params:
        draft = factory.Trait(number=None, submitted_at=None)


class SubmissionEventFactory(DjangoModelFactory):
    """The learner handing in a version: draft → submitted."""

    submission = factory.SubFactory(SubmissionFactory, submitted=True)
    version = factory.SubFactory(
        SubmissionVersionFactory, submission=factory.SelfAttribute("..submission")
    )
    actor = factory.SelfAttribute("submission.learner")
    action = Action.SUBMIT
    from_state = State.DRAFT
    to_state = State.SUBMITTED

    class Meta:
        model = SubmissionEvent


def rubric_scores(submission, level=-1):
    """Score rows for every criterion of the submission's rubric, at its top level
    (or at `level`), as `services.score` writes them: ``(rows, points, max_points)``."""
    rubric = services.assignment_of(submission).rubric()
    levels = {
        index: len(criterion["levels"]) - 1 if level == -1 else level
        for index, criterion in enumerate(rubric)
    }
    return services.score(rubric, levels)


class ReviewFactory(DjangoModelFactory):
    """A mentor's approval of the submission's latest version, every criterion at the top."""

    submission = factory.SubFactory(SubmissionFactory, approved=True)
    version = factory.SubFactory(
        SubmissionVersionFactory, submission=factory.SelfAttribute("..submission")
    )
    mentor = factory.SubFactory(MentorFactory)
    decision = Action.APPROVE
    feedback = "عرض واضح ومقنع، والرابط يعمل. أحسنت."
    scores = factory.LazyAttribute(lambda o: o.scored[0])
    points = factory.LazyAttribute(lambda o: o.scored[1])
    max_points = factory.LazyAttribute(lambda o: o.scored[2])

    class Meta:
        model = Review

    class Params:
        level = -1
        scored = factory.LazyAttribute(lambda o: rubric_scores(o.submission, o.level))
        changes_requested = factory.Trait(
            submission=factory.SubFactory(
                SubmissionFactory,
                submitted=True,
                state=State.CHANGES_REQUESTED,
                waiting_since=None,
                decided_at=factory.LazyFunction(timezone.now),
            ),
            decision=Action.REQUEST_CHANGES,
            level=0,
            feedback="أضف مثالا من عمل سابق واذكر موعد التسليم.",
        )


class FeedbackSnippetFactory(DjangoModelFactory):
    mentor = factory.SubFactory(MentorFactory)
    language = "ar"
    title = factory.Sequence(lambda n: f"ملاحظة {n}")
    text = "اذكر في أول سطر ما فهمته من طلب العميل."

    class Meta:
        model = FeedbackSnippet
