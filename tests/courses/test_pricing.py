"""The calculator's arithmetic, worked by hand for several currencies and commissions."""

from decimal import Decimal

import pytest

from courses import pricing


@pytest.mark.parametrize(
    ("currency", "income", "expenses", "hours", "per_service", "commission", "hourly", "service"),
    [
        # 6000 + 500 = 6500 MAD over 80 h → 81.25/h net; / 0.8 → 101.5625 → step 5 → 105.
        # Per 4-h service: 406.25 → 410.
        ("MAD", "6000", "500", "80", "4", "20", "105", "410"),
        # 45000 + 5000 = 50000 DZD / 100 h = 500/h; / 0.85 = 588.2… → step 50 → 600.
        # A 3-h service: 1764.7… → 1800.
        ("DZD", "45000", "5000", "100", "3", "15", "600", "1800"),
        # 9000 EGP / 60 h = 150/h; / 0.8 = 187.5 → step 10 → 190. 2.5 h: 468.75 → 470.
        ("EGP", "8000", "1000", "60", "2.5", "20", "190", "470"),
        # SYP: 2,000,000 / 120 h = 16666.67/h; / 0.9 = 18518.5 → step 100 → 18600.
        # 5 h: 92592.6 → 92600.
        ("SYP", "1800000", "200000", "120", "5", "10", "18600", "92600"),
        # 20000 TRY / 100 h = 200/h; no commission → exactly 200 (no rounding needed).
        ("TRY", "18000", "2000", "100", "1", "0", "200", "200"),
        # 1200 TND / 80 = 15/h; / 0.8 = 18.75 → 19. 6 h: 112.5 → 113.
        ("TND", "1000", "200", "80", "6", "20", "19", "113"),
        # 800 JOD / 100 = 8/h; / 0.8 = 10 exactly → 10. 1.5 h: 15 → 15.
        ("JOD", "700", "100", "100", "1.5", "20", "10", "15"),
        # JOD rounds to halves: 810 / 100 = 8.1; / 0.8 = 10.125 → 10.5; × 3 = 30.375 → 30.5.
        ("JOD", "700", "110", "100", "3", "20", "10.5", "30.5"),
        # 5000 SAR / 100 = 50; / 0.85 = 58.82… → 59. 2 h: 117.6… → 118.
        ("SAR", "4500", "500", "100", "2", "15", "59", "118"),
        # The Khamsat case: 1000 USD / 100 h = 10/h; / 0.8 = 12.5 → 13; 2 h: 25 → 25.
        ("USD", "900", "100", "100", "2", "20", "13", "25"),
        # Fractional commission: 1000 / 100 = 10; / 0.9725 = 10.28… → 11; 8 h: 82.26… → 83.
        ("USD", "1000", "0", "100", "8", "2.75", "11", "83"),
    ],
)
def test_quote_by_hand(currency, income, expenses, hours, per_service, commission, hourly, service):
    quote = pricing.quote(
        target_income=income,
        monthly_expenses=expenses,
        billable_hours=hours,
        hours_per_service=per_service,
        commission_percent=commission,
        currency=currency,
    )
    assert quote.hourly_price == Decimal(hourly)
    assert quote.service_price == Decimal(service)
    assert quote.currency == currency


@pytest.mark.parametrize(
    "currency", ["MAD", "DZD", "EGP", "SYP", "TRY", "TND", "JOD", "SAR", "USD"]
)
@pytest.mark.parametrize("commission", ["0", "5", "10", "15", "20", "33.33", "50"])
def test_after_commission_the_target_is_met(currency, commission):
    """The promise of the formula: selling every billable hour covers the month."""
    income, expenses, hours, per_service = Decimal("7321"), Decimal("655"), Decimal(93), Decimal(7)
    quote = pricing.quote(
        target_income=income,
        monthly_expenses=expenses,
        billable_hours=hours,
        hours_per_service=per_service,
        commission_percent=commission,
        currency=currency,
    )
    keep = 1 - Decimal(commission) / 100
    step = pricing.rounding_step(currency)
    assert quote.hourly_price * keep * hours >= income + expenses
    assert quote.service_price * keep * (hours / per_service) >= income + expenses
    # Rounded up, but by less than one step: the price is not inflated.
    exact_hour = (income + expenses) / hours / keep
    assert 0 <= quote.hourly_price - exact_hour < step
    assert quote.hourly_price % step == 0
    assert quote.service_price % step == 0
    # Selling the quoted number of services covers the month; one fewer does not.
    assert quote.services_per_month * quote.service_net >= income + expenses
    assert (quote.services_per_month - 1) * quote.service_net < income + expenses


def test_net_after_commission():
    quote = pricing.quote(
        target_income="900",
        monthly_expenses="100",
        billable_hours="100",
        hours_per_service="2",
        commission_percent="20",
        currency="USD",
    )
    assert quote.service_net == Decimal("20")
    assert quote.hourly_net == Decimal("10.4")
    assert quote.monthly_needed == Decimal("1000")
    assert quote.services_per_month == 50


def test_unknown_currency_rounds_to_whole_units():
    quote = pricing.quote(
        target_income="100",
        monthly_expenses="0",
        billable_hours="3",
        hours_per_service="1",
        commission_percent="0",
        currency="xof",
    )
    assert quote.currency == "XOF"
    assert quote.hourly_price == Decimal(34)


@pytest.mark.parametrize(
    "overrides",
    [
        {"billable_hours": "0"},
        {"hours_per_service": "0"},
        {"commission_percent": "100"},
        {"commission_percent": "-1"},
        {"target_income": "-5"},
        {"target_income": "0", "monthly_expenses": "0"},
    ],
)
def test_impossible_inputs_raise(overrides):
    kwargs = {
        "target_income": "1000",
        "monthly_expenses": "0",
        "billable_hours": "100",
        "hours_per_service": "1",
        "commission_percent": "20",
    } | overrides
    with pytest.raises(pricing.PricingError):
        pricing.quote(**kwargs)


def test_huge_income_keeps_exact_digits():
    quote = pricing.quote(
        target_income="999999999999.99",
        monthly_expenses="999999999999.99",
        billable_hours="0.25",
        hours_per_service="0.25",
        commission_percent="99",
        currency="SYP",
    )
    # 1,999,999,999,999.98 / 0.25 / 0.01 = 799,999,999,999,992 → step 100.
    assert quote.hourly_price == Decimal("800000000000000")


@pytest.mark.parametrize(
    ("value", "decimals", "language", "expected"),
    [
        (Decimal("1234567"), 0, "ar", "1,234,567"),
        (Decimal("1234.5"), 1, "en", "1,234.5"),
        (Decimal("1234.5"), 1, "fr", "1\u202f234,5"),
        (Decimal("999"), 0, "ar", "999"),
        (Decimal("20.125"), 2, "ar", "20.13"),
        (Decimal("0.5"), 2, "en", "0.50"),
    ],
)
def test_format_amount(value, decimals, language, expected):
    assert pricing.format_amount(value, decimals, language) == expected
