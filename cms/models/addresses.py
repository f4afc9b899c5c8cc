"""Checks of web addresses learners give on a marketplace (profiles, pages of their work).

Pure functions on strings: the Marketplace snippet applies them with its own host.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config.i18n import isolate


def has_dot_segments(path):
    """True when a browser would resolve the path before asking the server.

    "..", "." and their %2e spellings (and an encoded / or \\) are resolved first, so
    "/u/.." really opens the marketplace's home page, whatever a pattern says.
    """
    decoded = re.sub(r"%2e", ".", path, flags=re.IGNORECASE)
    return bool(re.search(r"%(2f|5c)", path, re.IGNORECASE)) or any(
        segment in {".", ".."} for segment in decoded.split("/")
    )


def checked_https_address(url, expected_host, max_length, empty_message):
    """``(host, path)`` of an https address on ``expected_host``, or a translated
    ValidationError saying what is wrong with it."""
    value = (url or "").strip()
    if not value:
        raise ValidationError(empty_message, code="required")
    if len(value) > max_length:
        raise ValidationError(
            ngettext(
                "This address is too long (at most %(max)s character).",
                "This address is too long (at most %(max)s characters).",
                max_length,
            ),
            code="too_long",
            params={"max": max_length},
        )
    if "\\" in value or any(ch.isspace() or not ch.isprintable() for ch in value):
        raise ValidationError(
            _("The address contains spaces or characters that are not allowed."),
            code="characters",
        )
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        raise ValidationError(_("This is not a valid web address."), code="invalid") from error
    if parts.scheme.lower() != "https":
        raise ValidationError(_("The address must start with https://."), code="scheme")
    if "@" in parts.netloc:
        raise ValidationError(
            _("The address must not contain a user name or password."), code="credentials"
        )
    host = (parts.hostname or "").lower()
    if host != expected_host or port not in (None, 443):
        raise ValidationError(
            _("The address must be on %(host)s."),
            code="host",
            params={"host": isolate(expected_host)},
        )
    return host, parts.path or "/"
