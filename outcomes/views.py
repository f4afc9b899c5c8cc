"""The learner's pages: the one-step report, and her consents on each report."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from outcomes import services, statistics
from outcomes.forms import OutcomeForm
from outcomes.models import Outcome


class ConsentsForm(forms.Form):
    """Her three consents on one report, each given or withdrawn on its own."""

    count_in_statistics = forms.BooleanField(
        label=gettext_lazy("Count it in Bidaya's statistics"), required=False
    )
    may_contact = forms.BooleanField(
        label=gettext_lazy("An editor may contact me for a story"), required=False
    )
    show_publicly = forms.BooleanField(
        label=gettext_lazy("Show it on my profile and badges once checked"), required=False
    )

    @classmethod
    def for_outcome(cls, outcome, data=None):
        initial = {name: getattr(outcome, name) for name in services.CONSENTS}
        return cls(data, initial=initial, prefix=f"o{outcome.pk}")


def _initial_kind(user):
    has_first = Outcome.objects.filter(user=user, kind=Outcome.Kind.FIRST_CLIENT).exists()
    return Outcome.Kind.EARNINGS if has_first else Outcome.Kind.FIRST_CLIENT


@login_required
def report(request):
    if request.method == "POST":
        form = OutcomeForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                services.save_report(form, request.user)
            except services.Duplicate as error:
                form.add_error(None, str(error.message))
            else:
                messages.success(request, _("Thank you! Your result is saved."))
                return redirect("learning:dashboard")
    else:
        form = OutcomeForm(user=request.user, initial={"kind": _initial_kind(request.user)})
    response = TemplateResponse(request, "outcomes/report.html", {"form": form})
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def consents(request, outcome_id):
    outcome = get_object_or_404(Outcome, pk=outcome_id, user=request.user)
    form = ConsentsForm.for_outcome(outcome, request.POST)
    if form.is_valid():
        services.set_consents(
            outcome, **{name: form.cleaned_data[name] for name in services.CONSENTS}
        )
        messages.success(request, _("Your choices are saved."))
    return redirect("learning:dashboard")


def dashboard_section(user, request):
    """The dashboard's "My results" section: her reports with their consents, and the
    way to report one more. Her rows are kept in the cache (``statistics.of_learner``),
    so the dashboard stays within its query budget."""
    rows = statistics.of_learner(user)
    items = [(row, ConsentsForm.for_outcome(row)) for row in rows]
    return render_to_string(
        "outcomes/dashboard_section.html", {"items": items, "request": request}, request=request
    )
