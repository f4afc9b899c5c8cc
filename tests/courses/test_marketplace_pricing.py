"""Prices a marketplace accepts: its currency, lowest price and step, worked by hand."""

from decimal import Decimal

import pytest

from courses import pricing
from courses.pricing import PriceRules

KHAMSAT = PriceRules("USD", Decimal(5), Decimal(5))
MOSTAQL = PriceRules("USD", Decimal(25), Decimal(1))
FREELANCE_COM = PriceRules("EUR", Decimal(0), Decimal(1))
RATES = {"MAD": Decimal("10"), "EUR": Decimal("0.86"), "DZD": Decimal("130")}


def quote(currency, income, expenses, hours, per_service, commission, rules, rates=RATES):
    return pricing.quote(
        target_income=income,
        monthly_expenses=expenses,
        billable_hours=hours,
        hours_per_service=per_service,
        commission_percent=commission,
        currency=currency,
        rules=rules,
        rates=rates,
    )


@pytest.mark.parametrize(
    ("currency", "income", "hours", "per_service", "commission", "rules", "service", "hourly"),
    [
        # Expenses are 100 in every case.
        # 6500 MAD / 80 h / 0.8 = 101.5625 MAD/h = 10.15625 USD → 11 (the dollar's step).
        # A 4-h service: 40.625 USD → Khamsat's $5 steps → 45.
        ("MAD", "6400", "80", "4", "20", KHAMSAT, "45", "11"),
        # 8000 MAD: exactly 50 USD per service; a price on a step stays where it is.
        # 125 MAD/h = 12.5 USD → 13.
        ("MAD", "7900", "80", "4", "20", KHAMSAT, "50", "13"),
        # 100 USD a month over 100 h: 1.25 USD a service is below Khamsat's lowest, 5.
        ("USD", "0", "100", "1", "20", KHAMSAT, "5", "2"),
        # Same currency, no rate needed: 1000 USD / 100 h × 3 h / 0.8 = 37.5 → 40.
        ("USD", "900", "100", "3", "20", KHAMSAT, "40", "13"),
        # Mostaql: at least 25, then whole dollars. 23.53 → 25; 3 h: 35.29 → 36.
        ("USD", "900", "100", "2", "15", MOSTAQL, "25", "12"),
        ("USD", "900", "100", "3", "15", MOSTAQL, "36", "12"),
        # A euro marketplace for a Moroccan learner, through the dollar: 10000 MAD;
        # 100 MAD/h = 10 USD = 8.6 EUR → 9; a 2-h service 17.2 EUR → 18.
        ("MAD", "9900", "100", "2", "0", FREELANCE_COM, "18", "9"),
        # Algerian dinars to Khamsat: 65000 DZD / 100 h / 0.8 = 812.5 DZD = 6.25 USD/h;
        # a 3-h service 18.75 USD → 20.
        ("DZD", "64900", "100", "3", "20", KHAMSAT, "20", "7"),
    ],
)
def test_prices_on_the_marketplace_steps(
    currency, income, hours, per_service, commission, rules, service, hourly
):
    q = quote(currency, income, "100", hours, per_service, commission, rules)
    assert q.price_currency == rules.currency
    assert q.rules_applied
    assert q.service_price == Decimal(service)
    assert q.hourly_price == Decimal(hourly)
    assert q.service_price % rules.step == 0
    assert q.service_price >= rules.minimum


def test_the_learners_currency_beside_the_price():
    q = quote("MAD", "6000", "500", "80", "4", "20", KHAMSAT)
    assert (q.currency, q.price_currency) == ("MAD", "USD")
    assert q.converted
    assert q.service_local == Decimal("450")  # 45 USD at 10 MAD
    assert q.hourly_local == Decimal("110")
    assert q.service_net == Decimal("36")  # 80% of 45
    assert q.service_net_local == Decimal("360")
    assert q.monthly_needed == Decimal("6500")  # the month stays in dirhams
    # 6500 MAD / 360 MAD per service = 18.06 → 19 services.
    assert q.services_per_month == 19


@pytest.mark.parametrize("commission", ["0", "10", "15", "20", "33.33"])
@pytest.mark.parametrize("currency", ["MAD", "DZD", "EUR"])
def test_after_commission_and_conversion_the_month_is_covered(currency, commission):
    """Selling the quoted number of services at the accepted price covers the month."""
    q = quote(currency, "7321", "655", "93", "7", commission, KHAMSAT)
    keep = 1 - Decimal(commission) / 100
    rate = RATES[currency]  # units of the learner's currency per dollar
    needed = Decimal("7976")
    assert q.service_price * keep * (Decimal(93) / 7) * rate >= needed
    assert q.services_per_month * q.service_net * rate >= needed
    assert (q.services_per_month - 1) * q.service_net * rate < needed
    # Rounded up by less than one of Khamsat's steps, unless the lowest price applies.
    exact = needed * 7 / 93 / keep / rate
    assert 0 <= q.service_price - exact < KHAMSAT.step or q.service_price == KHAMSAT.minimum


def test_without_a_rate_the_prices_stay_in_the_learners_currency():
    q = quote("SYP", "1800000", "200000", "120", "5", "10", KHAMSAT, rates={})
    assert q.price_currency == "SYP"
    assert not q.rules_applied
    assert not q.converted
    assert q.service_price == Decimal("92600")  # SYP's own step of 100, no $5 rule
    assert q.service_local == q.service_price


def test_no_rules_keeps_the_currency_steps():
    q = quote("MAD", "6000", "500", "80", "4", "20", None)
    assert (q.price_currency, q.service_price, q.hourly_price) == ("MAD", Decimal(410), 105)
