"""The learner's profile: editing it, and the public page a client opens.

Saving the profile re-signs the learner's badges (a background task, on commit), so
the names and marketplace links inside their credentials follow what they now show.
Saves are limited per learner (``BIDAYA_RATE_PROFILE``) and at most one re-signing
waits in the queue for each learner (``tasks.request_resign``).
"""

import copy
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.api.throttle import UserRateThrottle
from cms.models import Country
from credentials import awarding, evidence, site, tasks
from credentials.forms import ProfileForm
from credentials.models import BadgeAward, LearnerProfile
from credentials.verification import award_cards

from .badges import _language, learner_label, public_links

profile_throttle = UserRateThrottle("profile", "20/h")


@login_required
def edit(request):
    profile = awarding.ensure_profile(request.user)
    status = 200
    # The form writes what was typed onto its instance even when it refuses it (a
    # username that is no valid address): the page shows what is stored.
    stored = copy.copy(profile)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if not profile_throttle.allow_request(request):
            minutes = max(1, math.ceil((profile_throttle.wait() or 60) / 60))
            messages.error(request, _throttled_message(minutes))
            status = 429
        elif form.is_valid():
            form.save()
            if BadgeAward.objects.valid().filter(recipient=request.user).exists():
                user_id = request.user.pk
                transaction.on_commit(lambda: tasks.request_resign(user_id))
            messages.success(request, _("Your profile is saved."))
            return redirect("badge_pages:profile")
        else:
            messages.error(request, _("Some fields need your attention; nothing else was lost."))
    else:
        form = ProfileForm(instance=profile)
    country = (
        Country.objects.prefetch_related("payout_methods__method")
        .filter(pk=stored.country_id)
        .first()
        if stored.country_id
        else None
    )
    context = {
        "form": form,
        "profile": stored,
        "country_name": country.name_for(get_language()) if country else "",
        "payouts": country.payout_options(get_language()) if country else [],
        "public_url": reverse("badge_pages:learner", args=[stored.slug]),
        "badges": award_cards(
            BadgeAward.objects.filter(recipient=request.user).select_related("badge_class"),
            get_language(),
        ),
    }
    response = TemplateResponse(request, "credentials/profile/edit.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    if status == 429:
        response["Retry-After"] = str(math.ceil(profile_throttle.wait() or 60))
    return response


def _throttled_message(minutes):
    return ngettext(
        "You saved your profile many times in a short while. Nothing was saved this "
        "time; what you typed is still here. Try again in %(minutes)d minute.",
        "You saved your profile many times in a short while. Nothing was saved this "
        "time; what you typed is still here. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def _public_profile(slug):
    profile = (
        LearnerProfile.objects.select_related("country", "user")
        .filter(Q(username=slug) | Q(public_id=slug), is_public=True, user__is_active=True)
        .first()
    )
    if profile is None:
        raise Http404
    return profile


@require_safe
def public_redirect(request, slug):
    profile = _public_profile(slug)
    with translation.override(_language(request)):
        return redirect(reverse("badge_pages:learner", args=[profile.slug]))


@require_safe
def public(request, slug):
    profile = _public_profile(slug)
    if slug != profile.slug:
        return redirect("badge_pages:learner", slug=profile.slug)
    language = get_language()
    awards = (
        BadgeAward.objects.valid()
        .filter(recipient=profile.user)
        .select_related("badge_class")
        .order_by("-awarded_at")
    )
    other_name = ""
    if profile.show_name_on_badges:
        other_name = profile.display_name_latin if language == "ar" else profile.display_name_ar
        if other_name == awarding.recipient_name(profile, language):
            other_name = ""
    context = {
        "profile": profile,
        "name": learner_label(profile, language),
        "other_name": other_name,
        "other_language": "en" if language == "ar" else "ar",
        "country": profile.country.name_for(language) if profile.country else "",
        "specialisations": [s.name_for(language) for s in profile.specialisations.all()],
        "links": public_links(profile, language),
        "badges": award_cards(awards, language),
        "achievements": evidence.shown_for(profile.user, language),
        "stable_url": site.profile_url(profile),
    }
    return TemplateResponse(request, "credentials/profile/public.html", context)
