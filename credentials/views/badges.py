"""Badge pages anyone can open, and the machine URLs a verifier fetches.

Language-neutral addresses (mounted outside the language prefix, namespace ``badges``)
are the ones written into credentials and shared: the issuer profile, the keys, the
status list, the credential (the VC-JWT as ``text/plain``), the images, and
``/badges/<id>/``, which sends a person to the page in their language. The pages
themselves live under ``/<lang>/`` (namespace ``badge_pages``) like the rest of the
site, so the language switcher and the header work as everywhere else.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from credentials import (
    awarding,
    credential,
    evidence,
    linkedin,
    rules,
    signing,
    site,
    verification,
)
from credentials.models import BadgeAward, BadgeClass, BadgeRule, LearnerProfile
from credentials.permissions import may_revoke_award
from learning.pages import COURSE_REMOVED, LESSON_REMOVED, page_in_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
IMAGE_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def _language(request):
    """``?lang=`` if given, else what the browser asks for (cookie, Accept-Language)."""
    wanted = (request.GET.get("lang") or "").lower()
    if wanted in LANGUAGE_CODES:
        return wanted
    return translation.get_language_from_request(request, check_path=False)


def _machine(response, max_age=300):
    """Public, cacheable, and readable by a verifier running in someone's browser."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _award(award_uuid):
    return get_object_or_404(
        BadgeAward.objects.select_related("badge_class", "recipient"), uuid=award_uuid
    )


# -- the issuer and its keys ---------------------------------------------------------


@require_safe
def issuer(request):
    document = credential.issuer_profile_document(site.issuer_info())
    return _machine(JsonResponse(document, content_type="application/ld+json"), 3600)


@require_safe
def key_set(request):
    return _machine(
        JsonResponse(signing.public_jwks(), content_type="application/jwk-set+json"), 3600
    )


@require_safe
def key(request, kid):
    jwk = signing.find_public_jwk(kid)
    if jwk is None:
        raise Http404
    return _machine(JsonResponse(jwk, content_type="application/jwk+json"), 3600)


@require_safe
def status_list(request, number):
    token = verification.status_list_token(number)
    if token is None:
        raise Http404
    return _machine(HttpResponse(token, content_type="application/vc+jwt"), 60)


# -- badge classes -------------------------------------------------------------------


@require_safe
def class_redirect(request, class_uuid):
    """The achievement's id: JSON for a program, the page in their language for a person."""
    badge_class = get_object_or_404(BadgeClass, uuid=class_uuid)
    accept = request.headers.get("Accept", "")
    if "json" in accept and "html" not in accept:
        document = credential.achievement_document(
            awarding.achievement_info(badge_class), site.issuer_info(), _language(request)
        )
        return _machine(JsonResponse(document, content_type="application/ld+json"))
    with translation.override(_language(request)):
        return redirect(reverse("badge_pages:class", args=[badge_class.uuid]))


@require_safe
@cache_control(public=True, max_age=365 * 24 * 3600, immutable=True)
def class_image(request, class_uuid, version, extension):
    badge_class = get_object_or_404(BadgeClass, uuid=class_uuid)
    if version != badge_class.design_version():
        return redirect(site.class_image_url(badge_class, extension))
    data = verification.design_image(badge_class, extension)
    response = HttpResponse(data, content_type=IMAGE_TYPES[extension])
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def class_page(request, class_uuid):
    badge_class = get_object_or_404(BadgeClass.objects.select_related("course"), uuid=class_uuid)
    language = get_language()
    course = None
    if badge_class.course_key:
        from courses.models import CoursePage

        course = page_in_language(CoursePage, badge_class.course_key, language)
    context = {
        "badge_class": badge_class,
        "name": badge_class.name_for(language),
        "description": badge_class.description_for(language),
        "criteria": badge_class.criteria_for(language),
        "image_url": site.class_image_url(badge_class),
        "course": course,
        "course_removed": bool(badge_class.course_key) and course is None,
        "earned_count": badge_class.awards.valid().count(),
    }
    return TemplateResponse(request, "credentials/badges/class_page.html", context)


# -- one award -----------------------------------------------------------------------


@require_safe
def verify_redirect(request, award_uuid):
    award = _award(award_uuid)
    with translation.override(_language(request)):
        return redirect(reverse("badge_pages:verify", args=[award.uuid]))


@require_safe
def credential_jws(request, award_uuid):
    award = _award(award_uuid)
    response = HttpResponse(award.jws, content_type="text/plain; charset=utf-8")
    return _machine(response, 60)


