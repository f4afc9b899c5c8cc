"""The pricing calculator's form: it parses what a learner typed, or says what is wrong."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.models import CURRENCIES

from . import pricing

CUSTOM_COMMISSION = "custom"

# Arabic-Indic and Persian digits, the Arabic decimal and thousands separators: someone
# typing on an Arabic keyboard without the browser's number field sends these.
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_DIGITS.update({ord("٫"): ".", ord("٬"): "", ord("\u00a0"): "", ord("\u202f"): "", ord(" "): ""})

MAX_AMOUNT = Decimal("1000000000000")  # a trillion: any real monthly income in any currency
HOURS_IN_MONTH = Decimal(744)


class LocalisedDecimalField(forms.DecimalField):
    def to_python(self, value):
        if isinstance(value, str):
            value = value.translate(_DIGITS).strip()
        return super().to_python(value)


def _amount(label, help_text=""):
    return LocalisedDecimalField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=MAX_AMOUNT,
        max_digits=15,
        decimal_places=2,
        error_messages={
            "required": _("Enter an amount, 0 if there is none."),
            "invalid": _("Enter a number, for example 1500."),
            "max_value": _("That is more than this calculator can handle."),
            "min_value": _("The amount cannot be negative."),
            "max_decimal_places": _("Use at most two decimals."),
        },
    )


def _hours(label, help_text="", minimum="0.25"):
    return LocalisedDecimalField(
        label=label,
        help_text=help_text,
        min_value=Decimal(minimum),
        max_value=HOURS_IN_MONTH,
        max_digits=6,
        decimal_places=2,
        error_messages={
            "required": _("Enter a number of hours."),
            "invalid": _("Enter a number of hours, for example 80."),
            "max_value": _("A month has at most 744 hours."),
            "min_value": _("Enter at least a quarter of an hour."),
            "max_decimal_places": _("Use at most two decimals."),
        },
    )


class PricingForm(forms.Form):
    """Inputs of :func:`courses.pricing.quote`.

    ``marketplaces`` is a list of ``courses.marketplaces.MarketOption``; the learner
    picks one, or types a commission of their own. ``rates`` is ``{currency: units per
    US dollar}``; ``countries`` the ``(code, name)`` choices whose payout methods show.
    """

    currency = forms.ChoiceField(
        label=_("Your currency"), choices=CURRENCIES, help_text=_("The one you live on.")
    )
    target_income = _amount(
        _("Income you want to take home each month"), _("After the marketplace's commission.")
    )
    monthly_expenses = _amount(
        _("Work expenses each month"), _("Internet, electricity, software, transfer fees…")
    )
    billable_hours = _hours(
        _("Hours you can sell each month"), _("Not every working hour is paid: be honest.")
    )
    hours_per_service = _hours(_("Hours one service takes you"))
    marketplace = forms.ChoiceField(label=_("Marketplace"))
    commission_percent = LocalisedDecimalField(
        label=_("Commission (%)"),
        required=False,
        min_value=0,
        max_value=Decimal("99"),
        max_digits=5,
        decimal_places=2,
        help_text=_("Only if your marketplace is not in the list."),
        error_messages={
            "invalid": _("Enter a percentage, for example 20."),
            "max_value": _("A commission can be at most %(limit_value)s%%."),
            "min_value": _("A commission cannot be negative."),
            "max_decimal_places": _("Use at most two decimals."),
        },
    )
    country = forms.ChoiceField(label=_("Where you live"), required=False)

    def __init__(self, *args, marketplaces=(), language="ar", rates=None, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.marketplaces = {m.slug: m for m in marketplaces}
        self.rates = rates or {}
        choices = [
            (
                m.slug,
                _("%(name)s (%(commission)s%%)")
                % {
                    "name": m.name,
                    "commission": pricing.format_amount(
                        m.commission, pricing.short_decimals(m.commission), language
                    ),
                },
            )
            for m in self.marketplaces.values()
        ]
        choices.append((CUSTOM_COMMISSION, _("Another marketplace: type its commission")))
        self.fields["marketplace"].choices = choices
        self.fields["country"].choices = [("", _("Choose your country"))] + list(countries)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                field.widget.attrs.update({"inputmode": "decimal", "step": "any"})

    def clean(self):
        cleaned = super().clean()
        marketplace = cleaned.get("marketplace")
        cleaned["rules"] = None
        if marketplace == CUSTOM_COMMISSION:
            if (
                cleaned.get("commission_percent") is None
                and "commission_percent" not in self.errors
            ):
                self.add_error("commission_percent", _("Type the marketplace's commission."))
        elif marketplace in self.marketplaces:
            cleaned["commission_percent"] = Decimal(self.marketplaces[marketplace].commission)
            cleaned["rules"] = self.marketplaces[marketplace].rules
        income, expenses = cleaned.get("target_income"), cleaned.get("monthly_expenses")
        if income is not None and expenses is not None and income + expenses <= 0:
            raise ValidationError(_("Enter the income you want or your expenses: both are 0."))
        billable, per_service = cleaned.get("billable_hours"), cleaned.get("hours_per_service")
        if billable is not None and per_service is not None and per_service > billable:
            self.add_error(
                "hours_per_service",
                _("One service cannot take more hours than you sell in a month."),
            )
        return cleaned

    def quote(self):
        data = self.cleaned_data
        return pricing.quote(
            target_income=data["target_income"],
            monthly_expenses=data["monthly_expenses"],
            billable_hours=data["billable_hours"],
            hours_per_service=data["hours_per_service"],
            commission_percent=data["commission_percent"],
            currency=data["currency"],
            rules=data["rules"],
            rates=self.rates,
        )


class CatalogueFilterForm(forms.Form):
    """Track, level and language filters of the catalogue, read from the query string.

    An unknown value (an old link, a typo) is reported and ignored rather than
    emptying the catalogue.
    """

    track = forms.ChoiceField(label=_("Track"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data=None, **kwargs):
        from django.conf import settings

        from courses.models import Level, Track

        super().__init__(data or None, **kwargs)
        everything = [("", _("All"))]
        self.fields["track"].choices = everything + list(Track.choices)
        self.fields["level"].choices = everything + list(Level.choices)
        self.fields["language"].choices = everything + list(settings.LANGUAGES)

    def active_filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
