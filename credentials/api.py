"""Badges over the API: a learner's badges, any award's status, awarding and revoking.

Reading one award is public (it is what the verification page shows: a client's tool
may ask). The status is the real check of the stored VC-JWT (``valid``, ``revoked``
or ``signature_invalid``), with the revocation date and reason. Mentors and editors
award by hand and revoke with a reason, within the learners they look after;
anything outside their reach is a 404.
"""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Router, Schema, Status
from pydantic import Field

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, Problem
from accounts.api.throttle import write_throttle
from credentials import awarding, site, verification
from credentials.forms import clean_text
from credentials.models import BadgeAward, BadgeClass, LearnerProfile
from credentials.permissions import may_award, may_award_to, may_revoke, may_revoke_award
from learning.api.schemas import StrictSchema
from learning.progress.errors import LearningError, NotFound

router = Router(tags=["badges"])

Reason = Annotated[str, Field(min_length=1, max_length=1000)]
ERRORS = {409: Problem, **COMMON_ERRORS}


class EvidenceOut(Schema):
    id: str
    name: str
    narrative: str = ""
    genre: str = ""


class ProfileLinkOut(Schema):
    marketplace: str
    url: str


class AwardOut(Schema):
    id: UUID
    badge: str
    badge_id: UUID
    description: str
    criteria: str
    learner: str
    status: Literal["valid", "revoked", "signature_invalid"]
    awarded_at: datetime
    revoked_at: datetime | None = None
    revocation_reason: str = ""
    evidence: list[EvidenceOut]
    marketplace_profiles: list[ProfileLinkOut]
    page_url: str = Field(description="The public verification page (language-neutral).")
    credential_url: str = Field(description="The signed credential, a VC-JWT as text/plain.")
    image_url: str = Field(description="The badge image with the credential baked in.")


class BadgeClassOut(Schema):
    id: UUID
    name: str
    description: str
    criteria: str
    rule: str
    image_url: str
    page_url: str


class AwardIn(StrictSchema):
    badge_id: UUID
    learner_email: Annotated[str, Field(min_length=3, max_length=254)]
    reason: Reason


class RevokeIn(StrictSchema):
    reason: Reason


def award_out(award):
    language = get_language()
    badge_class = award.badge_class
    profile = LearnerProfile.objects.filter(user_id=award.recipient_id).first()
    links = []
    if profile is not None:
        links = [
            {"marketplace": link.marketplace.slug, "url": link.url}
            for link in profile.links.select_related("marketplace")
            if link.is_public
        ]
    return {
        "id": award.uuid,
        "badge": badge_class.name_for(language),
        "badge_id": badge_class.uuid,
        "description": badge_class.description_for(language),
        "criteria": badge_class.criteria_for(language),
        "learner": awarding.recipient_name(profile, language) or _("A Bidaya learner"),
        "status": verification.check(award).status.value,
        "awarded_at": award.awarded_at,
        "revoked_at": award.revoked_at,
        "revocation_reason": award.revocation_reason,
        "evidence": award.evidence,
        "marketplace_profiles": links,
        "page_url": site.verify_url(award),
        "credential_url": site.credential_url(award),
        "image_url": site.award_image_url(award),
    }


def _awards():
    return BadgeAward.objects.select_related("badge_class")


@router.get(
    "/badges/mine",
    auth=learner_auth,
    response={200: list[AwardOut], **COMMON_ERRORS},
    summary="Your badges, revoked ones included (with the reason)",
)
def my_badges(request):
    return [award_out(award) for award in _awards().filter(recipient=request.auth)]


@router.get(
    "/badges/classes",
    response={200: list[BadgeClassOut]},
    summary="The badges that can be earned",
)
def badge_classes(request):
    language = get_language()
    return [
        {
            "id": badge_class.uuid,
            "name": badge_class.name_for(language),
            "description": badge_class.description_for(language),
            "criteria": badge_class.criteria_for(language),
            "rule": badge_class.rule,
            "image_url": site.class_image_url(badge_class),
            "page_url": site.class_url(badge_class),
        }
        for badge_class in BadgeClass.objects.active().order_by("pk")
    ]


@router.get(
    "/badges/{award_id}",
    response={200: AwardOut, 404: Problem, 422: Problem},
    summary="One awarded badge and its checked status (public)",
)
def get_award(request, award_id: UUID):
    return award_out(get_object_or_404(_awards(), uuid=award_id))


@router.post(
    "/badges",
    auth=learner_auth,
    response={201: AwardOut, 200: AwardOut, **ERRORS},
    throttle=[write_throttle],
    summary="Award a badge by hand (mentors and editors), with a public reason",
    description="201 when awarded now, 200 when the learner already had it.",
)
def award_badge(request, data: AwardIn):
    user = request.auth
    if not may_award(user):
        raise LearningError(
            _("Only mentors and editors award badges."), code="forbidden", status=403
        )
    badge_class = BadgeClass.objects.active().filter(uuid=data.badge_id).first()
    learner = (
        get_user_model()
        .objects.filter(email__iexact=data.learner_email.strip(), is_active=True)
        .first()
    )
    if badge_class is None or learner is None or not may_award_to(user, learner):
        raise NotFound()
    reason = clean_text(data.reason)
    if not reason:
        raise LearningError(
            _("Say why this learner earns the badge."), code="reason_required", status=422
        )
    award, created = awarding.award_by_hand(badge_class, learner, by=user, reason=reason)
    return Status(201 if created else 200, award_out(award))


@router.post(
    "/badges/{award_id}/revocation",
    auth=learner_auth,
    response={200: AwardOut, **ERRORS},
    throttle=[write_throttle],
    summary="Revoke a badge (mentors and editors), with a public reason",
)
def revoke_badge(request, award_id: UUID, data: RevokeIn):
    user = request.auth
    if not may_revoke(user):
        raise LearningError(
            _("Only mentors and editors revoke badges."), code="forbidden", status=403
        )
    award = _awards().filter(uuid=award_id).first()
    if award is None or not may_revoke_award(user, award):
        raise NotFound()
    reason = clean_text(data.reason)
    try:
        awarding.revoke(award, by=user, reason=reason)
    except awarding.AwardError as error:
        status = 409 if error.code == "already_revoked" else 422
        raise LearningError(error.message, code=error.code, status=status) from error
    return award_out(award)
