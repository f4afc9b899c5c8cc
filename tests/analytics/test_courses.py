"""Enrolments per week, the funnel, drop-off per lesson and time to finish, on a course
whose every number is known."""

from datetime import timedelta

import pytest

from django.utils import timezone

from analytics import reading
from analytics.models import DailyCount, Snapshot
from credentials.models import BadgeRule
from learning.models import Enrolment, LessonProgress
from tests.factories.credentials import BadgeAwardFactory, BadgeClassFactory

pytestmark = pytest.mark.django_db


def enrol(course, user, *, days_ago, finished_after=None):
    created = timezone.now() - timedelta(days=days_ago)
    return Enrolment.objects.create(
        user=user,
        course_key=course.translation_key,
        created_at=created,
        enrolled_at=created,
        completed_at=created + timedelta(days=finished_after) if finished_after else None,
    )


def progress(course, user, lesson, done=True):
    LessonProgress.objects.create(
        user=user,
        course_key=course.translation_key,
        lesson_key=lesson.translation_key,
        done_at=timezone.now() if done else None,
    )


@pytest.fixture
def funnel_course(academy, learners, threshold):
    """7 enrolled (5 this week, 2 three weeks ago), 6 started; the video lesson done by
    6, the quiz lesson by 5, the reading by 5; 5 finished after 2, 4, 6, 8 and 10 days;
    4 with the course badge."""
    course = academy
    video, quiz, reading_lesson = course.video_lesson, course.quiz_lesson, course.reading_lesson
    for number, user in enumerate(learners[:7]):
        finished = (2, 4, 6, 8, 10)[number] if number < 5 else None
        enrol(course, user, days_ago=(21 if number >= 5 else 0), finished_after=finished)
    for number, user in enumerate(learners[:6]):
        progress(course, user, video)
        if number < 5:
            progress(course, user, quiz)
            progress(course, user, reading_lesson)
    badge = BadgeClassFactory(rule=BadgeRule.COURSE, course=course)
    for user in learners[:4]:
        BadgeAwardFactory(badge_class=badge, recipient=user)
    return course


def step(figures, kind, label=None):
    return next(s for s in figures["funnel"] if s["step"] == kind and s["label"] == label)


def test_the_funnel_counts_each_step_and_the_drop_off_per_lesson(funnel_course, rollup):
    rollup()
    figures = reading.course(str(funnel_course.translation_key))
    assert [s["learners"] for s in figures["funnel"]] == [7, 6, 6, 5, 5, 5, None]
    # The badge went to 4 learners: fewer than the threshold, hidden.
    assert step(figures, "badged")["learners"] is None
    assert step(figures, "lesson", "شاهد")["drop_off"] == 0.0
    # 6 did the video lesson, 5 of them the quiz: one in six dropped (16.7 %).
    assert step(figures, "lesson", "اختبر")["drop_off"] == 16.7
    assert step(figures, "finished")["share"] == round(100 * 5 / 7, 1)


def test_median_time_to_finish_is_in_days_from_enrolment(funnel_course, rollup):
    rollup()
    (summary,) = reading.courses()
    assert summary["median_days"] == 6.0
    assert summary["enrolled"] == 7 and summary["finished"] == 5


def test_enrolments_per_week_hide_weeks_of_fewer_learners(funnel_course, rollup):
    rollup()
    figures = reading.course(str(funnel_course.translation_key))
    weeks = figures["enrolments_per_week"]
    assert weeks[-1]["enrolments"] == 5
    # Two enrolments three weeks ago: counted, but not shown.
    assert weeks[-4]["enrolments"] is None
    stored = DailyCount.objects.filter(metric=DailyCount.Metric.ENROLLED)
    assert sum(stored.values_list("value", flat=True)) == 7


def test_the_track_adds_up_its_courses(funnel_course, rollup):
    rollup()
    (track,) = reading.tracks()
    assert track["track"] == "pitching"
    assert (track["enrolled"], track["finished"], track["median_days"]) == (7, 5, 6.0)


def test_a_course_of_fewer_learners_shows_none_of_its_figures(academy, learners, threshold, rollup):
    for user in learners[:4]:
        enrol(academy, user, days_ago=1, finished_after=1)
    rollup()
    (summary,) = reading.courses()
    assert summary["shown"] is False
    assert summary["enrolled"] is None and summary["finished"] is None
    figures = reading.course(str(academy.translation_key))
    assert all(s["learners"] is None for s in figures["funnel"])
    threshold(4)
    assert reading.course(str(academy.translation_key))["funnel"][0]["learners"] == 4


def test_a_course_without_learners_is_listed_with_nothing_to_hide(academy, rollup):
    rollup()
    row = Snapshot.objects.get(kind=Snapshot.Kind.COURSE)
    assert row.data["enrolled"] == 0
    assert [lesson["done"] for lesson in row.data["lessons"]] == [0, 0, 0]
