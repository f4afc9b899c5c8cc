"""The pricing calculator in real Chromium with marketplace rules and exchange rates:
the browser suggests exactly the prices the server does, on the marketplace's steps,
with the learner's currency beside them and her country's payout methods."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from cms.models import Marketplace
from courses import pricing
from tests.e2e.test_courses import build_courses, read_result, site, watch_csp  # noqa: F401
from tests.factories.cms import CountryFactory, CountryPayoutMethodFactory, ExchangeRateFactory

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

RULES = {
    "khamsat": pricing.PriceRules("USD", Decimal(5), Decimal(5)),
    "mostaql": pricing.PriceRules("USD", Decimal(25), Decimal(1)),
}
COMMISSIONS = {"khamsat": "20", "mostaql": "15"}
RATES = {"MAD": Decimal("9.2"), "DZD": Decimal("130"), "EGP": Decimal("48.5")}


@pytest.fixture
def lesson():
    made = build_courses(None)
    for slug, rules in RULES.items():
        Marketplace.objects.filter(slug=slug).update(
            currency=rules.currency, minimum_price=rules.minimum, price_step=rules.step
        )
    for code, units in RATES.items():
        ExchangeRateFactory(currency=code, units_per_usd=units)
    morocco = CountryFactory(code="MA", name_ar="المغرب", currency="MAD")
    algeria = CountryFactory(code="DZ", name_ar="الجزائر", currency="DZD")
    CountryPayoutMethodFactory(country=morocco, method__slug="cashplus", method__name_ar="كاش بلوس")
    CountryPayoutMethodFactory(country=algeria, method__slug="payoneer", method__name_ar="بايونير")
    return made["pricing"]["lessons"][1]


def test_prices_on_the_marketplace_steps_in_the_browser(page, site, lesson, screenshot):  # noqa: F811
    csp_violations = watch_csp(page)
    page.goto(f"{site}{lesson.url}")
    expect(page.locator("form[data-pricing-calculator][data-enhanced=true]")).to_have_count(1)
    initial = read_result(page)
    # The server's first answer: MAD (the block's currency, so Morocco) on Khamsat.
    assert (initial["price_currency"], initial["currency"]) == ("USD", "MAD")
    expect(page.locator('[data-payouts="MA"]')).to_be_visible()

    cases = [
        # currency, income, expenses, hours, per service, marketplace
        ("MAD", "6000", "500", "80", "4", "khamsat"),
        ("MAD", "7321", "655", "93", "7", "mostaql"),
        ("DZD", "45000", "5000", "100", "3", "khamsat"),
        ("DZD", "3000", "0", "100", "1", "khamsat"),  # below the lowest price: 5 USD
        ("EGP", "12000", "1500", "120", "2.5", "mostaql"),
        ("USD", "900", "100", "100", "3", "khamsat"),  # no conversion needed
        ("SYP", "1800000", "200000", "120", "5", "khamsat"),  # no rate: stays in SYP
    ]
    for currency, income, expenses, hours, per_service, marketplace in cases:
        page.select_option("select[name=currency]", currency)
        page.fill("input[name=target_income]", income)
        page.fill("input[name=monthly_expenses]", expenses)
        page.fill("input[name=billable_hours]", hours)
        page.fill("input[name=hours_per_service]", per_service)
        page.select_option("select[name=marketplace]", marketplace)
        quote = pricing.quote(
            target_income=income,
            monthly_expenses=expenses,
            billable_hours=hours,
            hours_per_service=per_service,
            commission_percent=COMMISSIONS[marketplace],
            currency=currency,
            rules=RULES[marketplace],
            rates=RATES,
        )
        result = read_result(page)
        case = (currency, income, marketplace)
        assert result["price_currency"] == quote.price_currency, case
        assert result["service_price"] == pricing.format_amount(
            quote.service_price, quote.decimals, "ar"
        ), case
        assert result["hourly_price"] == pricing.format_amount(
            quote.hourly_price, quote.hourly_decimals, "ar"
        ), case
        assert result["service_local"] == pricing.format_amount(
            quote.service_local, pricing.short_decimals(quote.service_local), "ar"
        ), case
        assert result["services_per_month"] == str(quote.services_per_month), case
        assert result["currency"] == currency
        local = page.locator(".calculator__headline [data-local]")
        if quote.converted:
            expect(local).to_be_visible()
            expect(page.locator(f'[data-rate="{currency}"]')).to_be_visible()
        else:
            expect(local).to_be_hidden()
        if quote.rules_applied:
            expect(page.locator(f'[data-market-rule="{marketplace}"]')).to_be_visible()
            expect(page.locator("[data-no-rate]")).to_be_hidden()
        else:
            expect(page.locator("[data-no-rate]")).to_be_visible()
        if quote.rules_applied:
            assert quote.service_price % RULES[marketplace].step == 0
            assert quote.service_price >= RULES[marketplace].minimum

    # Choosing her country starts her in its currency and shows how she is paid there.
    page.select_option("select[name=country]", "DZ")
    expect(page.locator("select[name=currency]")).to_have_value("DZD")
    expect(page.locator('[data-payouts="DZ"]')).to_be_visible()
    expect(page.locator('[data-payouts="DZ"]')).to_contain_text("بايونير")
    expect(page.locator('[data-payouts="MA"]')).to_be_hidden()

    # Back to the first state: the browser agrees with what the server rendered, and
    # submitting without the script's help gives the same figures again.
    page.select_option("select[name=country]", "MA")
    page.fill("input[name=target_income]", "6000")
    page.fill("input[name=monthly_expenses]", "500")
    page.fill("input[name=billable_hours]", "80")
    page.fill("input[name=hours_per_service]", "4")
    page.select_option("select[name=marketplace]", "khamsat")
    assert read_result(page) == initial
    page.click(".calculator button[type=submit]")
    page.wait_for_load_state()
    assert read_result(page) == initial
    page.locator(".calculator").scroll_into_view_if_needed()
    screenshot(page, "calculator-khamsat-ar")
    assert csp_violations == []


def test_on_a_phone_in_arabic(phone_page, site, lesson, screenshot):  # noqa: F811
    phone_page.goto(f"{site}{lesson.url}")
    expect(phone_page.locator("form[data-pricing-calculator][data-enhanced=true]")).to_have_count(1)
    # The rule is stated in Arabic, with Latin runs isolated.
    rule = phone_page.locator('[data-market-rule="khamsat"]')
    expect(rule).to_contain_text("تقبل")
    expect(rule.locator("bdi")).to_have_count(4)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_page.locator(".calculator__result").scroll_into_view_if_needed()
    screenshot(phone_page, "calculator-khamsat-ar-phone")
