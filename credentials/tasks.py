"""Background work for badges: rules checked after an event, credentials re-signed.

Events arrive after the transaction that recorded them has committed; the checks run
as tasks so a request that finished a course or approved a piece of work never waits
for signing. Each task reads the facts again, so running one twice is harmless.
"""

import uuid

from django_tasks import task

from django.contrib.auth import get_user_model
from django.core.cache import cache

# A learner's re-signing waits in the queue at most once: the marker is set when one is
# queued and dropped when it starts, so saves made meanwhile ride on the waiting one
# (it reads the profile when it runs). The marker expires, so a lost task does not
# block re-signing for good.
RESIGN_PENDING_KEY = "credentials:resign-pending:{}"
RESIGN_PENDING_SECONDS = 3600


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


def request_resign(user_id):
    """Queue a re-signing of the learner's badges unless one is already waiting."""
    key = RESIGN_PENDING_KEY.format(user_id)
    if not cache.add(key, 1, timeout=RESIGN_PENDING_SECONDS):
        return False
    try:
        resign_credentials.enqueue(user_id)
    except Exception:
        cache.delete(key)
        raise
    return True


@task()
def resign_credentials(user_id):
    """Sign a learner's badges again after they changed what their profile shows."""
    from .awarding import resign_all

    # Before reading the profile: a save from now on needs a run of its own.
    cache.delete(RESIGN_PENDING_KEY.format(user_id))
    user = _user(user_id)
    return len(resign_all(user)) if user is not None else 0
