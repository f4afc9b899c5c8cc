"""Which badges a learner has earned, read from what the database says they did.

Events (a course completed, an assignment approved) only say *where to look*; whether
a badge is earned is always decided here from the recorded facts: an enrolment with
``completed_at``, a submission in state ``approved``. So an event delivered twice, late
or out of order gives the same answer, and ``manage.py backfill_badges`` uses the very
same checks for progress made before a badge existed.

Translation keys tie it together: completing the English translation of a course is
completing the course.
"""

from django.db.models import Count
from django.utils import formats, translation
from django.utils.translation import gettext

from credentials.models import BadgeClass, BadgeRule
from learning.models import Enrolment
from learning.pages import page_in_language
from mentoring.models import Submission
from mentoring.states import State

from .site import page_url

# -- which badge classes an event concerns ----------------------------------------


def classes_for_course(course_key):
    """Active course badges for this course and track badges for its track."""
    from courses.models import CoursePage

    tracks = set(
        CoursePage.objects.filter(translation_key=course_key).values_list("track", flat=True)
    )
    course_rules = BadgeClass.objects.active().filter(rule=BadgeRule.COURSE, course_key=course_key)
    track_rules = BadgeClass.objects.active().filter(rule=BadgeRule.TRACK, track__in=tracks)
    return list(course_rules) + list(track_rules)


def classes_for_assignment(lesson_key, assignment_id):
    return list(
        BadgeClass.objects.active().filter(
            rule=BadgeRule.ASSIGNMENT, lesson_key=lesson_key, assignment_id=assignment_id
        )
    )


# -- is it earned? ------------------------------------------------------------------


def track_course_keys(track):
    """Translation keys of the live courses of a track (each course once)."""
    from courses.models import CoursePage

    return set(
        CoursePage.objects.live().filter(track=track).values_list("translation_key", flat=True)
    )


def completed_course_keys(user, keys=None):
    rows = Enrolment.objects.filter(user=user, completed_at__isnull=False)
    if keys is not None:
        rows = rows.filter(course_key__in=keys)
    return set(rows.values_list("course_key", flat=True))


def approved_submission(badge_class, user):
    return (
        Submission.objects.filter(
            learner=user,
            lesson_key=badge_class.lesson_key,
            assignment_id=badge_class.assignment_id,
            state=State.APPROVED,
        )
        .order_by("decided_at", "pk")
        .first()
    )


def is_earned(badge_class, user):
    """True when the learner has done what the badge's rule asks (never for manual badges)."""
    rule = badge_class.rule
    if rule == BadgeRule.COURSE:
        return bool(badge_class.course_key) and bool(
            completed_course_keys(user, [badge_class.course_key])
        )
    if rule == BadgeRule.TRACK:
        keys = track_course_keys(badge_class.track)
        return bool(keys) and completed_course_keys(user, keys) == keys
    if rule == BadgeRule.ASSIGNMENT:
        return bool(badge_class.lesson_key) and approved_submission(badge_class, user) is not None
    return False


def earners(badge_class):
    """Ids of every learner who has earned the badge by its rule (for the backfill)."""
    rule = badge_class.rule
    if rule == BadgeRule.COURSE and badge_class.course_key:
        return set(
            Enrolment.objects.filter(
                course_key=badge_class.course_key, completed_at__isnull=False
            ).values_list("user_id", flat=True)
        )
    if rule == BadgeRule.TRACK:
        keys = track_course_keys(badge_class.track)
        if not keys:
            return set()
        rows = (
            Enrolment.objects.filter(course_key__in=keys, completed_at__isnull=False)
            .values("user_id")
            .annotate(done=Count("course_key", distinct=True))
            .filter(done=len(keys))
        )
        return {row["user_id"] for row in rows}
    if rule == BadgeRule.ASSIGNMENT and badge_class.lesson_key:
        return set(
            Submission.objects.filter(
                lesson_key=badge_class.lesson_key,
                assignment_id=badge_class.assignment_id,
                state=State.APPROVED,
            ).values_list("learner_id", flat=True)
        )
    return set()


# -- what earned it -----------------------------------------------------------------


def _date(value, language):
    with translation.override(language):
        return formats.date_format(value, "DATE_FORMAT")


def evidence_for(badge_class, user, language):
    """Evidence entries (dicts for ``credential.EvidenceInfo``) in ``language``."""
    from courses.models import CoursePage, LessonPage

    rule = badge_class.rule
    entries = []
    with translation.override(language):
        if rule in (BadgeRule.COURSE, BadgeRule.TRACK):
            keys = (
                [badge_class.course_key]
                if rule == BadgeRule.COURSE
                else sorted(track_course_keys(badge_class.track), key=str)
            )
            completions = dict(
                Enrolment.objects.filter(
                    user=user, course_key__in=keys, completed_at__isnull=False
                ).values_list("course_key", "completed_at")
            )
            for key in keys:
                course = page_in_language(CoursePage, key, language)
                if course is None or key not in completions:
                    continue
                entries.append(
                    {
                        "id": page_url(course),
                        "name": course.title,
                        "narrative": gettext("Finished every lesson of the course on %(date)s.")
                        % {"date": _date(completions[key], language)},
                        "genre": gettext("Course"),
                    }
                )
        elif rule == BadgeRule.ASSIGNMENT:
            submission = approved_submission(badge_class, user)
            lesson = page_in_language(LessonPage, badge_class.lesson_key, language)
            if submission is not None and lesson is not None:
                title = submission.assignment_title or lesson.title
                entries.append(
                    {
                        "id": page_url(lesson),
                        "name": title,
                        "narrative": gettext(
                            "A mentor reviewed the work against the assignment's rubric and "
                            "approved it on %(date)s."
                        )
                        % {"date": _date(submission.decided_at or submission.updated_at, language)},
                        "genre": gettext("Assignment"),
                    }
                )
    return entries


def manual_evidence(verify_url, reason, language):
    with translation.override(language):
        return [
            {
                "id": verify_url,
                "name": gettext("Awarded by a mentor"),
                "narrative": reason,
                "genre": gettext("Mentor's award"),
            }
        ]
