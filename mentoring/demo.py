"""Demo cohorts for ``manage.py seed_demo``: one per demo course, with the demo mentor.

Found by the cms app's seeder discovery (``cms.demo``). Runs after the courses and the
accounts exist. A cohort that is already there is left as an editor shaped it.
"""

from django.contrib.auth import get_user_model

from cms.demo import register_seeder
from cms.demo.site import demo_key
from courses.demo.content import COURSES
from courses.models import CoursePage
from mentoring.models import Cohort

COHORT_NAME = "الدفعة الأولى"


def demo_courses():
    """{course spec key: the Arabic demo course page} for the courses seeded so far."""
    keys = {demo_key(f"course:{spec['key']}"): spec["key"] for spec in COURSES}
    pages = CoursePage.objects.filter(translation_key__in=keys, locale__language_code="ar")
    return {keys[page.translation_key]: page for page in pages}


@register_seeder("cohorts", order=96)
def seed_cohorts(ctx):
    """A cohort per demo course, mentored by the demo "mentor" account.

    Provides ctx.data["demo_cohorts"], keyed by course spec key.
    """
    mentor = get_user_model().objects.filter(username="mentor").first()
    cohorts = {}
    for key, course in demo_courses().items():
        cohort = Cohort.objects.filter(course_key=course.translation_key).order_by("pk").first()
        if cohort is None:
            cohort = Cohort.objects.create(course=course, name=COHORT_NAME)
            if mentor is not None:
                cohort.mentors.add(mentor)
            ctx.count("cohorts")
        cohorts[key] = cohort
    ctx.data["demo_cohorts"] = cohorts
