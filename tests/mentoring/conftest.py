"""A course with an assignment, a learner in each of two cohorts, and every role.

Roles: ``learner`` (owns the work, cohort A), ``other_learner`` (cohort B), ``mentor``
(mentors cohort A), ``other_mentor`` (mentors cohort B only), ``lead`` (lead mentor,
mentors cohort B, so sees the whole course), ``editor`` (CMS Editors group).
"""

import pytest

from learning.models import Enrolment
from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, CohortMembership
from tests.factories.cms import MarketplaceFactory

# The learning tests' fixtures (learner, course, api …) serve these tests too.
from tests.learning.conftest import *  # noqa: F403, E402
from tests.learning.conftest import _fresh_cache  # noqa: F401, E402
from tests.mentoring.helpers import hand_in, make_lesson, make_user


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.BIDAYA_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.SITE_URL = "https://bidaya.example"


@pytest.fixture
def khamsat(db):
    return MarketplaceFactory(
        slug="khamsat",
        name_ar="خمسات",
        name_en="Khamsat",
        name_fr="Khamsat",
        website="https://khamsat.com/",
        profile_url_template="https://khamsat.com/user/{username}",
        profile_url_pattern=r"https://khamsat\.com/user/[A-Za-z0-9_.-]{2,40}/?",
    )


@pytest.fixture
def lesson(khamsat):
    return make_lesson(khamsat)


@pytest.fixture
def file_lesson(khamsat, course):
    """A lesson of the same course whose assignment takes text, a link and a file."""
    return make_lesson(khamsat, hand_in=("text", "link", "file"), parent=course)


@pytest.fixture
def course(lesson):
    return lesson.get_parent().specific


@pytest.fixture
def roles(db, course):
    users = {
        "learner": make_user("learner"),
        "other_learner": make_user("otherlearner"),
        "mentor": make_user("mentor", [MENTORS_GROUP]),
        "other_mentor": make_user("othermentor", [MENTORS_GROUP]),
        "lead": make_user("lead", [LEAD_MENTORS_GROUP]),
        "editor": make_user("editor", ["Editors"]),
    }
    cohort_a = Cohort.objects.create(course=course, name="A")
    cohort_b = Cohort.objects.create(course=course, name="B")
    cohort_a.mentors.add(users["mentor"])
    cohort_b.mentors.add(users["other_mentor"], users["lead"])
    for name, cohort in (("learner", cohort_a), ("other_learner", cohort_b)):
        Enrolment.objects.create(user=users[name], course_key=course.translation_key)
        CohortMembership.objects.create(cohort=cohort, learner=users[name])
    users["cohort_a"], users["cohort_b"] = cohort_a, cohort_b
    return users


@pytest.fixture
def submitted(roles, lesson):
    """The learner's work, handed in once (text and a Khamsat service link)."""
    return hand_in(roles["learner"], lesson)
