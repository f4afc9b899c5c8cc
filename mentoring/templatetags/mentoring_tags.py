"""Template tags of the review feature: the header's notices/queue links, and the
assignment block's status line on the lesson page."""

from django import template
from django.urls import reverse

from mentoring.models import Submission
from mentoring.permissions import is_mentor
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
    return {"submission": submission, "url": url}
