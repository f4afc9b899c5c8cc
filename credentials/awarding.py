"""Awarding, re-signing and revoking badges.

Exactly once: an award is one INSERT guarded by the unique constraint (badge class,
learner). Concurrent events for the same learner all try it; the database lets one
through and the others get an ``IntegrityError`` inside their savepoint, read the
winner's row and return it as "already awarded". No lock is held while signing, and
the e-mail is queued on commit by the one call that created the row.

Each award carries its credential, built from the award row and the learner's profile
as they are when it is signed, and signed as a VC-JWT. When a learner changes what
they show publicly (name, marketplace links) their credentials are signed again with
the same id, date and status entry, so the copy served and the page always agree;
images downloaded before still verify, as the key and the status list are the same.
"""

import logging
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from credentials.models import BadgeAward, BadgeStatusList, LearnerProfile
from notifications import outbox
from notifications.models import OutboxEmail

from . import profiles, rules, signing, site, status_list
from .credential import (
    AchievementInfo,
    AchievementKind,
    EvidenceInfo,
    ProfileLink,
    RecipientInfo,
    build_credential,
)
from .evidence import shown_for as shown_evidence

logger = logging.getLogger(__name__)

SLOT_ATTEMPTS = 8


class AwardError(Exception):
    """A refusal a mentor or editor should read (already revoked, no reason given…)."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


# -- the credential -----------------------------------------------------------------


def profile_of(user):
    try:
        return user.learner_profile
    except LearnerProfile.DoesNotExist:
        return None


def ensure_profile(user):
    profile, _created = LearnerProfile.objects.get_or_create(
        user=user, defaults=profiles.initial_names(user)
    )
    return profile


def recipient_name(profile, language):
    """The learner's name as they chose to show it on badges ("" when hidden)."""
    if profile is None or not profile.show_name_on_badges:
        return ""
    return profile.name_for(language)


def recipient_id(profile):
    """The public profile page when public, else an opaque urn that never changes."""
    if profile.is_public:
        return site.profile_url(profile)
    return f"urn:uuid:{profile.uuid}"


def achievement_info(badge_class):
    return AchievementInfo(
        id=site.class_url(badge_class),
        kind=AchievementKind(badge_class.rule),
        name=badge_class.texts("name"),
        description=badge_class.texts("description"),
        criteria_narrative=badge_class.texts("criteria"),
        criteria_url=site.class_url(badge_class),
        image_url=site.class_image_url(badge_class),
        default_language="ar",
        page_urls=site.class_page_urls(badge_class),
        tags=[badge_class.track or badge_class.design_track],
    )


def build_award_credential(award, profile):
    badge_class = award.badge_class
    links = [
        ProfileLink(url=link.url, marketplace=link.marketplace.slug)
        for link in profile.links.select_related("marketplace").order_by("marketplace__slug")
        if link.is_public
    ]
    name = recipient_name(profile, award.language)
    if name and award.language == "ar" and profile.display_name_latin.strip():
        name = f"{name} ({profile.display_name_latin.strip()})"
    return build_credential(
        credential_id=site.credential_url(award),
        issuer=site.issuer_info(),
        achievement=achievement_info(badge_class),
        recipient=RecipientInfo(
            id=recipient_id(profile), email=award.recipient.email or "", display_name=name
        ),
        valid_from=award.awarded_at,
        language=award.language,
        evidence=[
            EvidenceInfo(**entry)
            for entry in [*award.evidence, *shown_evidence(award.recipient, award.language)]
        ],
        profile_links=links,
        awarded_at=award.awarded_at,
        image_url=site.class_image_url(badge_class),
        credential_status=status_list.status_entry(
            site.status_list_url(award.status_list), award.status_index
        ),
    )


def sign_award(award, profile=None):
    """Build and sign the award's credential (sets ``credential``, ``jws``, ``signed_at``)."""
    profile = profile or ensure_profile(award.recipient)
    award.credential = build_award_credential(award, profile)
    award.jws = signing.sign(award.credential, key_url_template=site.key_url_template())
    award.signed_at = timezone.now()
    return award


# -- awarding -----------------------------------------------------------------------


def current_status_list():
    """The list new awards go to: the newest one until half of it is used (random
    positions stay cheap to find), then the next. Reads one row, whatever the number
    of awards (see ``BadgeStatusList``)."""
    newest = BadgeStatusList.objects.order_by("-number").first()
    if newest is not None and newest.used < status_list.LIST_SIZE // 2:
        return newest.number
    number = newest.number + 1 if newest is not None else 1
    BadgeStatusList.objects.get_or_create(number=number)
    return number


def _count_in_list(number):
    BadgeStatusList.objects.filter(number=number).update(used=F("used") + 1)


