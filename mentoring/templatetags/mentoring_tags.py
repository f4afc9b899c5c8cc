"""Template tags of the review feature: the header's notices/queue links, and the
assignment block's status line on the lesson page (with who will review and by when)."""

from django import template
from django.urls import reverse

from learning.progress.state import enrolments_by_course
from mentoring.models import Submission
from mentoring.permissions import is_mentor
from mentoring.reviewers import promise_for
from mentoring.states import FINAL, WAITING
from notifications.outbox import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def review_nav(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"mentor": is_mentor(user), "unread": unread_count(user)}


@register.simple_tag(takes_context=True)
def assignment_status(context):
    """The current learner's submission for the assignment block being rendered."""
    request = context.get("request")
    page = context.get("page")
    block_id = context.get("assignment_id") or context.get("id")
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and page is not None and block_id):
        return {}
    key = getattr(page, "translation_key", None)
    submission = Submission.objects.filter(
        learner=user, lesson_key=key, assignment_id=block_id
    ).first()
    url = reverse(
        "mentoring:assignment-submit", kwargs={"lesson_id": page.pk, "assignment_id": block_id}
    )
    status = {"submission": submission, "url": url}
    if submission is None:
        # Told before she types: handing in enrols her (the lesson panel asked already,
        # so this costs no query).
        course = context.get("course") or page.get_parent().specific
        found = enrolments_by_course(user, [course.translation_key], request)
        enrolment = found.get(str(course.translation_key))
        if enrolment is None or not enrolment.is_active:
            status["enrol_course"] = course
    value = context.get("value") or {}
    needs_mentor = submission.state in WAITING if submission else False
    needs_mentor = needs_mentor or bool(value.get("mentor_approval_required"))
    if needs_mentor and (submission is None or submission.state not in FINAL):
        course_key = submission.course_key if submission else _course_key(context, page)
        status["promise"] = promise_for(user, course_key, submission)
    return status


def _course_key(context, page):
    """The lesson page's course, which its context already holds (or its parent)."""
    course = context.get("course") or page.get_parent()
    return getattr(course, "translation_key", None)
