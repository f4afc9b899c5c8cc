"""The pricing calculator block: server-side results without JavaScript, and bad input."""

import re
from decimal import Decimal

import pytest

from django.utils import translation

from courses import pricing
from courses.forms import PricingForm
from courses.marketplaces import MarketOption
from tests.cms.conftest import translate
from tests.factories.cms import ExchangeRateFactory, MarketplaceFactory
from tests.factories.courses import CoursePageFactory, LessonPageFactory, calculator_block

pytestmark = pytest.mark.django_db

MARKETPLACES = [
    MarketOption("khamsat", "خمسات", Decimal("20")),
    MarketOption("mostaql", "مستقل", Decimal("15")),
]


def form(**data):
    values = {
        "currency": "MAD",
        "target_income": "6000",
        "monthly_expenses": "500",
        "billable_hours": "80",
        "hours_per_service": "4",
        "marketplace": "khamsat",
        "commission_percent": "",
    } | data
    with translation.override("en"):
        bound = PricingForm(values, marketplaces=MARKETPLACES)
        bound.is_valid()
        return bound


class TestForm:
    @pytest.fixture(autouse=True)
    def english(self):
        """Error messages are lazy: they are read, and compared, in English too."""
        with translation.override("en"):
            yield

    def test_marketplace_commission_is_used(self):
        bound = form(marketplace="mostaql")
        assert bound.is_valid(), bound.errors
        assert bound.cleaned_data["commission_percent"] == Decimal("15")
        quote = bound.quote()
        # 6500 / 80 = 81.25; / 0.85 = 95.58… → 100 MAD (step 5)
        assert quote.hourly_price == Decimal("100")

    def test_a_typed_commission_for_another_marketplace(self):
        bound = form(marketplace="custom", commission_percent="10")
        assert bound.is_valid(), bound.errors
        assert bound.quote().commission_percent == Decimal("10")

    def test_another_marketplace_needs_its_commission(self):
        bound = form(marketplace="custom", commission_percent="")
        assert bound.errors["commission_percent"] == ["Type the marketplace's commission."]

    def test_arabic_digits_are_understood(self):
        bound = form(
            target_income="٦٠٠٠",
            monthly_expenses="٥٠٠",
            billable_hours="٨٠",
            hours_per_service="٤٫٥",
        )
        assert bound.is_valid(), bound.errors
        assert bound.cleaned_data["target_income"] == Decimal("6000")
        assert bound.cleaned_data["hours_per_service"] == Decimal("4.5")

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            ({"target_income": ""}, "target_income", "Enter an amount, 0 if there is none."),
            ({"target_income": "abc"}, "target_income", "Enter a number, for example 1500."),
            ({"target_income": "-5"}, "target_income", "The amount cannot be negative."),
            (
                {"target_income": "1e30"},
                "target_income",
                "That is more than this calculator can handle.",
            ),
            ({"billable_hours": "0"}, "billable_hours", "Enter at least a quarter of an hour."),
            ({"billable_hours": "800"}, "billable_hours", "A month has at most 744 hours."),
            (
                {"hours_per_service": "100", "billable_hours": "80"},
                "hours_per_service",
                "One service cannot take more hours than you sell in a month.",
            ),
            (
                {"marketplace": "custom", "commission_percent": "100"},
                "commission_percent",
                "A commission can be at most 99%.",
            ),
            ({"currency": "XYZ"}, "currency", None),
            ({"marketplace": "<script>"}, "marketplace", None),
        ],
    )
    def test_bad_input_gets_a_clear_message(self, data, field, message):
        bound = form(**data)
        assert not bound.is_valid()
        assert field in bound.errors
        if message:
            assert message in bound.errors[field]

    def test_nothing_to_earn(self):
        bound = form(target_income="0", monthly_expenses="0")
        assert not bound.is_valid()
        assert bound.non_field_errors() == [
            "Enter the income you want or your expenses: both are 0."
        ]


@pytest.fixture
def lesson(catalogue):
    MarketplaceFactory(
        slug="khamsat", name_ar="خمسات", name_en="Khamsat", commission_percent=Decimal("20")
    )
    MarketplaceFactory(
        slug="mostaql", name_ar="مستقل", name_en="Mostaql", commission_percent=Decimal("15")
    )
    course = CoursePageFactory(parent=catalogue, track="pricing")
    return LessonPageFactory(parent=course, body=[calculator_block(currency="MAD")])


