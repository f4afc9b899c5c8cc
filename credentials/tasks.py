"""Background work for badges: rules checked after an event, credentials re-signed.

Events arrive after the transaction that recorded them has committed; the checks run
as tasks so a request that finished a course or approved a piece of work never waits
for signing. Each task reads the facts again, so running one twice is harmless.
"""

import uuid

from django_tasks import task

from django.contrib.auth import get_user_model


def _user(user_id):
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()


@task()
def check_course(user_id, course_key, course_id=None):
    """Award the course's and its track's badges if the learner has earned them."""
    from courses.models import CoursePage

    from .awarding import check_course as award_for_course
    from .awarding import learner_language

    user = _user(user_id)
    if user is None:
        return 0
    page = CoursePage.objects.filter(pk=course_id).select_related("locale").first()
    fallback = page.locale.language_code if page is not None else None
    awards = award_for_course(user, uuid.UUID(str(course_key)), learner_language(user, fallback))
    return len(awards)


@task()
def check_assignment(user_id, lesson_key, assignment_id, language=None):
    """Award the badges of an approved assignment."""
    from .awarding import check_assignment as award_for_assignment
    from .awarding import learner_language

    user = _user(user_id)
    if user is None:
        return 0
    awards = award_for_assignment(
        user, uuid.UUID(str(lesson_key)), assignment_id, learner_language(user, language)
    )
    return len(awards)


@task()
def resign_credentials(user_id):
    """Sign a learner's badges again after they changed what their profile shows."""
    from .awarding import resign_all

    user = _user(user_id)
    return len(resign_all(user)) if user is not None else 0
