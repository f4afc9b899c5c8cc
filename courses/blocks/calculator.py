"""The pricing calculator block.

It works without JavaScript: the form submits (GET, so a result can be bookmarked and
shared with a mentor) to the lesson it sits on, and the block reads its own inputs from
the request and renders the result. ``static/js/pricing-calculator.js`` then recomputes
on every keystroke with the same formula.
"""

from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.models import CURRENCIES
from cms.models.money import CURRENCY_CODES
from courses import hooks as course_hooks
from courses import pricing
from courses.forms import CUSTOM_COMMISSION, PricingForm
from courses.marketplaces import exchange_rates, marketplace_options, payout_countries


class PricingCalculatorBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    intro = blocks.TextBlock(label=_("introduction"), required=False, rows=2)
    currency = blocks.ChoiceBlock(label=_("default currency"), choices=CURRENCIES, default="MAD")
    target_income = blocks.DecimalBlock(
        label=_("default monthly income"), min_value=0, default=Decimal(6000), decimal_places=2
    )
    monthly_expenses = blocks.DecimalBlock(
        label=_("default monthly expenses"), min_value=0, default=Decimal(500), decimal_places=2
    )
    billable_hours = blocks.DecimalBlock(
        label=_("default hours sold per month"),
        min_value=Decimal("0.25"),
        max_value=744,
        default=Decimal(80),
        decimal_places=2,
    )
    hours_per_service = blocks.DecimalBlock(
        label=_("default hours per service"),
        min_value=Decimal("0.25"),
        max_value=744,
        default=Decimal(4),
        decimal_places=2,
    )
    marketplaces = blocks.ListBlock(
        SnippetChooserBlock("cms.Marketplace"),
        label=_("marketplaces offered"),
        default=[],
        help_text=_("Leave empty to offer every marketplace. The first one is preselected."),
    )

    class Meta:
        label = _("pricing calculator")
        icon = "calculator"
        template = "courses/blocks/pricing_calculator.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        language = get_language() or "ar"
        block_id = context.get("id") or "calculator"
        chosen = [m for m in value["marketplaces"] if m is not None]
        options = marketplace_options(chosen or None, language=language)
        rates = exchange_rates()
        countries = payout_countries(language)
        request = context.get("request")
        submitted = request is not None and request.GET.get("calculator") == block_id
        data = request.GET if submitted else _defaults(value, options, countries, context, request)
        form = PricingForm(
            data,
            marketplaces=options,
            language=language,
            rates={code: rate.units_per_usd for code, rate in rates.items()},
            countries=[(c["code"], c["name"]) for c in countries],
            auto_id=f"calc-{block_id}-%s",
        )
        quote = form.quote() if form.is_valid() else None
        chosen_country = form["country"].value() or ""
        context.update(
            {
                "calculator_id": block_id,
                "json_id": f"calc-{block_id}-data",
                "form": form,
                "submitted": submitted,
                "quote": quote,
                "formatted": _formatted(quote, language) if quote else None,
                "action": request.path if request is not None else "",
                "market_rules": [_rules_text(m, language) for m in options if m.rules],
                "rates": [_rate_text(rate, language) for rate in rates.values()],
                "countries": [
                    (c["code"], c["code"] == chosen_country, c["payouts"]) for c in countries
                ],
                "calculator_data": {
                    "language": language,
                    "steps": {code: str(step) for code, step in pricing.ROUNDING_STEPS.items()},
                    "defaultStep": str(pricing.DEFAULT_ROUNDING_STEP),
                    "commissions": {m.slug: str(m.commission) for m in options},
                    "markets": {
                        m.slug: {
                            "currency": m.rules.currency,
                            "minimum": str(m.rules.minimum),
                            "step": str(m.rules.step),
                        }
                        for m in options
                        if m.rules
                    },
                    "rates": {code: str(rate.units_per_usd) for code, rate in rates.items()},
                    "countryCurrencies": {
                        c["code"]: c["currency"] for c in countries if c["currency"]
                    },
                },
            }
        )
        return context


def _defaults(value, options, countries, context, request):
    """The form's first state: the lesson's marketplace, the learner's country."""
    slugs = [m.slug for m in options]
    course = context.get("course")
    about = [m.slug for m in course.marketplaces.all()] if course is not None else []
    marketplace = next((slug for slug in about if slug in slugs), slugs[0] if slugs else None)
    by_code = {c["code"]: c for c in countries}
    country = by_code.get(course_hooks.learner_country(request)) if request else None
    currency = value["currency"]
    if country is not None and country["currency"] in CURRENCY_CODES:
        currency = country["currency"]
    elif country is None:
        country = next((c for c in countries if c["currency"] == currency), None)
    return {
        "currency": currency,
        "country": country["code"] if country else "",
        "target_income": value["target_income"],
        "monthly_expenses": value["monthly_expenses"],
        "billable_hours": value["billable_hours"],
        "hours_per_service": value["hours_per_service"],
        "marketplace": marketplace or CUSTOM_COMMISSION,
        "commission_percent": "" if options else "20",
    }


def _rules_text(option, language):
    rules = option.rules
    step = pricing.step_decimals(rules.step)
    return {
        "slug": option.slug,
        "name": option.name,
        "currency": rules.currency,
        "minimum": pricing.format_amount(rules.minimum, step, language),
        "step": pricing.format_amount(rules.step, step, language),
        "checked_on": option.checked_on,
    }


def _rate_text(rate, language):
    units = rate.units_per_usd
    return {
        "currency": rate.currency,
        "units": pricing.format_amount(units, pricing.short_decimals(units, 4), language),
        "rate_date": rate.rate_date,
    }


def _formatted(quote, language):
    def fmt(value, decimals=None):
        if decimals is None:
            decimals = pricing.short_decimals(value)
        return pricing.format_amount(value, decimals, language)

    return {
        "hourly_price": fmt(quote.hourly_price, quote.hourly_decimals),
        "service_price": fmt(quote.service_price, quote.decimals),
        "service_net": fmt(quote.service_net),
        "hourly_local": fmt(quote.hourly_local),
        "service_local": fmt(quote.service_local),
        "service_net_local": fmt(quote.service_net_local),
        "monthly_needed": fmt(quote.monthly_needed),
        "services_per_month": fmt(quote.services_per_month, 0),
        "commission": fmt(quote.commission_percent),
    }
