"""Filters for the plain-text e-mails, where no <bdi> can set a value apart."""

from django import template

from config.i18n import isolate as isolate_text

register = template.Library()


@register.filter
def isolate(value):
    """A name, title or address kept whole inside an Arabic line (Unicode isolates)."""
    return isolate_text(value) if value not in (None, "") else ""
