"""A small academy with known activity, for figures whose answers are worked out by hand.

One course of three lessons: a 10-second video, a quiz of three questions and a
reading. Each test adds the learners and the activity it needs, then runs the rollup.
"""

from datetime import timedelta

import pytest

from django.utils import timezone

from analytics.rollup import run
from tests.cms.conftest import make_site_root
from tests.factories.accounts import UserFactory
from tests.factories.cms import HomePageFactory
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    question,
    quiz_block,
    ready_video,
    text_block,
    video_block,
)
from tests.factories.learning import block_id

VIDEO_SECONDS = 10.0


@pytest.fixture
def threshold(settings):
    """Set the privacy threshold for a test (5 unless a test asks otherwise)."""

    def set_to(value):
        settings.BIDAYA_ANALYTICS_MIN_LEARNERS = value

    set_to(5)
    return set_to


@pytest.fixture
def academy(db):
    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, title="أول عرض", slug="first", track="pitching")
    video = ready_video(duration=VIDEO_SECONDS)
    course.video_lesson = LessonPageFactory(
        parent=course, title="شاهد", slug="watch", body=[video_block(video)]
    )
    quiz = quiz_block(
        questions=[
            question("س1", [("صواب", True), ("خطأ", False)]),
            question("س2", [("صواب", True), ("خطأ", False)]),
            question("س3", [("صواب", True), ("خطأ", False), ("خطأ آخر", False)]),
        ],
        pass_mark=60,
    )
    course.quiz_lesson = LessonPageFactory(
        parent=course, title="اختبر", slug="quiz", body=[text_block("<p>قبل</p>"), quiz]
    )
    course.reading_lesson = LessonPageFactory(
        parent=course, title="اقرأ", slug="read", body=[text_block("<p>نص</p>")]
    )
    course.video_id = block_id(course.video_lesson, "video")
    course.quiz_id = block_id(course.quiz_lesson, "quiz")
    course.video = video
    return course


@pytest.fixture
def learners(db):
    return [UserFactory() for _ in range(8)]


@pytest.fixture
def rollup():
    """Run the rollup at a moment (default: now), as the periodic task does."""

    def go(now=None):
        return run(now or timezone.now())

    return go


def ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)
