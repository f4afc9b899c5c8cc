"""Open Badges 3.0 ``OpenBadgeCredential`` documents (W3C Verifiable Credentials 2.0).

The model layer describes an award with the plain dataclasses below and gets back the
JSON document that ``credentials.signing.sign`` turns into a VC-JWT. Keeping this free
of Django models lets every credential kind be checked against the official schema
without a database.

Where things go, and why:

* Names and descriptions are plain strings in the award's language: the 1EdTech schema
  types ``name``/``description`` as strings, so JSON-LD language maps would fail it.
  The language is stated in ``achievement.inLanguage``; the badge in every other
  language is listed under ``achievement.related`` (``Related`` entries with their own
  ``inLanguage``, ``id`` and ``name``), which is what OB 3.0 has ``Related`` for.
* The learner's public marketplace profiles are ``IdentityObject`` entries in
  ``credentialSubject.identifier`` (plain text, ``hashed: false``, ``identityType``
  ``ext:MarketplaceProfileUrl``). They say *who* holds the badge, which is what a
  client on Khamsat or Mostaql wants to check; ``evidence`` is for what proves the
  achievement, ``source`` names the assessor, and ``AchievementSubject`` has no free
  link field (a made-up property would be dropped by the protected JSON-LD context).
* ``credentialSubject.id`` is always set (the learner's public page, or an opaque
  ``urn:uuid:`` when the learner keeps it private) because the VC-JWT ``sub`` claim
  must equal it.
"""

import enum
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from .contexts import CREDENTIAL_CONTEXTS

LANGUAGE_CODES = ("ar", "en", "fr")
PROFILE_IDENTITY_TYPE = "ext:MarketplaceProfileUrl"


class CredentialError(ValueError):
    """The award description cannot make a valid credential (a programming error in
    the caller, not something a learner typed)."""


class AchievementKind(enum.StrEnum):
    """The four badge rules; each maps to an OB 3.0 ``achievementType``."""

    COURSE_COMPLETION = "course_completion"
    TRACK_COMPLETION = "track_completion"
    ASSIGNMENT_APPROVED = "assignment_approved"
    MANUAL_AWARD = "manual_award"

    @property
    def achievement_type(self):
        return _ACHIEVEMENT_TYPES[self]


_ACHIEVEMENT_TYPES = {
    AchievementKind.COURSE_COMPLETION: "Course",
    AchievementKind.TRACK_COMPLETION: "LearningProgram",
    AchievementKind.ASSIGNMENT_APPROVED: "Assignment",
    AchievementKind.MANUAL_AWARD: "Award",
}


@dataclass(frozen=True)
class IssuerInfo:
    """The academy as issuer. ``id`` must be the stable URL that serves the issuer
    profile (and the JWK set), never a page that may move."""

    id: str
    name: str
    url: str
    image_url: str = ""
    email: str = ""
    description: str = ""


@dataclass(frozen=True)
class AchievementInfo:
    """A badge class. Text fields map a language code to the text in that language.

    ``page_urls`` maps a language to the badge class page in that language; the
    other languages become ``related`` entries of the achievement.
    """

    id: str
    kind: AchievementKind
    name: Mapping[str, str]
    description: Mapping[str, str]
    criteria_narrative: Mapping[str, str]
    criteria_url: str
    image_url: str
    default_language: str = "ar"
    image_caption: Mapping[str, str] = field(default_factory=dict)
    page_urls: Mapping[str, str] = field(default_factory=dict)
    tags: Sequence[str] = ()
    field_of_study: str = ""


@dataclass(frozen=True)
class RecipientInfo:
    """The learner. ``id`` is their public profile URL or an opaque ``urn:uuid:``.

    ``email`` is only ever written hashed (SHA-256 with ``salt``; a random salt is
    drawn when none is given, so store the credential, not the inputs).
    ``display_name`` is written in clear only when the learner made it public.
    """

    id: str
    email: str = ""
    salt: str = ""
    display_name: str = ""


