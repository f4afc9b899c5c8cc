"""Marketplace, exchange-rate and country data the pricing calculator offers, read from
the cms snippets."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cms import routing
from cms.models import Country, ExchangeRate, Marketplace

from .pricing import PriceRules


@dataclass(frozen=True)
class MarketOption:
    slug: str
    name: str
    commission: Decimal
    rules: PriceRules | None = None
    checked_on: date | None = None


def marketplace_options(marketplaces=None, *, language):
    """``[MarketOption]`` for the given marketplaces, or all of them.

    Editors pick marketplaces per calculator; when they pick none, every marketplace with
    a commission on record is offered, in the snippet's order.
    """
    if marketplaces is None:
        marketplaces = Marketplace.objects.all()
    return [
        MarketOption(
            slug=m.slug,
            name=m.name_for(language),
            commission=m.commission_percent,
            rules=PriceRules(m.currency, m.minimum_price, m.price_step) if m.currency else None,
            checked_on=m.pricing_checked_on,
        )
        for m in marketplaces
        if m.commission_percent is not None
    ]


def exchange_rates():
    """``{currency: ExchangeRate}`` as editors keep them (kept until one is edited)."""
    return routing.kept(
        "courses:exchange-rates",
        lambda: {rate.currency: rate for rate in ExchangeRate.objects.all()},
    )


def payout_countries(language):
    """``[{"code", "name", "currency", "payouts"}]`` for every country, in the language;
    kept until a country or a payout method is edited."""

    def compute():
        return [
            {
                "code": country.code,
                "name": country.name_for(language),
                "currency": country.currency,
                "payouts": country.payout_options(language),
            }
            for country in Country.objects.prefetch_related("payout_methods__method")
        ]

    return routing.kept(f"courses:payout-countries:{language}", compute)
