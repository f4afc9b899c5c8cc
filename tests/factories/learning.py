"""Enrolments, progress rows, heartbeats, activity and quiz attempts.

Learning rows point at pages by translation key. Each factory takes the page it is
about as a parameter (`course=` or `lesson=`, built through the courses factories when
not given) and copies the keys from it, so rows agree with the page tree:

    lesson = LessonPageFactory(body=[quiz_block()])
    attempt = QuizAttemptFactory(user=learner, lesson=lesson)          # scored, passed
    QuizAttemptFactory(user=learner, lesson=lesson, right=False)       # attempt 2, failed
"""

import uuid
from datetime import timedelta

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from courses.blocks.quiz import answer_key
from learning.models import (
    READING_COMPONENT_ID,
    Activity,
    ComponentKind,
    ComponentProgress,
    Enrolment,
    Heartbeat,
    LessonProgress,
    QuizAttempt,
)
from learning.progress.quizzes import score as score_answers
from tests.factories.accounts import UserFactory
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    quiz_block,
    text_block,
    video_block,
)
from tests.factories.media import VideoFactory


def block_id(page, block_type):
    """The id of the first block of `block_type` in a lesson body."""
    return next(block.id for block in page.body if block.block_type == block_type)


def course_key_of(lesson):
    return lesson.get_parent().translation_key


def _video_body():
    return [text_block("<p>قبل أن تشاهد</p>"), video_block(VideoFactory(ready=True))]


def _quiz_body():
    return [text_block("<p>قبل الاختبار</p>"), quiz_block()]


class EnrolmentFactory(DjangoModelFactory):
    course = factory.SubFactory(CoursePageFactory)
    user = factory.SubFactory(UserFactory)
    course_key = factory.SelfAttribute("course.translation_key")

    class Meta:
        model = Enrolment
        django_get_or_create = ("user", "course_key")
        exclude = ("course",)

    class Params:
        left = factory.Trait(
            status=Enrolment.Status.LEFT, left_at=factory.LazyFunction(timezone.now)
        )
        completed = factory.Trait(completed_at=factory.LazyFunction(timezone.now))


class LessonProgressFactory(DjangoModelFactory):
    """A started lesson; `done=True` for a finished one."""

    lesson = factory.SubFactory(LessonPageFactory)
    user = factory.SubFactory(UserFactory)
    course_key = factory.LazyAttribute(lambda o: course_key_of(o.lesson))
    lesson_key = factory.SelfAttribute("lesson.translation_key")

    class Meta:
        model = LessonProgress
        exclude = ("lesson",)

    class Params:
        done = factory.Trait(done_at=factory.LazyFunction(timezone.now))


class ComponentProgressFactory(DjangoModelFactory):
    """The reading of a lesson with nothing else to do, done; `video=True` for a video
    watched halfway, with its intervals and resume position."""

    lesson = factory.SubFactory(LessonPageFactory)
    user = factory.SubFactory(UserFactory)
    course_key = factory.LazyAttribute(lambda o: course_key_of(o.lesson))
    lesson_key = factory.SelfAttribute("lesson.translation_key")
    component_id = READING_COMPONENT_ID
    kind = ComponentKind.READING
    done_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ComponentProgress
        exclude = ("lesson",)

    class Params:
        video = factory.Trait(
            lesson=factory.SubFactory(LessonPageFactory, body=factory.LazyFunction(_video_body)),
            component_id=factory.LazyAttribute(lambda o: block_id(o.lesson, "video")),
            kind=ComponentKind.VIDEO,
            done_at=None,
            duration=125.0,
            intervals=factory.LazyFunction(lambda: [[0.0, 62.5]]),
            watched_seconds=62.5,
            position=62.5,
            position_at=factory.LazyFunction(timezone.now),
            last_beat_at=factory.LazyFunction(timezone.now),
            seconds_spent=63.0,
        )


