"""Asking once, 30 days after a finished course, what the learner earned since.

``ask_due()`` (the periodic ``ask_outcomes`` command queues it) finds learners who
finished a course between ``ASK_AFTER_DAYS`` and ``ASK_UNTIL_DAYS`` ago, were never
asked and have not reported a first client, and asks each of them in her language: an
in-app notice and an e-mail through the outbox, both linking to the one-step form.
The ``OutcomeAsk`` row is written first, in the same transaction, and is one per
learner, so two runs at the same moment ask her once.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from learning.models import Enrolment
from notifications import outbox
from notifications.models import Notice, OutboxEmail
from outcomes.models import Outcome, OutcomeAsk

logger = logging.getLogger(__name__)

ASK_AFTER_DAYS = 30
# A learner who finished longer ago than this (before the feature existed, or while
# her account was inactive) is not asked out of the blue.
ASK_UNTIL_DAYS = 90
BATCH = 500


def report_path(course_key=None):
    """The one-step form in the active language."""
    path = reverse("outcomes:report")
    return f"{path}?course={course_key}" if course_key else path


def due(now=None, limit=BATCH):
    """``[(user_id, course_key, course language)]`` of learners to ask now, oldest
    finish first, one row per learner."""
    now = now or timezone.now()
    asked = OutcomeAsk.objects.filter(user=OuterRef("user"))
    reported = Outcome.objects.filter(user=OuterRef("user"), kind=Outcome.Kind.FIRST_CLIENT)
    rows = (
        Enrolment.objects.filter(
            completed_at__lte=now - timedelta(days=ASK_AFTER_DAYS),
            completed_at__gt=now - timedelta(days=ASK_UNTIL_DAYS),
            user__is_active=True,
        )
        .exclude(Exists(asked))
        .exclude(Exists(reported))
        .order_by("completed_at", "pk")
        .values_list("user_id", "course_key")
    )
    found = {}
    for user_id, course_key in rows[: limit * 4]:
        found.setdefault(user_id, course_key)
        if len(found) >= limit:
            break
    return list(found.items())


def course_language(course_key):
    from courses.models import CoursePage

    return (
        CoursePage.objects.filter(translation_key=course_key, live=True)
        .order_by("pk")
        .values_list("locale__language_code", flat=True)
        .first()
    )


def ask(user, course_key, now=None):
    """Ask one learner; return the ``OutcomeAsk`` or None when she was asked already."""
    language = outbox.language_for(user, course_language(course_key))
    try:
        with transaction.atomic():
            row = OutcomeAsk.objects.create(
                user=user, course_key=course_key, language=language, asked_at=now or timezone.now()
            )
            outbox.notify(user, Notice.Kind.OUTCOME_ASK, course=str(course_key))
            if outbox.wants_email(user):
                outbox.send_email(
                    user, OutboxEmail.Kind.OUTCOME_ASK, language, course=str(course_key)
                )
    except IntegrityError:
        return None
    return row


def ask_due(now=None):
    """Ask every learner who is due; return how many were asked."""
    from django.contrib.auth import get_user_model

    pending = due(now)
    users = get_user_model().objects.in_bulk([user_id for user_id, _key in pending])
    asked = 0
    for user_id, course_key in pending:
        user = users.get(user_id)
        if user is not None and ask(user, course_key, now) is not None:
            asked += 1
    if asked:
        logger.info("Asked %s learners about their outcomes", asked)
    return asked


# --- the notice's and the e-mail's words ----------------------------------------------


def notice_text(notice):
    text = _("It has been a month since you finished your course. Did you find a client?")
    return text, report_path((notice.data or {}).get("course"))


def email_context(row, context):
    from courses.models import CoursePage

    course_key = (row.data or {}).get("course")
    page = CoursePage.objects.filter(translation_key=course_key).order_by("pk").first()
    with translation.override(row.language):
        url = outbox.absolute(report_path(course_key))
    context.update(
        {
            "course_title": outbox.localized_title(page, row.language) if page else "",
            "url": url,
        }
    )
    return context


outbox.NOTICE_TEXTS[Notice.Kind.OUTCOME_ASK] = notice_text
outbox.CONTEXT_BUILDERS[OutboxEmail.Kind.OUTCOME_ASK] = email_context