@require_safe
def award_image(request, award_uuid, extension, download=False):
    award = _award(award_uuid)
    if award.is_revoked:
        return HttpResponse(
            gettext("This badge was revoked."), status=410, content_type="text/plain; charset=utf-8"
        )
    data = verification.baked_image(award, extension)
    response = _machine(HttpResponse(data, content_type=IMAGE_TYPES[extension]), 300)
    if download:
        name = f"bidaya-badge-{award.uuid}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def public_links(profile, language):
    if profile is None:
        return []
    links = profile.links.select_related("marketplace").order_by("marketplace__slug")
    return [
        {
            "marketplace": link.marketplace,
            "name": link.marketplace.name_for(language),
            "url": link.url,
        }
        for link in links
        if link.is_public
    ]


def learner_label(profile, language):
    return awarding.recipient_name(profile, language) or gettext("A Bidaya learner")


def sharing(award, language, links):
    """The owner's "Add to LinkedIn" link and one ready-to-paste kit per marketplace."""
    badge_class = award.badge_class
    verify = site.verify_url(award)
    organization_id = settings.BIDAYA_LINKEDIN_ORGANIZATION_ID
    linkedin_url = linkedin.linkedin_add_url(
        name=badge_class.name_for(language),
        organization_name=settings.BIDAYA_BADGE_ISSUER_NAME,
        organization_id=int(organization_id) if organization_id.isdigit() else None,
        issued_on=award.awarded_at,
        cert_url=verify,
        cert_id=str(award.uuid),
    )
    issuer_names = {}
    for code in linkedin.KIT_LANGUAGES:
        with translation.override(code):
            issuer_names[code] = gettext("Bidaya")
    targets = [(link["name"], link["marketplace"].slug) for link in links] or [
        (gettext("any marketplace"), "")
    ]
    kits = [
        linkedin.marketplace_kit(
            marketplace=target,
            slug=slug,
            badge_names={code: badge_class.name_for(code) for code in linkedin.KIT_LANGUAGES},
            issuer_name=issuer_names,
            verify_url=verify,
            image_url=site.award_image_url(award),
            issued_on=award.awarded_at,
        )
        for target, slug in targets
    ]
    return linkedin_url, kits


def evidence_in(award, language):
    """The evidence in the reader's language, read again from what the learner did;
    the stored copy (the award's language, as signed) when that is gone or the award
    was made by hand (the mentor's reason is in the words they wrote). A page that
    earned it and is gone in every language is said to be removed, not linked. What
    the learner chose to show besides (``credentials.evidence``) follows."""
    shown = evidence.shown_for(award.recipient, language)
    if award.source == BadgeAward.Source.MANUAL:
        return award.evidence + shown
    fresh = rules.evidence_for(award.badge_class, award.recipient, language)
    if fresh:
        return fresh + shown
    removed = LESSON_REMOVED if award.badge_class.rule == BadgeRule.ASSIGNMENT else COURSE_REMOVED
    return [{**item, "removed": removed} for item in award.evidence] + shown


@require_safe
def verify_page(request, award_uuid):
    award = get_object_or_404(
        BadgeAward.objects.select_related("badge_class", "recipient", "awarded_by"),
        uuid=award_uuid,
    )
    language = get_language()
    badge_class = award.badge_class
    result = verification.check(award)
    profile = LearnerProfile.objects.filter(user=award.recipient).first()
    links = public_links(profile, language)
    is_owner = request.user.is_authenticated and request.user.pk == award.recipient_id
    name = badge_class.name_for(language)
    learner = learner_label(profile, language)
    context = {
        "award": award,
        "badge_class": badge_class,
        "check": result,
        "status": result.status.value,
        "name": name,
        "description": badge_class.description_for(language),
        "criteria": badge_class.criteria_for(language),
        "learner_name": learner,
        "profile_url": (
            reverse("badge_pages:learner", args=[profile.slug])
            if profile is not None and profile.is_public
            else ""
        ),
        "links": links,
        "evidence": evidence_in(award, language),
        "issuer_name": settings.BIDAYA_BADGE_ISSUER_NAME,
        "issuer_url": site.issuer_url(),
        "image_url": site.class_image_url(badge_class),
        "verify_url": site.verify_url(award),
        "credential_url": site.credential_url(award),
        "jwks_url": site.absolute(reverse("badges:keys")),
        "png_download": reverse("badges:download", args=[award.uuid, "png"]),
        "svg_download": reverse("badges:download", args=[award.uuid, "svg"]),
        "embed_url": site.award_image_url(award),
        "is_owner": is_owner,
        "can_revoke": not award.is_revoked and may_revoke_award(request.user, award),
        "og_title": gettext("%(badge)s — earned by %(learner)s")
        % {"badge": name, "learner": learner},
        "og_description": badge_class.description_for(language),
    }
    if is_owner and result.is_valid:
        context["linkedin_url"], context["kits"] = sharing(award, language, links)
    response = TemplateResponse(request, "credentials/badges/verify.html", context)
    response["Cache-Control"] = "private, no-cache"
    return response