class HeartbeatFactory(DjangoModelFactory):
    """One heartbeat from the player: the first 30 seconds of a lesson's video."""

    lesson = factory.SubFactory(LessonPageFactory, body=factory.LazyFunction(_video_body))
    event_id = factory.LazyFunction(uuid.uuid4)
    user = factory.SubFactory(UserFactory)
    lesson_key = factory.SelfAttribute("lesson.translation_key")
    component_id = factory.LazyAttribute(lambda o: block_id(o.lesson, "video"))
    sent_at = factory.LazyFunction(lambda: timezone.now() - timedelta(seconds=1))
    position = 30.0
    intervals = factory.LazyFunction(lambda: [[0.0, 30.0]])
    new_seconds = 30.0

    class Meta:
        model = Heartbeat
        exclude = ("lesson",)


class ActivityFactory(DjangoModelFactory):
    """An enrolment on the learner's timeline; `lesson_done=True` for a finished lesson."""

    course = factory.SubFactory(CoursePageFactory)
    lesson = None
    user = factory.SubFactory(UserFactory)
    kind = Activity.Kind.ENROLLED
    course_key = factory.SelfAttribute("course.translation_key")

    class Meta:
        model = Activity
        exclude = ("course", "lesson")

    class Params:
        lesson_done = factory.Trait(
            kind=Activity.Kind.LESSON_DONE,
            course=None,
            lesson=factory.SubFactory(LessonPageFactory),
            course_key=factory.LazyAttribute(lambda o: course_key_of(o.lesson)),
            lesson_key=factory.SelfAttribute("lesson.translation_key"),
            data=factory.LazyAttribute(lambda o: {"lesson_id": o.lesson.pk}),
        )


def scored_attempt(lesson, quiz_id, right):
    """Answers (all right, or all wrong) scored by the server's own scoring."""
    quiz = lesson.get_quiz(quiz_id)
    answers = {}
    for question_id, question in answer_key(quiz).items():
        if right:
            answers[question_id] = sorted(question["correct"])
        else:
            wrong = [c for c in question["choices"] if c not in question["correct"]]
            answers[question_id] = wrong[:1]
    answers, results, correct, total = score_answers(quiz, answers)
    percent = round(100 * correct / total) if total else 0
    pass_mark = int(quiz.get("pass_mark") or 100)
    return {
        "answers": answers,
        "results": results,
        "correct": correct,
        "total": total,
        "score": percent,
        "pass_mark": pass_mark,
        "passed": percent >= pass_mark,
    }


def next_attempt_number(attempt):
    previous = QuizAttempt.objects.filter(
        user=attempt.user, lesson_key=attempt.lesson_key, quiz_id=attempt.quiz_id
    )
    return previous.count() + 1


class QuizAttemptFactory(DjangoModelFactory):
    """The learner's next attempt at a lesson's quiz, scored; `right=False` to fail it."""

    lesson = factory.SubFactory(LessonPageFactory, body=factory.LazyFunction(_quiz_body))
    scored = factory.LazyAttribute(lambda o: scored_attempt(o.lesson, o.quiz_id, o.right))
    user = factory.SubFactory(UserFactory)
    course_key = factory.LazyAttribute(lambda o: course_key_of(o.lesson))
    lesson_key = factory.SelfAttribute("lesson.translation_key")
    lesson_id = factory.SelfAttribute("lesson.pk")
    quiz_id = factory.LazyAttribute(lambda o: block_id(o.lesson, "quiz"))
    number = factory.LazyAttribute(next_attempt_number)
    answers = factory.LazyAttribute(lambda o: o.scored["answers"])
    results = factory.LazyAttribute(lambda o: o.scored["results"])
    correct = factory.LazyAttribute(lambda o: o.scored["correct"])
    total = factory.LazyAttribute(lambda o: o.scored["total"])
    score = factory.LazyAttribute(lambda o: o.scored["score"])
    pass_mark = factory.LazyAttribute(lambda o: o.scored["pass_mark"])
    passed = factory.LazyAttribute(lambda o: o.scored["passed"])

    class Meta:
        model = QuizAttempt
        exclude = ("lesson", "scored")

    class Params:
        right = True
