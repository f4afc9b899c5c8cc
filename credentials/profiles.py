"""Marketplace profile URLs a learner links to their badges: one rule, kept in ``cms``.

These links end up on public pages and inside signed credentials, so a wrong one does
lasting harm: a ``javascript:`` link, a look-alike host (``mostaql.com.evil.io``,
``mostaql.com@evil.io``, a Cyrillic ``о``, an ``xn--`` label) or a page that is not a
profile. The rule that refuses them is the Marketplace snippet's own
``cms.models.Marketplace.clean_profile_url`` (https only, no credentials, no port but
443, exactly the host of the marketplace's profile URL template, no characters a
browser reinterprets, no dot segments, the editor's pattern on the whole address).
Mentor review checks hand-in links with the same method, and ``cms`` cannot import
``lms``, so this module only adds what badges need on top of it: finding which
marketplace a pasted address belongs to.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_profile_url(url, marketplace):
    """The canonical ``https://host/path`` of ``url`` on ``marketplace`` (a
    ``cms.models.Marketplace``), or a translated ``ValidationError``."""
    return marketplace.clean_profile_url(url)


def identify_marketplace(url, marketplaces=None):
    """(marketplace, canonical URL) for a pasted profile address, whichever
    marketplace it belongs to; ``ValidationError`` if none accepts it."""
    if marketplaces is None:
        from cms.models import Marketplace

        marketplaces = Marketplace.objects.all()
    try:
        host = (urlsplit((url or "").strip()).hostname or "").lower()
    except ValueError:
        host = ""
    for marketplace in marketplaces:
        if host and host == marketplace.profile_host:
            return marketplace, marketplace.clean_profile_url(url)
    raise ValidationError(
        _("This address does not belong to a marketplace we support."),
        code="unknown_marketplace",
    )


def _has_arabic_letters(text):
    return any("\u0600" <= char <= "\u06ff" for char in text)


def initial_names(user):
    """The profile's names to start from: the name she gave at sign-up, in the field
    of its script (she can change them on her profile)."""
    name = (user.get_full_name() or "").strip()[:80]
    if not name:
        return {}
    if _has_arabic_letters(name):
        return {"display_name_ar": name}
    return {"display_name_latin": name}


def chosen_name(user, language):
    """The name on her learner profile (``notifications.outbox.NAME_SOURCES``)."""
    from credentials.models import LearnerProfile

    try:
        profile = user.learner_profile
    except LearnerProfile.DoesNotExist:
        return ""
    return profile.name_for(language)


def prefetch_chosen_names(users):
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([u for u in users if u.pk], "learner_profile")