def result_of(html):
    """{name: text} of every data-out element in the rendered calculator."""
    return dict(re.findall(r'data-out="([a-z_]+)">([^<]*)<', html))


def test_without_javascript_the_default_result_is_already_shown(client, lesson):
    html = client.get(lesson.url).content.decode()
    quote = pricing.quote(
        target_income="6000",
        monthly_expenses="500",
        billable_hours="80",
        hours_per_service="4",
        commission_percent="20",  # Khamsat, the first marketplace offered
        currency="MAD",
    )
    out = result_of(html)
    assert out["service_price"] == "410" == pricing.format_amount(quote.service_price)
    assert out["hourly_price"] == "105"
    assert out["currency"] == "MAD"
    assert out["commission"] == "20"
    assert out["services_per_month"] == "20"  # 6500 / (410 × 0.8 = 328) = 19.8 → 20
    assert out["monthly_needed"] == "6,500"
    assert 'src="/static/js/pricing-calculator.js"' in html
    # Choices and commissions reach the script as JSON, not inline code.
    assert '"commissions": {"khamsat": "20.00", "mostaql": "15.00"}' in html


def test_submitting_the_form_computes_on_the_server(client, lesson):
    block_id = lesson.body[0].id
    response = client.get(
        lesson.url,
        {
            "calculator": block_id,
            "currency": "JOD",
            "target_income": "700",
            "monthly_expenses": "110",
            "billable_hours": "100",
            "hours_per_service": "3",
            "marketplace": "khamsat",
        },
    )
    out = result_of(response.content.decode())
    assert out["hourly_price"] == "10.5"
    assert out["service_price"] == "30.5"
    assert out["currency"] == "JOD"
    assert out["service_net"] == "24.4"
    # The inputs keep what was typed.
    assert 'name="target_income" value="700"' in response.content.decode()


def test_bad_input_is_reported_and_kept(client, lesson):
    block_id = lesson.body[0].id
    with translation.override("en"):
        response = client.get(
            lesson.url.replace("/ar/", "/en/"),
            {
                "calculator": block_id,
                "currency": "MAD",
                "target_income": "lots",
                "monthly_expenses": "500",
                "billable_hours": "80",
                "hours_per_service": "4",
                "marketplace": "khamsat",
            },
            follow=True,
        )
    html = response.content.decode()
    assert "Enter a number, for example 1500." in html
    assert 'value="lots"' in html
    assert re.search(r'class="calculator__result"[^>]*hidden', html)


def test_another_calculator_on_the_page_ignores_the_submission(client, lesson):
    response = client.get(lesson.url, {"calculator": "some-other-block", "target_income": "x"})
    out = result_of(response.content.decode())
    assert out["service_price"] == "410"


def test_calculator_in_english_uses_english_names_and_the_same_numbers(
    client, lesson, catalogue_en
):
    translate(lesson.get_parent(), "en", title="Pricing")
    lesson_en = translate(lesson, "en", title="Your price")
    html = client.get(lesson_en.url).content.decode()
    assert "Khamsat (20%)" in html
    out = result_of(html)
    assert out["service_price"] == "410"
    assert out["monthly_needed"] == "6,500"


def test_large_figures_are_grouped_in_latin_digits(client, lesson):
    block_id = lesson.body[0].id
    response = client.get(
        lesson.url,
        {
            "calculator": block_id,
            "currency": "SYP",
            "target_income": "1800000",
            "monthly_expenses": "200000",
            "billable_hours": "120",
            "hours_per_service": "5",
            "marketplace": "custom",
            "commission_percent": "10",
        },
    )
    out = result_of(response.content.decode())
    assert out["hourly_price"] == "18,600"
    assert out["service_price"] == "92,600"
    assert out["monthly_needed"] == "2,000,000"


@pytest.fixture
def khamsat_rules(lesson):
    from cms.models import Marketplace

    Marketplace.objects.filter(slug="khamsat").update(
        currency="USD", minimum_price=5, price_step=5, pricing_checked_on="2026-12-06"
    )
    ExchangeRateFactory(currency="MAD", units_per_usd=Decimal("10"))
    return lesson


