from decimal import Decimal

from django import template
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from courses import pricing

register = template.Library()


@register.filter
def progress_of(progress, lesson_pk):
    """The reader's status in a lesson ("started", "done" or None) from ``{pk: status}``."""
    return (progress or {}).get(lesson_pk)


@register.filter
def duration(seconds):
    """Human length of a video or course: "45 sec", "12 min", "1 h 5 min", counts in plural."""
    try:
        seconds = float(seconds or 0)
    except (TypeError, ValueError):
        return ""
    if seconds <= 0:
        return ""
    if seconds < 60:
        count = round(seconds)
        return ngettext("%(count)s sec", "%(count)s sec", count) % {"count": count}
    minutes = int((seconds + 30) // 60)  # half a minute rounds up
    if minutes < 60:
        return ngettext("%(count)s min", "%(count)s min", minutes) % {"count": minutes}
    hours, minutes = divmod(minutes, 60)
    hours_text = ngettext("%(count)s h", "%(count)s h", hours) % {"count": hours}
    if not minutes:
        return hours_text
    minutes_text = ngettext("%(count)s min", "%(count)s min", minutes) % {"count": minutes}
    return pgettext("a length: hours then minutes", "%(hours_part)s %(minutes_part)s") % {
        "hours_part": hours_text,
        "minutes_part": minutes_text,
    }


@register.filter
def megabytes(size_in_bytes):
    """A data size a learner on a metered connection can weigh: "0.8", "4.6", "12"."""
    try:
        size = Decimal(int(size_in_bytes or 0)) / Decimal(1_000_000)
    except (TypeError, ValueError):
        return ""
    decimals = 1 if size < 10 else 0
    if size and size < Decimal("0.1"):
        size = Decimal("0.1")
    return pricing.format_amount(size, decimals, get_language() or "ar")


@register.filter
def number(value, decimals=0):
    """A number in Latin digits with the page language's separators (as the calculator)."""
    try:
        return pricing.format_amount(Decimal(value), int(decimals), get_language() or "ar")
    except (TypeError, ValueError, ArithmeticError):
        return ""


@register.filter
def filesize(size_in_bytes):
    """ "820 KB", "4.6 MB": like Django's filesizeformat, with the site's number format."""
    try:
        size = int(size_in_bytes or 0)
    except (TypeError, ValueError):
        return ""
    language = get_language() or "ar"
    if size < 1_000_000:
        kilobytes = max(1, round(size / 1000))
        return _("%(size)s KB") % {"size": pricing.format_amount(kilobytes, 0, language)}
    return _("%(size)s MB") % {"size": megabytes(size)}
