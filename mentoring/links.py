"""Checking a hand-in link.

For an assignment tied to a marketplace the link goes through the marketplace snippet's
own validator (``cms.models.Marketplace.clean_profile_url``): https only, no credentials,
no odd port, no characters a browser reinterprets, and exactly the marketplace's host.
That validator also insists on the *profile* pattern; an assignment may ask for a
service or project page on the same marketplace, so a link refused only for the pattern
is accepted when a profile link is not what was asked; one refused for anything else
(dot segments or encoded traversal included) stays refused. Other links get Django's
URL validator plus the same refusal of credentials and odd characters, and of hosts that
are not on the public internet.
"""

import ipaddress
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
        # Same host, safe characters, https, no dot segments: a page on the marketplace
        # other than a profile. Query and fragment are dropped as the profile check does.
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
    if not is_public_host(parts.hostname):
        raise ValidationError(
            _("This link points to a private or local address. Send a public link."),
            code="private_host",
        )
    return value


# Names that never lead to the public web (RFC 6761, RFC 6762, RFC 8375).
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".lan")


def is_public_host(host):
    """False for loopback, private, link-local and other non-global addresses and names.

    A mentor opens hand-in links from her own machine: one to 127.0.0.1, 192.168.1.1 or
    169.254.169.254 would make her browser talk to her own network.
    """
    host = (host or "").lower().rstrip(".")
    if not host or host == "localhost" or host.endswith(LOCAL_SUFFIXES):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        # A name (URLValidator required a top-level domain), unless it tried to be an
        # IPv6 address (a zone id such as fe80::1%eth0).
        return ":" not in host
    if getattr(address, "ipv4_mapped", None) is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast
