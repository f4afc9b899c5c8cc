"""A brand-new learner's hand-in in a course set up the way ``seed_demo`` sets up the
demo courses (its cohort made by the demo seeder, with the demo mentor account) reaches
the demo mentor's queue, and he is told."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from cms.demo.site import demo_key
from learning.progress.enrolment import enrol
from mentoring.demo import COHORT_NAME
from mentoring.models import Cohort
from mentoring.permissions import reviewable_submissions
from mentoring.states import State
from notifications.models import Notice
from tests.factories.courses import CoursePageFactory
from tests.mentoring.helpers import hand_in, make_lesson, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_like_course(settings, tmp_path, khamsat):
    """A course with the first demo course's translation key and an assignment that a
    mentor approves, then the demo accounts and the demo cohorts, seeded for real."""
    settings.VAR_DIR = tmp_path  # the demo passwords go to a throwaway file
    course = CoursePageFactory(translation_key=demo_key("course:first-proposal"))
    lesson = make_lesson(khamsat, parent=course)
    call_command("seed_demo", "--only=accounts", "--only=cohorts", stdout=StringIO())
    return course, lesson


def test_a_new_learners_hand_in_reaches_the_demo_mentors_queue(
    demo_like_course, client, django_capture_on_commit_callbacks
):
    course, lesson = demo_like_course
    mentor = get_user_model().objects.get(username="mentor")
    (cohort,) = Cohort.objects.filter(course_key=course.translation_key)
    assert cohort.name == COHORT_NAME
    assert list(cohort.mentors.all()) == [mentor]

    # She signed up a minute ago: no cohort, no history; enrolment places her.
    newcomer = make_user("newcomer")
    with django_capture_on_commit_callbacks(execute=True):
        enrol(newcomer, course)
    with django_capture_on_commit_callbacks(execute=True):
        submission = hand_in(newcomer, lesson)
    assert cohort.memberships.filter(learner=newcomer).count() == 1
    submission.refresh_from_db()
    assert (submission.cohort_id, submission.state) == (cohort.pk, State.SUBMITTED)

    # The demo mentor (no lead mentor, no superuser) may review it, sees it in his
    # queue, and was told.
    assert not mentor.is_superuser
    assert list(reviewable_submissions(mentor)) == [submission]
    client.force_login(mentor)
    response = client.get("/ar/mentor/")
    assert response.status_code == 200
    link = reverse("mentoring:mentor-submission", args=[submission.uuid])
    assert link in response.content.decode()
    assert Notice.objects.filter(user=mentor).count() == 1