@dataclass(frozen=True)
class EvidenceInfo:
    """A page that shows what earned the badge: the course, the approved assignment."""

    id: str
    name: str
    description: str = ""
    narrative: str = ""
    genre: str = ""


@dataclass(frozen=True)
class ProfileLink:
    """A public marketplace profile the learner chose to show (already validated by
    ``credentials.profiles``)."""

    url: str
    marketplace: str = ""


def hash_email(email, salt):
    """OB 3.0 ``IdentityHash``: ``sha256$`` + hex digest of the normalised address
    followed by the salt, so a verifier who knows the address can check it."""
    normalised = email.strip().lower()
    return "sha256$" + hashlib.sha256((normalised + salt).encode("utf-8")).hexdigest()


def format_datetime(value):
    """``YYYY-MM-DDThh:mm:ssZ``: whole seconds, because the VC-JWT ``nbf`` claim is
    whole seconds and must equal ``validFrom`` exactly."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise CredentialError("Dates must be timezone-aware datetimes.")
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_credential(
    *,
    credential_id,
    issuer,
    achievement,
    recipient,
    valid_from,
    language=None,
    evidence=(),
    profile_links=(),
    awarded_at=None,
    valid_until=None,
    image_url="",
    credential_status=None,
):
    """The unsigned ``OpenBadgeCredential`` as a JSON-ready dict.

    ``language`` picks the award's language (the learner's language when the badge was
    earned); text missing in it falls back to ``achievement.default_language``.
    ``credential_status`` is passed through unchanged (e.g. a ``BitstringStatusListEntry``
    dict) once the model layer publishes a status list.
    """
    _require_uri(credential_id, "credential_id")
    _require_uri(issuer.id, "issuer.id")
    _require_uri(recipient.id, "recipient.id")
    lang = language or achievement.default_language
    if lang not in LANGUAGE_CODES:
        raise CredentialError(f"Unsupported language {lang!r}.")
    if achievement.default_language not in LANGUAGE_CODES:
        raise CredentialError(f"Unsupported default language {achievement.default_language!r}.")

    name = _pick(achievement.name, lang, achievement.default_language, "achievement.name")
    valid_from_text = format_datetime(valid_from)
    credential = {
        "@context": list(CREDENTIAL_CONTEXTS),
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": _issuer_profile(issuer),
        "validFrom": valid_from_text,
    }
    description = _pick(
        achievement.description, lang, achievement.default_language, "achievement.description"
    )
    credential["description"] = description
    if image_url:
        _require_uri(image_url, "image_url")
        credential["image"] = {"id": image_url, "type": "Image", "caption": name}
    if awarded_at is not None:
        credential["awardedDate"] = format_datetime(awarded_at)
    if valid_until is not None:
        if valid_until <= valid_from:
            raise CredentialError("valid_until must come after valid_from.")
        credential["validUntil"] = format_datetime(valid_until)

    credential["credentialSubject"] = _subject(
        recipient, _achievement(achievement, issuer, lang), profile_links
    )
    if evidence:
        credential["evidence"] = [_evidence(item) for item in evidence]
    if credential_status is not None:
        credential["credentialStatus"] = dict(credential_status)
    return credential


def issuer_profile_document(issuer):
    """The JSON-LD document to serve at ``issuer.id`` (OB 3.0 ``Profile``)."""
    return {"@context": list(CREDENTIAL_CONTEXTS), **_issuer_profile(issuer)}


def achievement_document(achievement, issuer, language=None):
    """The JSON-LD to serve at an achievement's ``id`` (OB 3.0 ``Achievement``)."""
    lang = language if language in LANGUAGE_CODES else achievement.default_language
    return {"@context": list(CREDENTIAL_CONTEXTS), **_achievement(achievement, issuer, lang)}


def _issuer_profile(issuer):
    _require_uri(issuer.url, "issuer.url")
    if not issuer.name.strip():
        raise CredentialError("The issuer needs a name.")
    profile = {"id": issuer.id, "type": ["Profile"], "name": issuer.name, "url": issuer.url}
    if issuer.description:
        profile["description"] = issuer.description
    if issuer.email:
        profile["email"] = issuer.email
    if issuer.image_url:
        _require_uri(issuer.image_url, "issuer.image_url")
        profile["image"] = {"id": issuer.image_url, "type": "Image", "caption": issuer.name}
    return profile


