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

from courses import pricing
from courses.forms import CURRENCIES, CUSTOM_COMMISSION, PricingForm
from courses.marketplaces import marketplace_options


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
        request = context.get("request")
        submitted = request is not None and request.GET.get("calculator") == block_id
        if submitted:
            data = request.GET
        else:
            data = {
                "currency": value["currency"],
                "target_income": value["target_income"],
                "monthly_expenses": value["monthly_expenses"],
                "billable_hours": value["billable_hours"],
                "hours_per_service": value["hours_per_service"],
                "marketplace": options[0][0] if options else CUSTOM_COMMISSION,
                "commission_percent": "" if options else "20",
            }
        form = PricingForm(
            data, marketplaces=options, language=language, auto_id=f"calc-{block_id}-%s"
        )
        quote = form.quote() if form.is_valid() else None
        context.update(
            {
                "calculator_id": block_id,
                "json_id": f"calc-{block_id}-data",
                "form": form,
                "submitted": submitted,
                "quote": quote,
                "formatted": _formatted(quote, language) if quote else None,
                "action": request.path if request is not None else "",
                "calculator_data": {
                    "language": language,
                    "steps": {code: str(step) for code, step in pricing.ROUNDING_STEPS.items()},
                    "defaultStep": str(pricing.DEFAULT_ROUNDING_STEP),
                    "commissions": {slug: str(c) for slug, _name, c in options},
                },
            }
        )
        return context


def _formatted(quote, language):
    def fmt(value, decimals=None):
        if decimals is None:
            decimals = pricing.short_decimals(value)
        return pricing.format_amount(value, decimals, language)

    return {
        "hourly_price": fmt(quote.hourly_price, quote.decimals),
        "service_price": fmt(quote.service_price, quote.decimals),
        "service_net": fmt(quote.service_net),
        "monthly_needed": fmt(quote.monthly_needed),
        "services_per_month": fmt(quote.services_per_month, 0),
        "commission": fmt(quote.commission_percent),
    }
