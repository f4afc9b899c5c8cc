"""The learner profile page: marketplace links checked per marketplace, through the form."""

import html
from decimal import Decimal

import pytest

from cms.demo.reference import MARKETPLACES
from cms.models import Marketplace
from credentials.models import LearnerProfile, MarketplaceLink

from .world import make_user

pytestmark = pytest.mark.django_db

GOOD = {
    "khamsat": "https://khamsat.com/user/afaf_nour",
    "mostaql": "https://mostaql.com/u/afaf_dev/",
    "ureed": "https://ureed.com/freelancer/afaf",
    "freelance-com": "https://www.freelance.com/freelancers/afaf-n",
    "upwork": "https://www.upwork.com/freelancers/~01a2b3c4d5e6f7a8b9",
    "fiverr": "https://www.fiverr.com/afaf_designs",
    "freelancer-com": "https://www.freelancer.com/u/afafdev",
    "linkedin": "https://www.linkedin.com/in/afaf-al-nour",
}
HOSTILE = [
    ("mostaql", "javascript:alert(document.cookie)"),
    ("mostaql", "JaVaScRiPt:alert(1)//https://mostaql.com/u/x"),
    ("mostaql", "data:text/html,<script>alert(1)</script>"),
    ("mostaql", "http://mostaql.com/u/afaf"),
    ("mostaql", "//mostaql.com/u/afaf"),
    ("mostaql", "https://mostaql.com.evil.example/u/afaf"),
    ("mostaql", "https://evilmostaql.com/u/afaf"),
    ("mostaql", "https://mostaql.com@evil.example/u/afaf"),
    ("mostaql", "https://evil.example\\@mostaql.com/u/afaf"),
    ("mostaql", "https://m\u043estaql.com/u/afaf"),  # Cyrillic о
    ("mostaql", "https://xn--mostql-6ve.com/u/afaf"),
    ("mostaql", "https://mostaql.com:8443/u/afaf"),
    ("mostaql", "https://mostaql.com/u/.."),
    ("mostaql", "https://mostaql.com/projects/123"),
    ("khamsat", "https://mostaql.com/u/afaf"),
    ("upwork", "https://upwork.com.evil.example/freelancers/~01a2b3c4d5e6f7a8b9"),
    ("linkedin", "https://www.linkedin.com/in/a\u202eb"),
    ("linkedin", "https://www.linkedin.com/in/" + "a" * 5000),
]


@pytest.fixture
def marketplaces(db):
    rows = []
    for row in MARKETPLACES:
        name_ar, name_en, name_fr = row["names"]
        rows.append(
            Marketplace.objects.create(
                slug=row["slug"],
                name_ar=name_ar,
                name_en=name_en,
                name_fr=name_fr,
                profile_url_template=row["template"],
                profile_url_pattern=row["pattern"],
                commission_percent=Decimal(row["commission"]),
            )
        )
    return rows


@pytest.fixture
def learner(client):
    user = make_user()
    client.force_login(user)
    return user


def form_data(**extra):
    data = {"display_name_ar": "عفاف", "display_name_latin": "Afaf", "show_name_on_badges": "on"}
    data.update(extra)
    return data