def _achievement(info, issuer, lang):
    _require_uri(info.id, "achievement.id")
    _require_uri(info.criteria_url, "achievement.criteria_url")
    _require_uri(info.image_url, "achievement.image_url")
    default = info.default_language
    name = _pick(info.name, lang, default, "achievement.name")
    achievement = {
        "id": info.id,
        "type": ["Achievement"],
        "achievementType": AchievementKind(info.kind).achievement_type,
        "name": name,
        "description": _pick(info.description, lang, default, "achievement.description"),
        "criteria": {
            "id": info.criteria_url,
            "narrative": _pick(info.criteria_narrative, lang, default, "criteria"),
        },
        "image": {
            "id": info.image_url,
            "type": "Image",
            "caption": _pick(info.image_caption, lang, default, "image_caption", fallback=name),
        },
        "inLanguage": lang,
        "creator": {"id": issuer.id, "type": ["Profile"], "name": issuer.name},
    }
    if info.field_of_study:
        achievement["fieldOfStudy"] = info.field_of_study
    if info.tags:
        achievement["tag"] = [str(tag) for tag in info.tags]
    related = []
    for other, url in sorted(info.page_urls.items()):
        if other == lang or other not in LANGUAGE_CODES:
            continue
        _require_uri(url, f"achievement.page_urls[{other!r}]")
        entry = {"id": url, "type": ["Related"], "inLanguage": other}
        if info.name.get(other, "").strip():
            entry["name"] = info.name[other]
        related.append(entry)
    if related:
        achievement["related"] = related
    return achievement


def _subject(recipient, achievement, profile_links):
    identifiers = []
    if recipient.email:
        if "@" not in recipient.email:
            raise CredentialError("recipient.email is not an e-mail address.")
        salt = recipient.salt or secrets.token_hex(16)
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityHash": hash_email(recipient.email, salt),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": salt,
            }
        )
    if recipient.display_name.strip():
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityHash": recipient.display_name.strip(),
                "identityType": "name",
                "hashed": False,
            }
        )
    seen = set()
    for link in profile_links:
        if link.url in seen:
            continue
        seen.add(link.url)
        if urlsplit(link.url).scheme != "https":
            raise CredentialError("Marketplace profile links must be validated https URLs.")
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityHash": link.url,
                "identityType": PROFILE_IDENTITY_TYPE,
                "hashed": False,
            }
        )
    subject = {"id": recipient.id, "type": ["AchievementSubject"], "achievement": achievement}
    if identifiers:
        subject["identifier"] = identifiers
    return subject


def _evidence(item):
    _require_uri(item.id, "evidence.id")
    if not item.name.strip():
        raise CredentialError("Each evidence entry needs a name.")
    entry = {"id": item.id, "type": ["Evidence"], "name": item.name}
    for key in ("description", "narrative", "genre"):
        value = getattr(item, key)
        if value:
            entry[key] = value
    return entry


def _pick(texts, lang, default, label, fallback=None):
    for candidate in (lang, default):
        value = (texts.get(candidate) or "").strip()
        if value:
            return value
    if fallback is not None:
        return fallback
    raise CredentialError(f"{label} has no text in {lang!r} nor in {default!r}.")


def _require_uri(value, label):
    """Absolute https/http URL or a ``urn:`` (what every OB 3.0 ``id`` must be)."""
    if not isinstance(value, str) or not value or value != value.strip():
        raise CredentialError(f"{label} must be a non-empty URI without surrounding spaces.")
    parts = urlsplit(value)
    if parts.scheme == "urn" and parts.path.count(":") >= 1:
        return
    if parts.scheme in ("https", "http") and parts.netloc:
        return
    raise CredentialError(f"{label} must be an absolute http(s) URL or a urn: ({value!r}).")
