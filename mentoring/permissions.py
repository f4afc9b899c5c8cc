"""Who may see and review which submission.

A learner sees their own submissions. A mentor (in the Mentors or Lead mentors group)
sees the submissions of the cohorts they mentor. A lead mentor sees every submission
of each course where they mentor a cohort, including learners in no cohort, so nothing
waits unseen. Superusers act as lead mentors everywhere. Editors manage cohorts in the
admin but read no learner's work: that is between the learner and their mentors.

Every check is a queryset filter, so a submission outside someone's reach is a 404 for
them, exactly like one that does not exist.
"""

from django.db.models import Q

from cms.editorial import group_names
from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, Submission


def _group_names(user):
    return group_names(user)


def is_mentor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_group_names(user) & {MENTORS_GROUP, LEAD_MENTORS_GROUP})


def is_lead_mentor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or LEAD_MENTORS_GROUP in _group_names(user)


def mentor_scope(user):
    """A Q over Submission for what this mentor may review; None when nothing."""
    if not is_mentor(user):
        return None
    if user.is_superuser:
        return Q()
    scope = Q(cohort__mentors=user)
    if is_lead_mentor(user):
        course_keys = Cohort.objects.filter(mentors=user).values("course_key")
        scope |= Q(course_key__in=course_keys)
    return scope


def reviewable_submissions(user):
    scope = mentor_scope(user)
    if scope is None:
        return Submission.objects.none()
    return Submission.objects.filter(scope).exclude(learner=user).distinct()


def visible_submissions(user):
    """Own submissions plus the ones this user may review."""
    if not user.is_authenticated:
        return Submission.objects.none()
    scope = mentor_scope(user)
    mine = Q(learner=user)
    if scope is None:
        return Submission.objects.filter(mine)
    ids = reviewable_submissions(user).values("pk")
    return Submission.objects.filter(mine | Q(pk__in=ids))


def can_review(user, submission):
    return reviewable_submissions(user).filter(pk=submission.pk).exists()


def mentor_courses(user):
    """Course keys a mentor works on, for the queue's course filter."""
    if user.is_superuser:
        return None
    return Cohort.objects.filter(mentors=user).values_list("course_key", flat=True).distinct()
