"""Marketplace profile URLs: what a learner may link to, and what editors may configure."""

from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from cms.models import Marketplace
from tests.factories.cms import CountryFactory, MarketplaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mostaql():
    return MarketplaceFactory()


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://mostaql.com/u/afaf_nour", "https://mostaql.com/u/afaf_nour"),
        ("  https://mostaql.com/u/afaf.nour/  ", "https://mostaql.com/u/afaf.nour/"),
        ("https://MOSTAQL.com/u/afaf", "https://mostaql.com/u/afaf"),
        ("HTTPS://mostaql.com:443/u/afaf", "https://mostaql.com/u/afaf"),
        ("https://mostaql.com/u/afaf?ref=share#top", "https://mostaql.com/u/afaf"),
    ],
)
def test_accepts_profile_urls_and_canonicalises_them(mostaql, url, canonical):
    assert mostaql.clean_profile_url(url) == canonical
    assert mostaql.is_valid_profile_url(url)


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("javascript:alert(document.cookie)//mostaql.com/u/x", "scheme"),
        ("JaVaScRiPt:alert(1)", "scheme"),
        ("java\tscript:alert(1)", "characters"),
        ("data:text/html,<script>alert(1)</script>", "scheme"),
        ("http://mostaql.com/u/afaf", "scheme"),
        ("ftp://mostaql.com/u/afaf", "scheme"),
        ("//mostaql.com/u/afaf", "scheme"),
        ("mostaql.com/u/afaf", "scheme"),
        ("https://mostaql.com.evil.example/u/afaf", "host"),
        ("https://evil.example/mostaql.com/u/afaf", "host"),
        ("https://evilmostaql.com/u/afaf", "host"),
        ("https://www.mostaql.com/u/afaf", "host"),
        ("https://mostaql.co/u/afaf", "host"),
        ("https://mostaql.com./u/afaf", "host"),
        ("https://m\u043estaql.com/u/afaf", "host"),  # Cyrillic о
        ("https://xn--mostql-5ve.com/u/afaf", "host"),
        ("https://mostaql.com:8443/u/afaf", "host"),
        ("https://mostaql.com@evil.example/u/afaf", "credentials"),
        ("https://user:pass@mostaql.com/u/afaf", "credentials"),
        ("https://evil.example\\@mostaql.com/u/afaf", "characters"),
        ("https://mostaql.com/u/af af", "characters"),
        ("https://mostaql.com/u/a\nb", "characters"),
        ("https://mostaql.com/u/a\u202eb", "characters"),  # right-to-left override
        ("https://[::1/u/afaf", "invalid"),
        ("https://mostaql.com:99999/u/afaf", "invalid"),
        ("https://mostaql.com/projects/123", "pattern"),
        ("https://mostaql.com/u/", "pattern"),
        ("https://mostaql.com/u/afaf/../../admin", "dot_segments"),
        ("https://mostaql.com/u/%2e%2e/admin", "dot_segments"),
        ("https://mostaql.com/u/" + "a" * 400, "too_long"),
    ],
)
def test_refuses_hostile_and_foreign_urls_with_a_reason(mostaql, url, code):
    with pytest.raises(ValidationError) as error:
        mostaql.clean_profile_url(url)
    assert error.value.code == code
    assert not mostaql.is_valid_profile_url(url)


def test_error_messages_are_translated_and_name_the_host(mostaql):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        mostaql.clean_profile_url("https://mostaql.com.evil.example/u/x")
    assert "mostaql.com" in error.value.messages[0]
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        mostaql.clean_profile_url("http://mostaql.com/u/x")
    assert error.value.messages[0]


def test_profile_url_for_escapes_the_username(mostaql):
    assert mostaql.profile_url_for("afaf") == "https://mostaql.com/u/afaf"
    assert mostaql.profile_url_for("a/b?c") == "https://mostaql.com/u/a%2Fb%3Fc"
    assert mostaql.profile_host == "mostaql.com"


def test_names_follow_the_active_language(mostaql):
    with translation.override("ar"):
        assert str(mostaql) == "مستقل"
    with translation.override("en"):
        assert mostaql.name == "Mostaql"
    mostaql.name_fr = ""
    with translation.override("fr"):
        assert mostaql.name == "Mostaql"  # falls back to English
    assert mostaql.name_for("ar") == "مستقل"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("profile_url_template", "https://mostaql.com/u/", "placeholder"),
        ("profile_url_template", "https://mostaql.com/{username}/{username}", "placeholder"),
        ("profile_url_template", "http://mostaql.com/u/{username}", "scheme"),
        ("profile_url_template", "https://user@mostaql.com/u/{username}", "scheme"),
        ("profile_url_pattern", "https://mostaql\\.com/u/([a-z", "invalid"),
        ("profile_url_pattern", "https://mostaql\\.com/u/(a+)+", "nested"),
        ("profile_url_pattern", "https://mostaql\\.com/u/(\\w*)*", "nested"),
    ],
)
def test_editor_configuration_is_validated(mostaql, field, value, code):
    setattr(mostaql, field, value)
    with pytest.raises(ValidationError) as error:
        mostaql.full_clean()
    assert code in [e.code for e in error.value.error_dict[field]]


def test_pattern_must_accept_the_template(mostaql):
    mostaql.profile_url_pattern = r"https://mostaql\.com/users/[a-z]+"
    with pytest.raises(ValidationError) as error:
        mostaql.full_clean()
    assert "profile_url_pattern" in error.value.error_dict


def test_commission_is_bounded(mostaql):
    mostaql.commission_percent = 120
    with pytest.raises(ValidationError) as error:
        mostaql.full_clean()
    assert "commission_percent" in error.value.error_dict


def test_countries_where_it_works(mostaql):
    morocco = CountryFactory(code="MA")
    syria = CountryFactory(code="SY")
    assert mostaql.works_in(syria)  # no countries listed: everywhere
    mostaql.countries.set([morocco])
    mostaql.save()
    mostaql = Marketplace.objects.get(pk=mostaql.pk)
    assert mostaql.works_in(morocco)
    assert mostaql.works_in("MA")
    assert not mostaql.works_in(syria)


@pytest.mark.parametrize(
    ("minimum", "step", "valid"),
    [("5", "5", True), ("25", "1", True), ("0", "0.5", True), ("7", "5", False)],
)
def test_the_lowest_price_is_on_a_step(minimum, step, valid):
    marketplace = MarketplaceFactory.build(minimum_price=Decimal(minimum), price_step=Decimal(step))
    if valid:
        marketplace.clean()
    else:
        with pytest.raises(ValidationError) as error:
            marketplace.clean()
        assert "minimum_price" in error.value.message_dict
