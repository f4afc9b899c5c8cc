"""Telling mentors and learners: in-app notices and e-mails through an outbox.

Nothing here runs inside a request. A change of state enqueues a task on commit; the
task writes the notices and outbox rows and asks for delivery. Mentors get a digest:
the first arrival opens an outbox row that waits ``BIDAYA_MENTOR_DIGEST_MINUTES`` and
later arrivals join it. Delivery locks the row, renders the e-mail in the recipient's
language and sends it; a failure is logged, counted and tried again after a growing
pause, up to ``BIDAYA_EMAIL_MAX_ATTEMPTS``, after which the row stays visible as
"failed" in the admin. ``manage.py send_notifications`` (or the ``send_due_emails``
task) sends whatever is due, for backends that cannot schedule a task for later.
"""

import logging
from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from lms.models import (
    LEAD_MENTORS_GROUP,
    MENTORS_GROUP,
    Cohort,
    Notice,
    NotificationPreference,
    OutboxEmail,
    Review,
    Submission,
)
from lms.review.states import WAITING

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)

# E-mails other features put in the outbox: kind -> builder(row, context) that returns
# the template context, or None when there is nothing left to say (lms.badges adds one).
CONTEXT_BUILDERS = {}


# --- who and in which language ----------------------------------------------------


def display_name(user):
    name = (user.get_full_name() or "").strip()
    return name or (user.email or user.get_username()).split("@", 1)[0]


def preference(user):
    try:
        return user.notification_preference
    except NotificationPreference.DoesNotExist:
        return None


def language_for(user, fallback=None):
    pref = preference(user)
    if pref is not None and pref.language:
        return pref.language
    return fallback or settings.LANGUAGE_CODE


def wants_email(user):
    pref = preference(user)
    return bool(user.email) and user.is_active and (pref is None or pref.email_enabled)


def mentors_for(submission):
    """The cohort's mentors; with no cohort, the course's lead mentors."""
    from django.contrib.auth import get_user_model

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


# --- from a change of state to notices and outbox rows ------------------------------


def submission_arrived(submission_id):
    fan_out_submission.enqueue(submission_id)


def review_done(review_id):
    fan_out_review.enqueue(review_id)


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
        Notice.objects.create(
            user=mentor,
            kind=Notice.Kind.SUBMISSION_ARRIVED,
            submission=submission,
            data={
                "title": submission.assignment_title,
                "learner": display_name(submission.learner),
            },
        )
        if wants_email(mentor):
            add_to_digest(mentor, submission)
    return len(mentors)


def digest_minutes():
    return settings.BIDAYA_MENTOR_DIGEST_MINUTES


def add_to_digest(mentor, submission):
    """Join the mentor's open digest or open one that waits for more arrivals."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                row = (
                    OutboxEmail.objects.select_for_update()
                    .filter(
                        recipient=mentor,
                        kind=OutboxEmail.Kind.SUBMISSION_DIGEST,
                        status=OutboxEmail.Status.PENDING,
                        attempts=0,
                    )
                    .first()
                )
                if row is not None:
                    ids = row.data.get("submissions", [])
                    if submission.pk not in ids:
                        row.data = {**row.data, "submissions": [*ids, submission.pk]}
                        row.save(update_fields=["data"])
                    return row
                row = OutboxEmail.objects.create(
                    recipient=mentor,
                    kind=OutboxEmail.Kind.SUBMISSION_DIGEST,
                    language=language_for(mentor),
                    data={"submissions": [submission.pk]},
                    send_after=timezone.now() + timedelta(minutes=digest_minutes()),
                )
                transaction.on_commit(lambda row=row: schedule(row))
                return row
        except IntegrityError:
            continue  # another worker opened the digest at the same moment: join it
    raise RuntimeError(f"Could not add submission {submission.pk} to a digest")


@task()
def fan_out_review(review_id):
    review = (
        Review.objects.select_related("submission__learner", "mentor").filter(pk=review_id).first()
    )
    if review is None:
        return 0
    learner = review.submission.learner
    Notice.objects.create(
        user=learner,
        kind=Notice.Kind.REVIEW_DONE,
        submission=review.submission,
        data={"title": review.submission.assignment_title, "decision": review.decision},
    )
    if wants_email(learner):
        row = OutboxEmail.objects.create(
            recipient=learner,
            kind=OutboxEmail.Kind.REVIEW_DONE,
            language=language_for(learner, review.submission.language),
            data={"review": review.pk},
        )
        transaction.on_commit(lambda: schedule(row))
    return 1


# --- delivery -----------------------------------------------------------------------


def schedule(row):
    """Ask the task backend to deliver the row when it is due."""
    backend = deliver_email.get_backend()
    if row.send_after > timezone.now():
        if not backend.supports_defer:
            return None  # send_notifications (cron) picks it up when due
        return deliver_email.using(run_after=row.send_after).enqueue(row.pk)
    return deliver_email.enqueue(row.pk)


def backoff(attempts):
    return min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _template(language, kind, suffix):
    names = [f"lms/email/{language}/{kind}.{suffix}"]
    if language != settings.LANGUAGE_CODE:
        names.append(f"lms/email/{settings.LANGUAGE_CODE}/{kind}.{suffix}")
    return names


def absolute(path):
    return settings.SITE_URL + path


def _context(row):
    context = {"recipient_name": display_name(row.recipient), "site_url": settings.SITE_URL}
    if row.kind in CONTEXT_BUILDERS:
        return CONTEXT_BUILDERS[row.kind](row, context)
    if row.kind == OutboxEmail.Kind.SUBMISSION_DIGEST:
        submissions = list(
            Submission.objects.filter(pk__in=row.data.get("submissions", []), state__in=WAITING)
            .select_related("learner", "course")
            .order_by("waiting_since", "pk")
        )
        if not submissions:
            return None
        for submission in submissions:
            submission.learner_name = display_name(submission.learner)
            submission.course_title = localized_title(submission.course, row.language)
            submission.url = absolute(reverse("lms:mentor-submission", args=[submission.uuid]))
        context.update(
            {
                "submissions": submissions,
                "count": len(submissions),
                "queue_url": absolute(reverse("lms:mentor-queue")),
            }
        )
        return context
    review = (
        Review.objects.select_related("submission__lesson", "submission__course", "mentor")
        .filter(pk=row.data.get("review"))
        .first()
    )
    if review is None:
        return None
    submission = review.submission
    lesson = localized_page(submission.lesson, row.language)
    context.update(
        {
            "review": review,
            "submission": submission,
            "decision": review.decision,
            "mentor_name": display_name(review.mentor) if review.mentor else "",
            "course_title": localized_title(submission.course, row.language),
            "lesson_title": lesson.title,
            "url": absolute(
                reverse(
                    "lms:assignment-submit",
                    kwargs={"lesson_id": lesson.pk, "assignment_id": submission.assignment_id},
                )
            ),
        }
    )
    return context


def localized_page(page, language):
    from wagtail.models import Locale

    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        return page
    translation_page = page.get_translation_or_none(locale)
    return translation_page if translation_page is not None and translation_page.live else page


def localized_title(page, language):
    return localized_page(page, language).title


def render_email(row):
    """(subject, text, html) in the row's language, or None when nothing is left to say."""
    with translation.override(row.language):
        context = _context(row)
        if context is None:
            return None
        context["language"] = row.language
        context["rtl"] = translation.get_language_bidi()
        subject = render_to_string(_template(row.language, row.kind, "subject.txt"), context)
        text = render_to_string(_template(row.language, row.kind, "txt"), context)
        try:
            html = render_to_string(_template(row.language, row.kind, "html"), context)
        except TemplateDoesNotExist:
            html = None
    return " ".join(subject.split()), text, html


