"""The one-step report of an outcome: the rules every way in shares.

The page, the API and the service all validate through ``OutcomeForm``: what the
report must hold for its kind, the link checked by the marketplace's own rules
(``Marketplace.clean_work_url``), no date in the future, a bounded amount in a known
currency, and one first client per learner and one band a month.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Marketplace
from outcomes import limits
from outcomes.models import Outcome


class OutcomeForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("What do you want to tell us?"),
        choices=Outcome.Kind.choices,
        widget=forms.RadioSelect,
    )
    marketplace = forms.ModelChoiceField(
        label=_("Marketplace"),
        queryset=Marketplace.objects.order_by("slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("Choose a marketplace"),
    )
    link = forms.CharField(
        label=_("Link to the service, the project or the client's review"),
        max_length=limits.MAX_LINK_LENGTH,
        required=False,
        widget=forms.URLInput(attrs={"dir": "ltr", "inputmode": "url"}),
        help_text=_("An editor opens it to check; it must be on the marketplace you chose."),
    )
    happened_on = forms.DateField(
        label=_("When?"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day of your first client, or any day of the month of your earnings."),
    )
    amount = forms.DecimalField(
        label=_("Amount (optional)"),
        required=False,
        min_value=limits.MIN_AMOUNT,
        max_value=limits.MAX_AMOUNT,
        decimal_places=limits.AMOUNT_DECIMALS,
        max_digits=10,
        widget=forms.NumberInput(attrs={"step": "0.01", "dir": "ltr", "inputmode": "decimal"}),
    )
    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=[("", _("Choose a currency")), *limits.CURRENCY_CHOICES],
        required=False,
    )
    band = forms.ChoiceField(
        label=_("Monthly earnings"),
        choices=[("", _("Choose a band")), *Outcome.Band.choices],
        required=False,
    )
    count_in_statistics = forms.BooleanField(
        label=_("Count this in Bidaya's statistics (only totals are shown, never your name)."),
        required=False,
    )
    may_contact = forms.BooleanField(
        label=_("An editor may contact me about telling my story."),
        required=False,
    )
    show_publicly = forms.BooleanField(
        label=_("Once checked, show it on my public profile and in my badges."),
        required=False,
    )

    class Meta:
        model = Outcome
        fields = [
            "kind",
            "marketplace",
            "link",
            "happened_on",
            "amount",
            "currency",
            "band",
            "count_in_statistics",
            "may_contact",
            "show_publicly",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_happened_on(self):
        value = self.cleaned_data["happened_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")
        if value < limits.EARLIEST_DATE:
            raise forms.ValidationError(
                _("Give a date after %(year)s.") % {"year": limits.EARLIEST_DATE.year},
                code="too_early",
            )
        return value

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        marketplace = data.get("marketplace")
        link = (data.get("link") or "").strip()
        if kind == Outcome.Kind.FIRST_CLIENT:
            data["band"] = ""
            if marketplace is None and "marketplace" not in self.errors:
                self.add_error(
                    "marketplace", forms.ValidationError(_("Choose the marketplace."), "required")
                )
            if not link and "link" not in self.errors:
                self.add_error(
                    "link",
                    forms.ValidationError(
                        _("Paste the link an editor can open to check it."), "required"
                    ),
                )
        elif kind == Outcome.Kind.EARNINGS:
            if not data.get("band") and "band" not in self.errors:
                self.add_error(
                    "band", forms.ValidationError(_("Choose your monthly earnings."), "required")
                )
            if data.get("happened_on"):
                data["happened_on"] = data["happened_on"].replace(day=1)
            if link and marketplace is None and "marketplace" not in self.errors:
                self.add_error(
                    "marketplace",
                    forms.ValidationError(_("Choose the marketplace of the link."), "required"),
                )
        if link and marketplace is not None:
            try:
                data["link"] = marketplace.clean_work_url(link, limits.MAX_LINK_LENGTH)
            except forms.ValidationError as error:
                self.add_error("link", error)
        self._clean_money(data)
        if kind and data.get("happened_on") and not self.errors:
            self._refuse_duplicate(kind, data["happened_on"])
        return data

    def _clean_money(self, data):
        amount, currency = data.get("amount"), data.get("currency")
        if amount is not None and not currency and "currency" not in self.errors:
            self.add_error("currency", forms.ValidationError(_("Choose the currency."), "required"))
        if currency and amount is None:
            data["currency"] = ""

    def _refuse_duplicate(self, kind, happened_on):
        if self.user is None:
            return
        rows = Outcome.objects.filter(user=self.user, kind=kind)
        if self.instance.pk:
            rows = rows.exclude(pk=self.instance.pk)
        if kind == Outcome.Kind.FIRST_CLIENT and rows.exists():
            raise forms.ValidationError(
                _("You already reported your first client. Report your earnings instead."),
                code="duplicate",
            )
        if kind == Outcome.Kind.EARNINGS and rows.filter(happened_on=happened_on).exists():
            raise forms.ValidationError(
                _("You already reported your earnings for this month."), code="duplicate"
            )
