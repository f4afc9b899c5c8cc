"""The learner's dashboard, and the personal access tokens for API clients."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.models import AccessToken
from learning import dashboard as data

MAX_TOKENS = 10


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Token name"),
        max_length=100,
        help_text=gettext_lazy("Where you will use it, e.g. “my phone app”."),
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the token a name."))
        return name


def render_dashboard(request, new_token=None, token_form=None):
    context = {
        "dashboard": data.build(request.user, request, sections=True),
        "tokens": list(AccessToken.objects.filter(user=request.user, revoked_at__isnull=True)),
        "token_form": token_form or TokenForm(),
        "new_token": new_token,
    }
    return TemplateResponse(request, "learning/dashboard.html", context)


@login_required
def dashboard(request):
    return render_dashboard(request)


@require_POST
@login_required
def create_token(request):
    form = TokenForm(request.POST)
    active = AccessToken.objects.filter(user=request.user, revoked_at__isnull=True).count()
    if active >= MAX_TOKENS:
        messages.error(
            request,
            ngettext(
                "You have %(count)d token; revoke it first.",
                "You have %(count)d tokens; revoke one first.",
                active,
            )
            % {"count": active},
        )
    elif form.is_valid():
        _row, secret = AccessToken.issue(request.user, form.cleaned_data["name"])
        # Shown once, in this response, and stored nowhere in clear (not even the session).
        response = render_dashboard(request, new_token=secret)
        response["Cache-Control"] = "no-store"
        return response
    else:
        return render_dashboard(request, token_form=form)
    return redirect("learning:dashboard")


@require_POST
@login_required
def revoke_token(request, token_id):
    token = get_object_or_404(AccessToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    messages.info(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("learning:dashboard")
