"""Money reference data: the currencies the academy prices in, exchange rates that
editors keep with their date, and the ways a learner in each country is paid.

Kept beside the other snippets because a marketplace's rules, a country's payout
methods and the rates are all facts about the outside world that change; each carries
the date someone last looked, so a learner can see how fresh it is.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

# The currencies of the countries the academy serves, and those marketplaces price in.
CURRENCIES = [
    ("MAD", _("Moroccan dirham")),
    ("DZD", _("Algerian dinar")),
    ("TND", _("Tunisian dinar")),
    ("EGP", _("Egyptian pound")),
    ("SYP", _("Syrian pound")),
    ("JOD", _("Jordanian dinar")),
    ("SAR", _("Saudi riyal")),
    ("AED", _("UAE dirham")),
    ("TRY", _("Turkish lira")),
    ("EUR", _("Euro")),
    ("USD", _("US dollar")),
]
CURRENCY_CODES = [code for code, _name in CURRENCIES]
BASE_CURRENCY = "USD"


class ExchangeRate(models.Model):
    """How many units of a currency one US dollar buys, on a given date.

    Every conversion goes through the dollar (most marketplaces price in it), so one
    row per currency is enough to convert between any two.
    """

    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, unique=True)
    units_per_usd = models.DecimalField(
        _("units for 1 US dollar"),
        max_digits=18,
        decimal_places=6,
        validators=[MinValueValidator(0.000001)],
        help_text=_("For example 9.95 for the Moroccan dirham if 1 USD buys 9.95 MAD."),
    )
    rate_date = models.DateField(
        _("rate of"),
        help_text=_("The day this rate was read; learners see it beside every conversion."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the rate was read, e.g. the central bank's published rate."),
    )

    class Meta:
        ordering = ["currency"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self):
        return f"1 {BASE_CURRENCY} = {self.units_per_usd.normalize():f} {self.currency}"


class CountryPayoutMethod(Orderable):
    """A way to be paid that works in one country, with what it costs there."""

    country = ParentalKey("cms.Country", related_name="payout_methods", on_delete=models.CASCADE)
    method = models.ForeignKey(
        "cms.PayoutMethod",
        verbose_name=_("payout method"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    fees_ar = models.CharField(_("fees (Arabic)"), max_length=200, blank=True)
    fees_en = models.CharField(_("fees (English)"), max_length=200, blank=True)
    fees_fr = models.CharField(_("fees (French)"), max_length=200, blank=True)
    notes_ar = models.TextField(_("notes (Arabic)"), max_length=600, blank=True)
    notes_en = models.TextField(_("notes (English)"), max_length=600, blank=True)
    notes_fr = models.TextField(_("notes (French)"), max_length=600, blank=True)
    checked_on = models.DateField(
        _("checked on"),
        null=True,
        blank=True,
        help_text=_(
            "When someone last compared the fees and notes with the provider's public "
            "rules for this country. Leave empty until they are confirmed."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("payout method in this country")
        verbose_name_plural = _("payout methods in this country")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "method"], name="cms_country_payout_method_once"
            )
        ]

    def __str__(self):
        return f"{self.country_id}: {self.method}"

    def text_for(self, field, language_code):
        code = (language_code or "").split("-")[0].lower()
        return (
            getattr(self, f"{field}_{code}", "")
            or getattr(self, f"{field}_en", "")
            or getattr(self, f"{field}_ar", "")
        )