def test_prices_are_on_the_marketplaces_steps_with_the_local_currency_beside(client, khamsat_rules):
    html = client.get(khamsat_rules.url).content.decode()
    out = result_of(html)
    # 6500 MAD / 80 h × 4 h / 0.8 = 406.25 MAD = 40.625 USD → Khamsat's $5 steps → 45.
    assert out["service_price"] == "45"
    assert out["price_currency"] == "USD"
    assert out["service_local"] == "450"
    assert out["hourly_price"] == "11"
    assert out["currency"] == "MAD"
    assert out["monthly_needed"] == "6,500"
    assert out["services_per_month"] == "19"
    assert not re.search(r'class="calculator__local" data-local hidden', html)
    assert '"markets": {"khamsat": {"currency": "USD", "minimum": "5.00", "step": "5.00"}' in html
    assert '"rates": {"MAD": "10.000000"}' in html
    # The rule and the rate are stated with their dates.
    assert re.search(
        r"<li data-market-rule=\"khamsat\">\s*تقبل <bdi>خمسات</bdi> .*<bdi>USD</bdi>", html
    )
    assert re.search(r'<li data-rate="MAD">\s*<bdi dir="ltr">1 USD = 10 MAD</bdi>', html)


def test_the_lowest_price_applies(client, khamsat_rules):
    response = client.get(
        khamsat_rules.url,
        {
            "calculator": khamsat_rules.body[0].id,
            "currency": "MAD",
            "target_income": "100",
            "monthly_expenses": "0",
            "billable_hours": "100",
            "hours_per_service": "1",
            "marketplace": "khamsat",
        },
    )
    out = result_of(response.content.decode())
    assert (out["service_price"], out["price_currency"], out["service_local"]) == ("5", "USD", "50")


def test_starts_on_the_marketplace_the_course_is_about(client, khamsat_rules):
    from cms.models import Marketplace

    course = khamsat_rules.get_parent().specific
    course.marketplaces = [Marketplace.objects.get(slug="mostaql")]
    course.save_revision().publish()
    html = client.get(khamsat_rules.url).content.decode()
    assert re.search(r'<option value="mostaql" selected>', html)
    assert re.search(r'<li data-market-rule="khamsat" hidden>', html)


def test_the_learners_country_sets_the_currency_and_shows_its_payouts(
    client, khamsat_rules, django_user_model
):
    from tests.factories.cms import CountryFactory, CountryPayoutMethodFactory
    from tests.factories.credentials import LearnerProfileFactory

    algeria = CountryFactory(code="DZ", name_ar="الجزائر", currency="DZD")
    morocco = CountryFactory(code="MA", name_ar="المغرب", currency="MAD")
    CountryPayoutMethodFactory(country=algeria, method__name_ar="بايونير", fees_ar="حتى 2٪")
    CountryPayoutMethodFactory(country=morocco, method__name_ar="كاش بلوس", fees_ar="رسوم صغيرة")
    ExchangeRateFactory(currency="DZD", units_per_usd=Decimal("130"))
    profile = LearnerProfileFactory(country=algeria)
    client.force_login(profile.user)
    html = client.get(khamsat_rules.url).content.decode()
    assert re.search(r'<option value="DZ" selected>', html)
    assert re.search(r'<option value="DZD" selected>', html)
    out = result_of(html)
    # 6500 DZD / 80 h × 4 h / 0.8 = 406.25 DZD = 3.125 USD: Khamsat's lowest, 5.
    assert (out["service_price"], out["currency"], out["service_local"]) == ("5", "DZD", "650")
    algeria_list = re.search(r'<div data-payouts="DZ">(.*?)</div>', html, re.S).group(1)
    assert "بايونير" in algeria_list and "حتى 2٪" in algeria_list
    assert re.search(r'<div data-payouts="MA" hidden>', html)


def test_an_edited_rate_or_payout_method_shows_on_the_next_request(client, khamsat_rules):
    from cms.models import ExchangeRate
    from tests.factories.cms import (
        CountryFactory,
        CountryPayoutMethodFactory,
        PayoutMethodFactory,
    )

    morocco = CountryFactory(code="MA", currency="MAD")
    cashplus = PayoutMethodFactory(slug="cashplus", name_ar="كاش بلوس")
    assert result_of(client.get(khamsat_rules.url).content.decode())["service_local"] == "450"
    rate = ExchangeRate.objects.get(currency="MAD")
    rate.units_per_usd = Decimal("10.5")
    rate.save()
    html = client.get(khamsat_rules.url).content.decode()
    # 406.25 MAD = 38.69 USD → 40 USD, at 10.5 MAD = 420 MAD.
    assert result_of(html)["service_local"] == "420"
    assert "كاش بلوس" not in html
    CountryPayoutMethodFactory(country=morocco, method=cashplus)
    assert "كاش بلوس" in client.get(khamsat_rules.url).content.decode()