def learner_language(user, fallback=None):
    language = outbox.language_for(user, fallback)
    return language if language in site.LANGUAGES else "ar"


def award_badge(
    badge_class,
    user,
    *,
    source,
    evidence=None,
    awarded_by=None,
    reason="",
    language=None,
    now=None,
    award_uuid=None,
):
    """(award, created). Safe to call any number of times, from any number of processes."""
    existing = BadgeAward.objects.filter(badge_class=badge_class, recipient=user).first()
    if existing is not None:
        return existing, False
    language = language or learner_language(user)
    now = now or timezone.now()
    profile = ensure_profile(user)
    award_id = award_uuid or uuid.uuid4()
    if evidence is None:
        evidence = rules.evidence_for(badge_class, user, language)
    for _attempt in range(SLOT_ATTEMPTS):
        award = BadgeAward(
            uuid=award_id,
            badge_class=badge_class,
            recipient=user,
            awarded_at=now,
            language=language,
            source=source,
            awarded_by=awarded_by,
            reason=reason,
            evidence=evidence,
            status_list=current_status_list(),
            status_index=status_list.random_index(),
        )
        sign_award(award, profile)
        try:
            with transaction.atomic():
                award.save(force_insert=True)
        except IntegrityError:
            existing = BadgeAward.objects.filter(badge_class=badge_class, recipient=user).first()
            if existing is not None:
                return existing, False
            continue  # the random status position was taken: draw another
        transaction.on_commit(lambda award=award: announce(award))
        transaction.on_commit(lambda number=award.status_list: _count_in_list(number))
        logger.info("Awarded badge %s to user %s (%s)", badge_class.pk, user.pk, source)
        return award, True
    raise RuntimeError("No free position in the badge status list after several draws.")


def award_if_earned(badge_class, user, *, source=BadgeAward.Source.RULE, language=None):
    """Award ``badge_class`` when its rule is met; the award or None."""
    if not badge_class.is_active or not rules.is_earned(badge_class, user):
        return None
    award, _created = award_badge(badge_class, user, source=source, language=language)
    return award


def check_course(user, course_key, language=None):
    return [
        award
        for badge_class in rules.classes_for_course(course_key)
        if (award := award_if_earned(badge_class, user, language=language)) is not None
    ]


def check_assignment(user, lesson_key, assignment_id, language=None):
    return [
        award
        for badge_class in rules.classes_for_assignment(lesson_key, assignment_id)
        if (award := award_if_earned(badge_class, user, language=language)) is not None
    ]


def award_by_hand(badge_class, learner, *, by, reason):
    """A mentor's or editor's award; the reason is public evidence on the badge page."""
    reason = (reason or "").strip()
    if not reason:
        raise AwardError(_("Say why this learner earns the badge."), "reason_required")
    language = learner_language(learner)
    award_uuid = uuid.uuid4()
    evidence = rules.manual_evidence(site.verify_url(award_uuid), reason, language)
    return award_badge(
        badge_class,
        learner,
        source=BadgeAward.Source.MANUAL,
        evidence=evidence,
        awarded_by=by,
        reason=reason,
        language=language,
        award_uuid=award_uuid,
    )


# -- after the fact -----------------------------------------------------------------


def revoke(award, *, by, reason):
    """Revoke once, with a reason; the status list and every page follow."""
    reason = (reason or "").strip()
    if not reason:
        raise AwardError(_("Say why the badge is revoked."), "reason_required")
    now = timezone.now()
    with transaction.atomic():
        updated = BadgeAward.objects.filter(pk=award.pk, revoked_at__isnull=True).update(
            revoked_at=now, revoked_by=by, revocation_reason=reason
        )
        if not updated:
            raise AwardError(_("This badge was already revoked."), "already_revoked")
        # The published list changes with it (a new state, so a new cache entry).
        BadgeStatusList.objects.filter(number=award.status_list).update(
            revoked=F("revoked") + 1, changed_at=now
        )
    award.refresh_from_db()
    logger.info("Revoked badge award %s by user %s", award.pk, getattr(by, "pk", None))
    return award


def resign(award):
    """Sign the award again from the learner's current profile (not when revoked)."""
    if award.is_revoked:
        return award
    with transaction.atomic():
        locked = (
            BadgeAward.objects.select_for_update().select_related("badge_class").get(pk=award.pk)
        )
        sign_award(locked)
        locked.save(update_fields=["credential", "jws", "signed_at"])
    return locked


def resign_all(user):
    awards = BadgeAward.objects.valid().filter(recipient=user)
    return [resign(award) for award in awards]


def announce(award):
    """Queue the "you earned a badge" e-mail through the outbox."""
    user = award.recipient
    if not outbox.wants_email(user):
        return None
    return outbox.send_email(user, OutboxEmail.Kind.BADGE_AWARDED, award.language, award=award.pk)
