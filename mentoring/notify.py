"""What mentors and learners are told about hand-ins and reviews.

A change of state enqueues a task on commit (``submission_arrived``, ``review_done``);
the task writes the notices and outbox rows through ``notifications.outbox``. Mentors
get a digest: the first arrival opens an e-mail that waits
``BIDAYA_MENTOR_DIGEST_MINUTES`` and later arrivals join it. The e-mails and notices
are worded here, in the reader's language, when they are sent or shown.
"""

import logging

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learning.pages import COURSE_REMOVED, LESSON_REMOVED
from mentoring import services
from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, Review, Submission
from mentoring.states import WAITING, Action
from notifications import outbox
from notifications.models import Notice, OutboxEmail

logger = logging.getLogger(__name__)


def mentors_for(submission):
    """The cohort's mentors; with no cohort, the course's lead mentors."""
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=[MENTORS_GROUP, LEAD_MENTORS_GROUP]
    )
    if submission.cohort_id:
        users = users.filter(mentored_cohorts=submission.cohort_id)
    else:
        users = users.filter(
            groups__name=LEAD_MENTORS_GROUP,
            mentored_cohorts__in=Cohort.objects.filter(course_key=submission.course_key),
        )
    return list(users.exclude(pk=submission.learner_id).distinct())


def submission_arrived(submission_id):
    fan_out_submission.enqueue(submission_id)


def review_done(review_id):
    fan_out_review.enqueue(review_id)


def _links(submission):
    return {
        "submission": str(submission.uuid),
        "lesson_id": submission.lesson_id,
        "assignment_id": submission.assignment_id,
    }


@task()
def fan_out_submission(submission_id):
    submission = Submission.objects.select_related("learner").filter(pk=submission_id).first()
    if submission is None or submission.state not in WAITING:
        return 0
    mentors = mentors_for(submission)
    if not mentors:
        logger.warning(
            "Submission %s is waiting but has no mentor to notify (no cohort mentor and "
            "no lead mentor for its course).",
            submission.pk,
        )
    for mentor in mentors:
        outbox.notify(
            mentor,
            Notice.Kind.SUBMISSION_ARRIVED,
            title=submission.assignment_title,
            learner=outbox.display_name(submission.learner),
            **_links(submission),
        )
        if outbox.wants_email(mentor):
            outbox.add_to_digest(
                mentor,
                OutboxEmail.Kind.SUBMISSION_DIGEST,
                submission.pk,
                settings.BIDAYA_MENTOR_DIGEST_MINUTES,
            )
    return len(mentors)


@task()
def fan_out_review(review_id):
    review = (
        Review.objects.select_related("submission__learner", "mentor").filter(pk=review_id).first()
    )
    if review is None:
        return 0
    submission = review.submission
    learner = submission.learner
    outbox.notify(
        learner,
        Notice.Kind.REVIEW_DONE,
        title=submission.assignment_title,
        decision=review.decision,
        **_links(submission),
    )
    if outbox.wants_email(learner):
        outbox.send_email(
            learner,
            OutboxEmail.Kind.REVIEW_DONE,
            outbox.language_for(learner, submission.language),
            review=review.pk,
        )
    return 1


# --- wording, in the reader's language -------------------------------------------------

DECISION_TEXT = {
    Action.APPROVE.value: _("Your work “%(title)s” was approved."),
    Action.REQUEST_CHANGES.value: _("Your mentor asked for changes to “%(title)s”."),
    Action.REJECT.value: _("Your work “%(title)s” was not accepted."),
}


def workspace_url(lesson_id, assignment_id):
    return reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": lesson_id, "assignment_id": assignment_id},
    )


def arrived_text(notice):
    data = notice.data or {}
    text = _("New work to review: “%(title)s” by %(learner)s.") % {
        "title": data.get("title", ""),
        "learner": data.get("learner", ""),
    }
    uuid = data.get("submission")
    return text, reverse("mentoring:mentor-submission", args=[uuid]) if uuid else None


def reviewed_text(notice):
    data = notice.data or {}
    template = DECISION_TEXT.get(data.get("decision"), _("Your work “%(title)s” was reviewed."))
    url = None
    if data.get("lesson_id") and data.get("assignment_id"):
        url = workspace_url(data["lesson_id"], data["assignment_id"])
    return template % {"title": data.get("title", "")}, url


def digest_context(row, context):
    submissions = list(
        Submission.objects.filter(pk__in=row.data.get("items", []), state__in=WAITING)
        .select_related("learner", "course")
        .order_by("waiting_since", "pk")
    )
    if not submissions:
        return None
    for submission in submissions:
        submission.learner_name = outbox.display_name(submission.learner)
        course = services.course_of(submission)
        submission.course_title = (
            outbox.localized_title(course, row.language) if course else str(COURSE_REMOVED)
        )
        submission.url = outbox.absolute(
            reverse("mentoring:mentor-submission", args=[submission.uuid])
        )
    context.update(
        {
            "submissions": submissions,
            "count": len(submissions),
            "queue_url": outbox.absolute(reverse("mentoring:mentor-queue")),
        }
    )
    return context


def review_context(row, context):
    review = (
        Review.objects.select_related("submission__lesson", "submission__course", "mentor")
        .filter(pk=row.data.get("review"))
        .first()
    )
    if review is None:
        return None
    submission = review.submission
    lesson, course = services.lesson_of(submission), services.course_of(submission)
    if lesson is not None:
        lesson = outbox.localized_page(lesson, row.language)
    context.update(
        {
            "review": review,
            "submission": submission,
            "decision": review.decision,
            "mentor_name": outbox.display_name(review.mentor) if review.mentor else "",
            "course_title": (
                outbox.localized_title(course, row.language) if course else str(COURSE_REMOVED)
            ),
            "lesson_title": lesson.title if lesson else str(LESSON_REMOVED),
            "url": outbox.absolute(
                workspace_url(lesson.pk, submission.assignment_id)
                if lesson
                else reverse("learning:dashboard")
            ),
        }
    )
    return context


outbox.NOTICE_TEXTS[Notice.Kind.SUBMISSION_ARRIVED] = arrived_text
outbox.NOTICE_TEXTS[Notice.Kind.REVIEW_DONE] = reviewed_text
outbox.CONTEXT_BUILDERS[OutboxEmail.Kind.SUBMISSION_DIGEST] = digest_context
outbox.CONTEXT_BUILDERS[OutboxEmail.Kind.REVIEW_DONE] = review_context
