"""A small academy for the badge tests: courses, learners, badge classes, and the real
learning tracker and mentor review driving them (no shortcuts into the award code)."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Site

from credentials.models import BadgeClass, BadgeRule, LearnerProfile
from learning.models import READING_COMPONENT_ID
from learning.progress import complete_component, enrol
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    assignment_block,
    text_block,
)

_emails = itertools.count(1)

BADGE_TEXTS = {
    "name_ar": "عرضي الأول",
    "name_en": "My first proposal",
    "name_fr": "Ma première proposition",
    "description_ar": "أكمل دورة كتابة العرض الأول لعميل على خمسات أو مستقل.",
    "description_en": "Completed the course on writing a first proposal to a client.",
    "criteria_ar": "إكمال كل دروس الدورة.",
    "criteria_en": "Finish every lesson of the course.",
}


def serve_from(home):
    """Make ``home`` the default site's root; creates the Site when a transactional
    test before this one flushed the rows the migrations made."""
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )


def make_user(email=None, *, groups=(), **profile):
    email = email or f"learner{next(_emails)}@example.com"
    user = get_user_model().objects.create_user(
        username=email, email=email, password="a long test password 1"
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if profile:
        LearnerProfile.objects.create(user=user, **profile)
    return user


def make_course(catalogue, *, track="pitching", lessons=2, **fields):
    course = CoursePageFactory(parent=catalogue, track=track, **fields)
    pages = [LessonPageFactory(parent=course) for _ in range(lessons)]
    return course, pages


def make_assignment_lesson(course, mentor=True):
    block = assignment_block(mentor=mentor)
    lesson = LessonPageFactory(parent=course, body=[text_block("<p>اقرأ</p>"), block])
    return lesson, block["id"]


def make_badge(rule=BadgeRule.COURSE, **fields):
    values = {**BADGE_TEXTS, "rule": rule, "design_track": "pitching", **fields}
    badge = BadgeClass(**values)
    badge.full_clean()
    badge.save()
    return badge


def finish_course(user, course, lessons):
    """Enrol and mark every reading lesson done through the learning tracker."""
    enrol(user, course)
    for lesson in lessons:
        complete_component(user, lesson, READING_COMPONENT_ID)
