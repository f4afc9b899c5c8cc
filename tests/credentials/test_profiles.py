"""credentials.profiles: the badge side of marketplace profile links.

The rule itself is ``cms.models.Marketplace.clean_profile_url`` (tested in
``tests/cms/test_marketplace.py``); these tests pin down that badges use that one rule
for every demo marketplace, and that ``identify_marketplace`` finds the right one.
The profile form is tested end to end in ``test_profile_form.py``.
"""

import pytest

from django.core.exceptions import ValidationError

from cms.demo.reference import MARKETPLACES
from cms.models import Marketplace
from credentials.profiles import identify_marketplace, validate_profile_url


def _marketplace(row):
    name_ar, name_en, name_fr = row["names"]
    return Marketplace(
        slug=row["slug"],
        name_ar=name_ar,
        name_en=name_en,
        name_fr=name_fr,
        website=row["website"],
        profile_url_template=row["template"],
        profile_url_pattern=row["pattern"],
        commission_percent=row["commission"],
    )


ALL = [_marketplace(row) for row in MARKETPLACES]
BY_SLUG = {m.slug: m for m in ALL}


@pytest.mark.parametrize(
    ("slug", "url", "canonical"),
    [
        ("khamsat", "https://khamsat.com/user/afaf", "https://khamsat.com/user/afaf"),
        ("mostaql", "https://mostaql.com/u/afaf_dev/", "https://mostaql.com/u/afaf_dev/"),
        (
            "mostaql",
            "  HTTPS://Mostaql.COM/u/afaf_dev?ref=bio#top ",
            "https://mostaql.com/u/afaf_dev",
        ),
        (
            "upwork",
            "https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9",
            "https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9",
        ),
        ("fiverr", "https://www.fiverr.com/afaf_designs", "https://www.fiverr.com/afaf_designs"),
        (
            "freelancer-com",
            "https://www.freelancer.com/u/afafdev",
            "https://www.freelancer.com/u/afafdev",
        ),
        ("ureed", "https://ureed.com/freelancer/afaf", "https://ureed.com/freelancer/afaf"),
        (
            "linkedin",
            "https://www.linkedin.com:443/in/afaf-al-nour/",
            "https://www.linkedin.com/in/afaf-al-nour/",
        ),
    ],
)
def test_good_profile_urls_on_every_marketplace(slug, url, canonical):
    assert validate_profile_url(url, BY_SLUG[slug]) == canonical
    marketplace, found = identify_marketplace(url, ALL)
    assert (marketplace.slug, found) == (slug, canonical)


@pytest.mark.parametrize(
    ("slug", "url"),
    [
        ("mostaql", "javascript:alert(document.cookie)"),
        ("mostaql", "JaVaScRiPt://mostaql.com/%0aalert(1)"),
        ("mostaql", "data:text/html,<script>alert(1)</script>"),
        ("mostaql", "http://mostaql.com/u/afaf"),
        ("mostaql", "//mostaql.com/u/afaf"),
        ("mostaql", "https://mostaql.com.evil.io/u/afaf"),
        ("mostaql", "https://evilmostaql.com/u/afaf"),
        ("mostaql", "https://mostaql.com@evil.io/u/afaf"),
        ("mostaql", "https://evil.io\\@mostaql.com/u/afaf"),
        ("mostaql", "https://mostaql.com:8443/u/afaf"),
        ("mostaql", "https://xn--mostql-6ve.com/u/afaf"),
        ("mostaql", "https://m\u043estaql.com/u/afaf"),  # Cyrillic о
        ("mostaql", "https://mostaql.com/u/afaf\nSet-Cookie:x"),
        ("mostaql", "https://mostaql.com/projects/123"),
        ("mostaql", "https://mostaql.com/u/.."),
        ("mostaql", "https://mostaql.com/u/%2e%2e"),
        ("linkedin", "https://www.linkedin.com/in/%2e%2e"),
        ("linkedin", "https://www.linkedin.com/in/a%2Fb%2Fc"),
        ("khamsat", "https://mostaql.com/u/afaf"),
        ("upwork", "https://www.upwork.com.evil.io/freelancers/~01a2b3c4d5e6f7a8b9"),
        ("fiverr", "https://www.fiverr.com/"),
    ],
)
def test_hostile_or_wrong_urls_are_refused_with_a_message(slug, url):
    with pytest.raises(ValidationError) as error:
        validate_profile_url(url, BY_SLUG[slug])
    assert error.value.messages[0]


def test_an_address_on_no_known_marketplace_is_refused():
    with pytest.raises(ValidationError) as error:
        identify_marketplace("https://example.com/u/afaf", ALL)
    assert error.value.code == "unknown_marketplace"
    with pytest.raises(ValidationError) as error:
        identify_marketplace("https://[::1/u/afaf", ALL)
    assert error.value.code == "unknown_marketplace"


def test_identify_still_applies_the_marketplace_rule():
    with pytest.raises(ValidationError) as error:
        identify_marketplace("https://mostaql.com/projects/12", ALL)
    assert error.value.code == "pattern"
