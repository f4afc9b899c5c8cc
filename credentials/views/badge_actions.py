"""A mentor or editor awards a badge by hand, or revokes one, each with a reason.

Both are plain POST forms behind the ``credentials.award_badge`` / ``credentials.revoke_badgeaward``
permissions, limited to the learners the person looks after
(``credentials.permissions``); an award out of reach is a 404, as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from credentials import awarding
from credentials.forms import AwardForm, RevokeForm
from credentials.models import BadgeAward
from credentials.permissions import may_award, may_award_to, may_revoke, may_revoke_award


@login_required
def award(request):
    if not may_award(request.user):
        raise PermissionDenied

    def in_reach(learner):
        return may_award_to(request.user, learner)

    form = AwardForm(request.POST or None, may_award_to=in_reach)
    if request.method == "POST" and form.is_valid():
        badge_class = form.cleaned_data["badge"]
        learner = form.cleaned_data["learner"]
        try:
            result, created = awarding.award_by_hand(
                badge_class, learner, by=request.user, reason=form.cleaned_data["reason"]
            )
        except awarding.AwardError as error:
            form.add_error("reason", error.message)
        else:
            if created:
                messages.success(
                    request,
                    _("“%(badge)s” is awarded. The learner will get an e-mail.")
                    % {"badge": badge_class.name_for(get_language())},
                )
            else:
                messages.info(request, _("This learner already has this badge."))
            return redirect("badge_pages:verify", award_uuid=result.uuid)
    return TemplateResponse(request, "credentials/badges/award_form.html", {"form": form})


@login_required
def revoke(request, award_uuid):
    if not may_revoke(request.user):
        raise PermissionDenied
    award_row = get_object_or_404(
        BadgeAward.objects.select_related("badge_class", "recipient"), uuid=award_uuid
    )
    if not may_revoke_award(request.user, award_row):
        from django.http import Http404

        raise Http404
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            awarding.revoke(award_row, by=request.user, reason=form.cleaned_data["reason"])
        except awarding.AwardError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The badge is revoked; its page now says so."))
        return redirect("badge_pages:verify", award_uuid=award_row.uuid)
    context = {
        "form": form,
        "award": award_row,
        "name": award_row.badge_class.name_for(get_language()),
    }
    return TemplateResponse(request, "credentials/badges/revoke_form.html", context)