def deliver(pk):
    """Send one outbox row if it is due; return its status afterwards."""
    now = timezone.now()
    with transaction.atomic():
        row = (
            OutboxEmail.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=pk, status=OutboxEmail.Status.PENDING)
            .first()
        )
        if row is None:
            return None
        if row.send_after > now:
            transaction.on_commit(lambda: schedule(row))
            return row.status
        try:
            rendered = render_email(row)
            if rendered is None:
                row.status = OutboxEmail.Status.SKIPPED
                row.sent_at = now
                row.save(update_fields=["status", "sent_at"])
                return row.status
            subject, text, html = rendered
            message = EmailMultiAlternatives(subject, text, to=[row.recipient.email])
            if html:
                message.attach_alternative(html, "text/html")
            message.send()
        except Exception as error:
            row.attempts += 1
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            if row.attempts >= settings.BIDAYA_EMAIL_MAX_ATTEMPTS:
                row.status = OutboxEmail.Status.FAILED
                logger.error(
                    "Gave up sending e-mail %s (%s) to user %s after %s attempts: %s",
                    row.pk,
                    row.kind,
                    row.recipient_id,
                    row.attempts,
                    row.last_error,
                )
            else:
                row.send_after = now + backoff(row.attempts)
                logger.warning(
                    "Sending e-mail %s (%s) failed (attempt %s), retrying after %s: %s",
                    row.pk,
                    row.kind,
                    row.attempts,
                    row.send_after.isoformat(),
                    row.last_error,
                )
                transaction.on_commit(lambda: schedule(row))
            row.save(update_fields=["attempts", "last_error", "status", "send_after"])
            return row.status
        row.status = OutboxEmail.Status.SENT
        row.sent_at = timezone.now()
        row.subject = subject[:255]
        row.save(update_fields=["status", "sent_at", "subject"])
        return row.status


@task()
def deliver_email(pk):
    return deliver(pk)


def due_rows(now=None):
    return OutboxEmail.objects.filter(
        status=OutboxEmail.Status.PENDING, send_after__lte=now or timezone.now()
    )


def send_due(now=None):
    """Deliver every due row; return how many were sent."""
    sent = 0
    for pk in due_rows(now).order_by("send_after").values_list("pk", flat=True)[:500]:
        if deliver(pk) == OutboxEmail.Status.SENT:
            sent += 1
    return sent


@task()
def send_due_emails():
    return send_due()


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user, ids=None):
    notices = Notice.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        notices = notices.filter(pk__in=ids)
    updated = notices.update(read_at=timezone.now())
    if updated:
        # A queryset update sends no signal: the learner's cached pages show the count.
        from lms.pagecache import bump_user

        bump_user(user.pk)
    return updated
