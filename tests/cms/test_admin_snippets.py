"""The reference data in the Wagtail admin: listing, editing, validation, permissions."""

import pytest

from django.contrib.auth.models import Group, User
from django.urls import reverse

from cms.editorial import EDITORS
from cms.models import Country, ExchangeRate, Marketplace
from tests.factories.cms import (
    CountryFactory,
    ExchangeRateFactory,
    MarketplaceFactory,
    PayoutMethodFactory,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_cms_marketplace:{name}", args=args)


def form_data(**overrides):
    data = {
        "slug": "ureed",
        "name_ar": "أريد",
        "name_en": "Ureed",
        "name_fr": "Ureed",
        "website": "https://ureed.com/",
        "profile_url_template": "https://ureed.com/freelancer/{username}",
        "profile_url_pattern": r"https://ureed\.com/freelancer/[A-Za-z0-9_.-]{2,60}/?",
        "commission_percent": "20",
        "commission_checked_on": "",
        "currency": "USD",
        "minimum_price": "5",
        "price_step": "5",
        "pricing_checked_on": "2026-12-06",
    }
    data.update(overrides)
    return data


def test_listing_and_search(admin_client):
    MarketplaceFactory()
    MarketplaceFactory(slug="khamsat", name_ar="خمسات", name_en="Khamsat")
    html = admin_client.get(url("list")).content.decode()
    assert "مستقل" in html and "خمسات" in html
    html = admin_client.get(url("list"), {"q": "khams"}).content.decode()
    assert "خمسات" in html and "مستقل" not in html


def test_create_with_payout_methods_and_countries(admin_client):
    paypal = PayoutMethodFactory(slug="paypal")
    morocco = CountryFactory(code="MA")
    form = admin_client.get(url("add")).content.decode()
    assert 'type="checkbox" name="payout_methods"' in form
    response = admin_client.post(
        url("add"), form_data(payout_methods=[paypal.pk], countries=[morocco.pk])
    )
    assert response.status_code == 302
    ureed = Marketplace.objects.get(slug="ureed")
    assert (ureed.currency, ureed.minimum_price, ureed.price_step) == ("USD", 5, 5)
    assert str(ureed.pricing_checked_on) == "2026-12-06"
    assert list(ureed.payout_methods.all()) == [paypal]
    assert ureed.works_in("MA") and not ureed.works_in("DZ")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"profile_url_template": "javascript:alert(1)//{username}"}, "profile_url_template"),
        ({"profile_url_pattern": "(a+)+"}, "profile_url_pattern"),
        ({"profile_url_pattern": r"https://ureed\.com/u/\d+"}, "profile_url_pattern"),
        ({"commission_percent": "-5"}, "commission_percent"),
        ({"slug": "has spaces"}, "slug"),
        ({"minimum_price": "7"}, "minimum_price"),
        ({"price_step": "0"}, "price_step"),
        ({"currency": "XYZ"}, "currency"),
    ],
)
def test_bad_configuration_is_refused_with_the_field_marked(admin_client, overrides, field):
    response = admin_client.post(url("add"), form_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Marketplace.objects.filter(slug=overrides.get("slug", "ureed")).exists()


def test_editors_edit_but_do_not_delete(client):
    editor = User.objects.create_user("editor", "editor@example.com", "pw-for-tests-only")
    editor.groups.add(Group.objects.get(name=EDITORS))
    mostaql = MarketplaceFactory()
    client.force_login(editor)
    assert client.get(url("list")).status_code == 200
    assert client.get(url("edit", mostaql.pk)).status_code == 200
    response = client.post(url("delete", mostaql.pk))
    assert response.status_code in (302, 403)
    assert Marketplace.objects.filter(pk=mostaql.pk).exists()


def test_a_country_lists_its_payout_methods_in_order(admin_client):
    morocco = CountryFactory(code="MA")
    paypal = PayoutMethodFactory(slug="paypal")
    cashplus = PayoutMethodFactory(slug="cashplus", name_en="Cash Plus")
    prefix = "payout_methods"
    data = {
        "code": "MA",
        "name_ar": "المغرب",
        "name_en": "Morocco",
        "name_fr": "Maroc",
        "currency": "MAD",
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, (method, fees) in enumerate([(cashplus, "Small fees"), (paypal, "About 4%")]):
        data |= {
            f"{prefix}-{index}-method": method.pk,
            f"{prefix}-{index}-fees_en": fees,
            f"{prefix}-{index}-notes_en": "",
            f"{prefix}-{index}-ORDER": str(index + 1),
            f"{prefix}-{index}-DELETE": "",
            f"{prefix}-{index}-id": "",
        }
    edit = reverse("wagtailsnippets_cms_country:edit", args=[morocco.pk])
    assert 'name="payout_methods-__prefix__-method"' in admin_client.get(edit).content.decode()
    response = admin_client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    morocco = Country.objects.get(pk=morocco.pk)
    assert morocco.currency == "MAD"
    options = morocco.payout_options("en")
    assert [(o["slug"], o["fees"]) for o in options] == [
        ("cashplus", "Small fees"),
        ("paypal", "About 4%"),
    ]


def test_editors_keep_the_exchange_rates(client):
    editor = User.objects.create_user("editor", "editor@example.com", "pw-for-tests-only")
    editor.groups.add(Group.objects.get(name=EDITORS))
    rate = ExchangeRateFactory(currency="MAD", units_per_usd="10")
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_cms_exchangerate:list"))
    assert listing.status_code == 200
    response = client.post(
        reverse("wagtailsnippets_cms_exchangerate:edit", args=[rate.pk]),
        {"currency": "MAD", "units_per_usd": "9.2", "rate_date": "2026-12-01", "source": "BAM"},
    )
    assert response.status_code == 302
    rate = ExchangeRate.objects.get(pk=rate.pk)
    assert (str(rate.units_per_usd), str(rate.rate_date)) == ("9.200000", "2026-12-01")
