"""Who may see and review which submission.

A learner sees their own submissions. A mentor (in the Mentors or Lead mentors group)
sees the submissions of the cohorts they mentor. A lead mentor sees every submission
of each course where they mentor a cohort, including learners in no cohort. A default
mentor (set by editors per course or track) sees the cohorts without mentors and the
learners in no cohort of those courses (``mentoring.reviewers``), so nothing waits
unseen. Superusers act as lead mentors everywhere. Editors manage cohorts in the
admin but read no learner's work: that is between the learner and their mentors.

Every check is a queryset filter, so a submission outside someone's reach is a 404 for
them, exactly like one that does not exist.
"""

import hashlib

from django.db.models import Q

from cms.editorial import group_names
from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, Submission
from mentoring.reviewers import default_scope


def is_mentor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(group_names(user) & {MENTORS_GROUP, LEAD_MENTORS_GROUP})


def is_lead_mentor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or LEAD_MENTORS_GROUP in group_names(user)


def _cohorts(user):
    """``(cohort ids, course keys)`` of the cohorts this user mentors, read once per user
    object (a request's user lives for that request only)."""
    cache = getattr(user, "_review_cohorts", None)
    if cache is None:
        rows = list(Cohort.objects.filter(mentors=user).values_list("pk", "course_key"))
        cache = (sorted({pk for pk, _key in rows}), sorted({key for _pk, key in rows}))
        user._review_cohorts = cache
    return cache


def _defaults(user):
    """The Q of the work that falls back to this user as a default mentor, or None;
    read once per user object like ``_cohorts``."""
    if not hasattr(user, "_review_defaults"):
        user._review_defaults = default_scope(user)
    return user._review_defaults


def mentor_scope(user):
    """A Q over Submission for what this mentor may review; None when nothing.

    The cohort ids come first, in one small query, so the submissions are filtered by
    ``cohort_id IN (…)``: no join through the cohort–mentor table and no DISTINCT,
    which would make every queue query touch all of the mentor's rows.
    """
    if not is_mentor(user):
        return None
    if user.is_superuser:
        return Q()
    cohort_ids, course_keys = _cohorts(user)
    scope = Q(cohort_id__in=cohort_ids)
    if course_keys and is_lead_mentor(user):
        scope |= Q(course_key__in=course_keys)
    defaults = _defaults(user)
    if defaults is not None:
        scope |= defaults
    return scope


def scope_key(user):
    """A short text naming what this user may review, for cache keys."""
    if user.is_superuser:
        return "all"
    role = "lead" if is_lead_mentor(user) else "mentor"
    key = f"{role}:{','.join(map(str, _cohorts(user)[0]))}"
    defaults = _defaults(user)
    if defaults is not None:
        key += ":" + hashlib.sha256(str(defaults).encode()).hexdigest()[:16]
    return key


def reviewable_submissions(user):
    scope = mentor_scope(user)
    if scope is None:
        return Submission.objects.none()
    return Submission.objects.filter(scope).exclude(learner=user)


def visible_submissions(user):
    """Own submissions plus the ones this user may review."""
    if not user.is_authenticated:
        return Submission.objects.none()
    scope = mentor_scope(user)
    mine = Q(learner=user)
    if scope is None:
        return Submission.objects.filter(mine)
    # Their own work is in either way, so the scope needs no "not their own" here.
    return Submission.objects.filter(mine | scope)


def can_review(user, submission):
    return reviewable_submissions(user).filter(pk=submission.pk).exists()
