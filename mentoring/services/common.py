"""What every change of a submission shares: refusals, the assignment, events, locks."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import Enrolment
from learning.pages import LESSON_REMOVED, page_in_language
from learning.progress.errors import LearningError
from mentoring.limits import MAX_FEEDBACK_LENGTH, MAX_TEXT_LENGTH  # noqa: F401
from mentoring.models import (
    Submission,
    SubmissionEvent,
)


class ReviewError(LearningError):
    """A refusal with a stable code, an HTTP status and a translated message; the API
    turns it into problem details like every other learning error."""

    def __init__(self, message, *, code, status=400):
        super().__init__(message, code=code, status=status)


def _refuse(error):
    status = 403 if error.code == "forbidden" else 409
    return ReviewError(error.message, code=error.code, status=status)


# --- the assignment ---------------------------------------------------------------


@dataclass
class Assignment:
    lesson: object
    course: object
    block_id: str
    value: object

    @property
    def hand_in(self):
        return set(self.value.get("hand_in") or [])

    @property
    def title(self):
        return self.value.get("title") or ""

    @property
    def marketplace(self):
        return self.value.get("link_marketplace")

    @property
    def needs_mentor(self):
        return bool(self.value.get("mentor_approval_required"))

    def rubric(self):
        """The rubric as plain data: what a review scores and keeps a copy of."""
        criteria = []
        for criterion in self.value.get("rubric") or []:
            levels = [
                {
                    "label": level["label"],
                    "description": level.get("description") or "",
                    "points": int(level["points"] or 0),
                }
                for level in criterion["levels"]
            ]
            criteria.append(
                {
                    "criterion": criterion["criterion"],
                    "description": criterion.get("description") or "",
                    "levels": levels,
                    "max_points": max((lv["points"] for lv in levels), default=0),
                }
            )
        return criteria


def find_assignment(lesson, block_id):
    """The live lesson's assignment block, or ReviewError(404)."""
    from courses.models import CoursePage

    value = lesson.get_assignment(block_id) if lesson is not None else None
    if value is None:
        raise ReviewError(_("This assignment does not exist."), code="not_found", status=404)
    course = CoursePage.objects.parent_of(lesson).first()
    if course is None:
        raise ReviewError(_("This assignment does not exist."), code="not_found", status=404)
    return Assignment(lesson=lesson, course=course, block_id=block_id, value=value)


def lesson_of(submission):
    """The page the work was handed in on or, once that page is deleted, another
    translation of the lesson (the submission's language first); None once the lesson
    is gone in every language. Unpublished pages count: the work can still be read and
    reviewed against their rubric."""
    from courses.models import LessonPage

    if submission.lesson_id is not None:
        return submission.lesson
    return page_in_language(LessonPage, submission.lesson_key, submission.language, live=False)


def course_of(submission):
    """The course page of a submission, found again by key as :func:`lesson_of`."""
    from courses.models import CoursePage

    if submission.course_id is not None:
        return submission.course
    return page_in_language(CoursePage, submission.course_key, submission.language, live=False)


def assignment_of(submission):
    """The submission's assignment; ReviewError(410) once its lesson was removed."""
    lesson = lesson_of(submission)
    if lesson is None:
        raise ReviewError(LESSON_REMOVED, code="lesson_removed", status=410)
    return find_assignment(lesson.specific, submission.assignment_id)


def is_enrolled(user, course):
    return Enrolment.objects.active().filter(user=user, course_key=course.translation_key).exists()


def submission_for(user, assignment):
    return Submission.objects.filter(
        learner=user,
        lesson_key=assignment.lesson.translation_key,
        assignment_id=assignment.block_id,
    ).first()


def require_enrolment(user, assignment):
    if not is_enrolled(user, assignment.course):
        raise ReviewError(
            _("Enrol in this course (it is free) to hand in your work."),
            code="not_enrolled",
            status=403,
        )


def start_submission(user, assignment, language):
    """The learner's submission for this assignment, created as a draft the first time."""
    require_enrolment(user, assignment)
    submission, _created = Submission.objects.get_or_create(
        learner=user,
        lesson_key=assignment.lesson.translation_key,
        assignment_id=assignment.block_id,
        defaults={
            "lesson": assignment.lesson,
            "course": assignment.course,
            "course_key": assignment.course.translation_key,
            "assignment_title": assignment.title[:200],
            "language": _language(language),
        },
    )
    return submission


def _language(code):
    codes = {c for c, _name in settings.LANGUAGES}
    code = (code or "").split("-")[0].lower()
    return code if code in codes else settings.LANGUAGE_CODE


def _event(submission, actor, action, from_state, version=None, at=None):
    SubmissionEvent.objects.create(
        submission=submission,
        actor=actor,
        action=action,
        from_state=from_state,
        to_state=submission.state,
        version=version,
        created_at=at or timezone.now(),
    )


def _locked(submission):
    return Submission.objects.select_for_update().get(pk=submission.pk)


def complete_assignment(submission):
    """Tell the progress tracker the assignment component is done (approval)."""
    from learning.progress.completion import complete_component

    lesson = lesson_of(submission)
    if lesson is None:
        return
    complete_component(
        submission.learner,
        lesson.specific,
        submission.assignment_id,
        kind="assignment",
    )
