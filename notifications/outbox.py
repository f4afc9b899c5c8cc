"""Telling people: in-app notices and e-mails through an outbox, in their language.

The apps above this one decide what to say (``mentoring.notify``,
``credentials.emails``): they write notices and outbox rows, and register a builder per
e-mail kind in ``CONTEXT_BUILDERS`` and a text per notice kind in ``NOTICE_TEXTS``.
A digest gathers items: the first one opens an outbox row that waits a few minutes
and later ones join it. Delivery locks the row, renders the e-mail in the recipient's
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
from django.db.models import Count
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from config.prepared import Prepared
from notifications.models import Notice, NotificationPreference, OutboxEmail

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)

# E-mails other apps put in the outbox: kind -> builder(row, context) that returns the
# template context, or None when there is nothing left to say.
CONTEXT_BUILDERS = {}
# Notices other apps write: kind -> function(notice) -> (text, url or None), called in
# the reader's language when the notice is shown.
NOTICE_TEXTS = {}


# --- who and in which language ----------------------------------------------------


# Apps above this one may know the name a person chose for herself (the learner
# profile's): ``NAME_SOURCES`` holds callables ``(user, language) -> str`` ("" when they
# know none), and ``NAME_PREFETCHERS`` callables ``(users)`` that load those names for a
# whole list at once (a mentor's queue) so each row costs no query.
NAME_SOURCES = []
NAME_PREFETCHERS = []


def prefetch_names(users):
    users = [user for user in users if user is not None]
    for prefetch in NAME_PREFETCHERS:
        prefetch(users)


def display_name(user):
    """The name she chose, else her sign-up name, else her e-mail's local part."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    for source in NAME_SOURCES:
        name = (source(user, language) or "").strip()
        if name:
            return name
    return account_name(user)


def account_name(user):
    """The name given at sign-up, else the e-mail's local part: how staff (mentors,
    who keep no learner profile) are named, without a look-up."""
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


# --- notices and digests --------------------------------------------------------------


def notify(user, kind, **data):
    """Write an in-app notice; its text is made in the reader's language when shown."""
    return Notice.objects.create(user=user, kind=kind, data=data)


def notice_text(notice):
    """(text, url or None) of a notice, from the app that wrote it."""
    render = NOTICE_TEXTS.get(notice.kind)
    if render is None:
        return notice.get_kind_display(), None
    return render(notice)


def add_to_digest(recipient, kind, item_id, minutes):
    """Add ``item_id`` to the recipient's open digest of ``kind``, or open one.

    A new digest waits ``minutes`` for more items. One open digest per recipient and
    kind is a database constraint, so two workers racing to open one end up sharing it.
    """
    for _attempt in range(3):
        try:
            with transaction.atomic():
                row = (
                    OutboxEmail.objects.select_for_update()
                    .filter(
                        recipient=recipient,
                        kind=kind,
                        is_digest=True,
                        status=OutboxEmail.Status.PENDING,
                        attempts=0,
                    )
                    .first()
                )
                if row is not None:
                    ids = row.data.get("items", [])
                    if item_id not in ids:
                        row.data = {**row.data, "items": [*ids, item_id]}
                        row.save(update_fields=["data"])
                    return row
                row = OutboxEmail.objects.create(
                    recipient=recipient,
                    kind=kind,
                    is_digest=True,
                    language=language_for(recipient),
                    data={"items": [item_id]},
                    send_after=timezone.now() + timedelta(minutes=minutes),
                )
                transaction.on_commit(lambda row=row: schedule(row))
                return row
        except IntegrityError:
            continue  # another worker opened the digest at the same moment: join it
    raise RuntimeError(f"Could not add {item_id} to a {kind} digest")


def send_email(recipient, kind, language, **data):
    """Queue one e-mail (sent on commit by a task)."""
    row = OutboxEmail.objects.create(recipient=recipient, kind=kind, language=language, data=data)
    transaction.on_commit(lambda: schedule(row))
    return row


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
    names = [f"notifications/email/{language}/{kind}.{suffix}"]
    if language != settings.LANGUAGE_CODE:
        names.append(f"notifications/email/{settings.LANGUAGE_CODE}/{kind}.{suffix}")
    return names


def absolute(path):
    return settings.SITE_URL + path


def _context(row):
    builder = CONTEXT_BUILDERS.get(row.kind)
    if builder is None:
        raise LookupError(f"No e-mail builder for {row.kind!r}")
    context = {"recipient_name": display_name(row.recipient), "site_url": settings.SITE_URL}
    return builder(row, context)


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


# Asked by the header of every page a signed-in person sees.
_UNREAD = Prepared(
    lambda user_id: (
        Notice.objects.filter(user_id=user_id, read_at__isnull=True)
        .values("user_id")
        .annotate(unread=Count("pk"))
        .values_list("unread", flat=True)
    ),
    user_id=int,
)


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return next(iter(_UNREAD(user_id=user.pk)), 0)


def mark_read(user, ids=None):
    notices = Notice.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        notices = notices.filter(pk__in=ids)
    return notices.update(read_at=timezone.now())