def test_the_page_needs_a_login(client, marketplaces):
    response = client.get("/ar/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_good_links_on_every_marketplace_are_saved_canonical(client, marketplaces, learner):
    data = form_data(**{f"link_{slug}": f"  {url}?utm_source=bio " for slug, url in GOOD.items()})
    data.update({f"public_{slug}": "on" for slug in GOOD if slug != "fiverr"})
    response = client.post("/en/profile/", data)
    assert response.status_code == 302
    links = {
        link.marketplace.slug: (link.url, link.is_public)
        for link in MarketplaceLink.objects.select_related("marketplace")
    }
    assert links == {slug: (url, slug != "fiverr") for slug, url in GOOD.items()}
    # Emptying a field removes that link.
    data["link_fiverr"] = ""
    client.post("/en/profile/", data)
    assert not MarketplaceLink.objects.filter(marketplace__slug="fiverr").exists()


@pytest.mark.parametrize(("slug", "url"), HOSTILE)
def test_hostile_links_are_refused_and_nothing_is_lost(client, marketplaces, learner, slug, url):
    data = form_data(link_mostaql=GOOD["mostaql"], display_name_latin="Afaf Al-Nour")
    data[f"link_{slug}"] = url
    response = client.post("/ar/profile/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "field--invalid" in page and 'class="errorlist"' in page
    # What the learner typed is still in the form.
    assert "Afaf Al-Nour" in page
    assert html.escape(url) in page
    assert not MarketplaceLink.objects.exists()
    profile = LearnerProfile.objects.filter(user=learner).first()
    assert profile is None or profile.display_name_latin != "Afaf Al-Nour"


def test_names_lose_bidi_overrides_and_controls(client, marketplaces, learner):
    client.post(
        "/en/profile/",
        form_data(display_name_ar="عفاف\u202eالنور", display_name_latin="Afaf\u0007 \u2066Nour"),
    )
    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.display_name_ar, profile.display_name_latin) == ("عفافالنور", "Afaf Nour")
    response = client.post("/en/profile/", form_data(display_name_latin="Afaf\u0000"))
    assert response.status_code == 200 and "field--invalid" in response.content.decode()


def test_usernames_are_checked(client, marketplaces, learner):
    other = make_user()
    LearnerProfile.objects.create(user=other, username="afaf")
    for username, ok in [
        ("afaf", False),
        ("admin", False),
        ("1afaf", False),
        ("af", False),
        ("Afaf-N", True),
    ]:
        response = client.post("/en/profile/", form_data(username=username))
        assert (response.status_code == 302) is ok, username
    assert LearnerProfile.objects.get(user=learner).username == "afaf-n"


def test_the_form_shows_one_field_per_marketplace_with_its_example(client, marketplaces, learner):
    page = client.get("/ar/profile/").content.decode()
    for marketplace in marketplaces:
        assert f'name="link_{marketplace.slug}"' in page
        assert html.escape(marketplace.profile_url_for("your-name")) in page
    assert 'dir="rtl"' in page


@pytest.mark.parametrize("username", ["abc.def", "a b", "<script>", "عفاف", "a/b"])
def test_a_username_that_is_no_address_is_a_form_error(client, marketplaces, learner, username):
    LearnerProfile.objects.create(user=learner, username="afaf-n", is_public=True)
    response = client.post("/en/profile/", form_data(username=username, is_public="on"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "field--invalid" in page and 'class="errorlist"' in page
    assert html.escape(username) in page  # what was typed stays in the field
    assert "/en/learners/afaf-n/" in page  # the public address is the stored one
    assert LearnerProfile.objects.get(user=learner).username == "afaf-n"


def test_the_profile_shows_the_payout_methods_of_her_country(client, learner):
    from credentials.models import LearnerProfile
    from tests.factories.cms import CountryFactory, CountryPayoutMethodFactory

    egypt = CountryFactory(code="EG", name_ar="مصر", currency="EGP")
    wallet = CountryPayoutMethodFactory(
        country=egypt, method__name_ar="فودافون كاش", fees_ar="رسوم سحب صغيرة", sort_order=1
    )
    CountryPayoutMethodFactory(country=egypt, method__name_ar="بايونير", sort_order=0)
    CountryPayoutMethodFactory(country=CountryFactory(code="SY"), method__name_ar="مكاتب الحوالات")
    page = client.get("/ar/profile/").content.decode()
    assert "profile-payouts" not in page  # no country chosen yet: nothing to show

    profile = LearnerProfile.objects.get(user__email=learner.email)
    profile.country = egypt
    profile.save()
    page = client.get("/ar/profile/").content.decode()
    section = page[page.index('class="profile-payouts"') :]
    assert "مصر" in section
    assert section.index("بايونير") < section.index("فودافون كاش")  # the editors' order
    assert wallet.fees_ar in section
    assert "مكاتب الحوالات" not in page  # another country's
