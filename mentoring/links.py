"""Checking a hand-in link.

For an assignment tied to a marketplace the link goes through the marketplace snippet's
own validator (``cms.models.Marketplace.clean_profile_url``): https only, no credentials,
no odd port, no characters a browser reinterprets, and exactly the marketplace's host.
That validator also insists on the *profile* pattern; an assignment may ask for a
service or project page on the same marketplace, so a link refused only for the pattern
is accepted when a profile link is not what was asked. Other links get Django's URL
validator plus the same refusal of credentials and odd characters.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from mentoring.limits import MAX_LINK_LENGTH


def clean_link(value, marketplace=None, *, profile_only=False):
    """Return the link in canonical form or raise a translated ValidationError."""
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("Enter a link."), code="required")
    if len(value) > MAX_LINK_LENGTH:
        raise ValidationError(
            _("This link is too long (at most %(max)s characters)."),
            code="too_long",
            params={"max": MAX_LINK_LENGTH},
        )
    if marketplace is not None:
        try:
            return marketplace.clean_profile_url(value)
        except ValidationError as error:
            if profile_only or getattr(error, "code", None) != "pattern":
                raise
        # Same host, safe characters, https: a page on the marketplace other than a
        # profile. Query and fragment are dropped as the profile check does.
        parts = urlsplit(value)
        return urlunsplit(("https", parts.hostname.lower(), parts.path or "/", "", ""))
    if "\\" in value or any(ch.isspace() or not ch.isprintable() for ch in value):
        raise ValidationError(
            _("The link contains spaces or characters that are not allowed."),
            code="characters",
        )
    URLValidator(schemes=["https", "http"], message=_("Enter a valid web address."))(value)
    parts = urlsplit(value)
    if "@" in parts.netloc:
        raise ValidationError(
            _("The link must not contain a user name or password."), code="credentials"
        )
    return value
