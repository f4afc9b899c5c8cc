"""The absolute URLs badges are built from, and the academy as issuer.

Every URL written into a credential is absolute and built from ``SITE_URL`` (not from
the request, which a proxy or a test client may dress differently), and points at a
language-neutral address that will keep answering: the issuer profile, the key set,
the status list, the badge class, the credential itself.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .credential import IssuerInfo

LANGUAGES = ("ar", "en", "fr")
ISSUER_DESCRIPTION = "Arabic-first academy for newcomer online freelancers."


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def issuer_url():
    return absolute(reverse("badges:issuer"))


def issuer_info():
    return IssuerInfo(
        id=issuer_url(),
        name=settings.BIDAYA_BADGE_ISSUER_NAME,
        url=absolute("/"),
        email=settings.BIDAYA_BADGE_ISSUER_EMAIL,
        description=ISSUER_DESCRIPTION,
    )


def key_url_template():
    """Where each public key is served; ``{kid}`` is its RFC 7638 thumbprint."""
    placeholder = "K" * 43  # the URL converter takes RFC 7638 thumbprints (43 characters)
    return absolute(reverse("badges:key", args=[placeholder])).replace(placeholder, "{kid}")


def status_list_url(number):
    return absolute(reverse("badges:status-list", args=[number]))


def class_url(badge_class):
    """The achievement's id and criteria URL (redirects to the page in the reader's language)."""
    return absolute(reverse("badges:class", args=[badge_class.uuid]))


def class_page_urls(badge_class):
    pages = {}
    for code in LANGUAGES:
        with translation.override(code):
            pages[code] = absolute(reverse("badge_pages:class", args=[badge_class.uuid]))
    return pages


def class_image_url(badge_class, extension="png"):
    return absolute(
        reverse(
            "badges:class-image",
            args=[badge_class.uuid, badge_class.design_version(), extension],
        )
    )


def credential_url(award):
    return absolute(reverse("badges:credential", args=[award.uuid]))


def verify_url(award_or_uuid):
    award_uuid = getattr(award_or_uuid, "uuid", award_or_uuid)
    return absolute(reverse("badges:verify", args=[award_uuid]))


def award_image_url(award, extension="png"):
    return absolute(reverse("badges:image", args=[award.uuid, extension]))


def profile_url(profile):
    return absolute(reverse("badges:learner", args=[profile.public_id]))


def page_url(page):
    """A Wagtail page's absolute URL on ``SITE_URL``."""
    _site_id, _root, path = page.get_url_parts()
    return absolute(path)
