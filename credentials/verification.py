"""What the verification page and the API say about an award, and the badge images.

The stored VC-JWT is really checked (signature against the published keys, claims,
that it is this award's credential and names this award's status position) and the
answer is cached under the award, its revocation state, a digest of the token and the
published key ids and the award's address: revoking, re-signing, rotating keys or
moving the site all make a new cache entry, so a cached "valid" can never outlive what
it was computed from.

Designs are drawn once per design version and kept in the cache; an award's image is
the design with its credential baked in (a byte-level edit, no re-encoding).
"""

import enum
import hashlib
from dataclasses import dataclass

from django.core.cache import cache

from credentials.models import BadgeAward, BadgeStatusList

from . import baking, image, signing, site, status_list

CHECK_SECONDS = 3600
DESIGN_SECONDS = 30 * 24 * 3600


class BadgeStatus(enum.StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    INVALID = "signature_invalid"


@dataclass(frozen=True)
class Check:
    status: BadgeStatus
    detail: str  # the signing.VerificationStatus value

    @property
    def is_valid(self):
        return self.status is BadgeStatus.VALID


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _key_ids():
    return ",".join(sorted(jwk["kid"] for jwk in signing.public_jwks()["keys"]))


def _check_uncached(award):
    result = signing.verify(award.jws)
    if not result.is_valid:
        return Check(BadgeStatus.INVALID, result.status.value)
    credential = result.credential
    expected_status = status_list.status_entry(
        site.status_list_url(award.status_list), award.status_index
    )
    if (
        credential.get("id") != site.credential_url(award)
        or credential.get("credentialStatus") != expected_status
    ):
        return Check(BadgeStatus.INVALID, "not_this_award")
    if award.is_revoked:
        return Check(BadgeStatus.REVOKED, result.status.value)
    return Check(BadgeStatus.VALID, result.status.value)


def check(award):
    # The address the credential must name is part of what the answer depends on: a
    # site served at a new address does not read an answer made for the old one.
    address = _digest(site.credential_url(award))
    state = f"{int(award.is_revoked)}:{_digest(award.jws)}:{_digest(_key_ids())}:{address}"
    key = f"badges:check:{award.uuid}:{state}"
    cached = cache.get(key)
    if cached is not None:
        return Check(BadgeStatus(cached[0]), cached[1])
    result = _check_uncached(award)
    cache.set(key, (result.status.value, result.detail), CHECK_SECONDS)
    return result


# -- lists of badges ---------------------------------------------------------------


def award_cards(awards, language):
    """What a list of badges shows (dashboard, profiles): one dict per award."""
    from django.urls import reverse
    from django.utils import translation

    cards = []
    with translation.override(language):
        for award in awards:
            badge_class = award.badge_class
            cards.append(
                {
                    "uuid": str(award.uuid),
                    "name": badge_class.name_for(language),
                    "url": reverse("badge_pages:verify", args=[award.uuid]),
                    "image_url": site.class_image_url(badge_class),
                    "awarded_at": award.awarded_at,
                    "revoked": award.is_revoked,
                    "revoked_at": award.revoked_at,
                    "revocation_reason": award.revocation_reason,
                }
            )
    return cards


# -- images -------------------------------------------------------------------------


def design_image(badge_class, extension):
    """The badge class's drawing as bytes (PNG) or UTF-8 text encoded (SVG)."""
    key = f"badges:design:{badge_class.uuid}:{badge_class.design_version()}:{extension}"
    data = cache.get(key)
    if data is None:
        design = badge_class.design()
        data = image.render_png(design) if extension == "png" else image.render_svg(design).encode()
        cache.set(key, data, DESIGN_SECONDS)
    return data


def baked_image(award, extension):
    """The award's image with its credential inside (what an OB 3.0 backpack imports)."""
    data = design_image(award.badge_class, extension)
    if extension == "png":
        return baking.bake_png(data, award.jws)
    return baking.bake_svg(data.decode("utf-8"), award.jws).encode("utf-8")


# -- the published status list -------------------------------------------------------


def status_list_token(number):
    """The signed ``BitstringStatusListCredential`` of list ``number`` (or None when there
    is no such list), cached until a revocation changes it.

    The list's row names its state (revocations counted, the last one's time), so a
    cached list costs one small query whatever the number of awards in it; building it
    reads the revoked positions only, from their partial index.
    """
    listed = BadgeStatusList.objects.filter(number=number).first()
    if listed is None:
        return None
    changed = listed.changed_at or listed.created_at
    key = f"badges:status:{number}:{listed.revoked}:{changed.timestamp()}:{_digest(_key_ids())}"
    token = cache.get(key)
    if token is None:
        revoked = list(
            BadgeAward.objects.filter(status_list=number, revoked_at__isnull=False)
            .order_by("status_index")
            .values_list("status_index", flat=True)
        )
        credential = status_list.status_list_credential(
            list_url=site.status_list_url(number),
            issuer_id=site.issuer_url(),
            revoked_indexes=revoked,
            valid_from=changed,
        )
        token = signing.sign(credential, key_url_template=site.key_url_template())
        cache.set(key, token, CHECK_SECONDS)
    return token
