"""seed_demo: complete demo content, idempotent, quick to re-run, extensible."""

import stat
from io import StringIO

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth.models import User
from django.core.management import call_command

from wagtail.models import Page, Site

from cms import demo
from cms.demo.story_texts import STORIES
from cms.models import (
    Country,
    CountryPayoutMethod,
    ExchangeRate,
    HomePage,
    Marketplace,
    PayoutMethod,
    Specialisation,
    StandardPage,
    SuccessStoryIndexPage,
    SuccessStoryPage,
)

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


# Other apps' seeders (courses render videos) are tested by those apps.
CMS_SEEDERS = ("editorial", "reference", "payouts", "site", "stories", "accounts")


def seed(*only):
    out = StringIO()
    names = only or CMS_SEEDERS
    call_command("seed_demo", *[f"--only={name}" for name in names], stdout=out)
    return out.getvalue()


def snapshot():
    counts = {
        model.__name__: model.objects.count()
        for model in (
            Page,
            HomePage,
            StandardPage,
            SuccessStoryIndexPage,
            SuccessStoryPage,
            Country,
            Specialisation,
            PayoutMethod,
            Marketplace,
            ExchangeRate,
            CountryPayoutMethod,
            User,
            EmailAddress,
            Site,
        )
    }
    counts["m2m"] = sum(
        s.marketplaces.count() + s.specialisations.count() for s in SuccessStoryPage.objects.all()
    )
    return counts


def test_seed_twice_creates_everything_once(var_dir):
    first_output = seed()
    first = snapshot()
    accounts_file = var_dir / "demo-accounts.txt"
    credentials = accounts_file.read_text()

    second_output = seed()
    assert snapshot() == first
    assert "nothing to do" in second_output
    assert accounts_file.read_text() == credentials  # no new passwords
    for line in credentials.splitlines():
        assert line.split("\t")[2] in first_output  # shown once…
        assert line.split("\t")[2] not in second_output  # …and only once

    languages = 3
    assert first["HomePage"] == languages
    assert first["SuccessStoryIndexPage"] == languages
    assert first["StandardPage"] == 2 * languages
    assert first["SuccessStoryPage"] == len(STORIES) * languages >= 8 * languages
    assert first["Marketplace"] == 8
    assert first["Country"] >= 8
    assert first["User"] == 5


def test_seeded_content(client, var_dir):
    """One seed, checked from every side: translations, site, accounts, data, pages."""
    seed()
    for story in SuccessStoryPage.objects.filter(locale__language_code="ar"):
        translations = {p.locale.language_code: p.specific for p in story.get_translations()}
        assert set(translations) == {"en", "fr"}
        for code, translated in translations.items():
            assert translated.live
            assert translated.translation_key == story.translation_key
            assert translated.title != story.title, code
            assert translated.get_parent().locale.language_code == code
            assert translated.country_id == story.country_id
            assert set(translated.marketplaces.all()) == set(story.marketplaces.all())
    afaf_en = SuccessStoryPage.objects.get(slug="afaf-al-nour", locale__language_code="en")
    assert afaf_en.person_name == "Afaf Al-Nour"
    assert afaf_en.months_to_first_earnings == 1
    assert afaf_en.country.code == "MA"

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "ar"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # "Welcome"

    roles = {u.username: u for u in User.objects.all()}
    assert roles["admin"].is_superuser
    assert list(roles["editor"].groups.values_list("name", flat=True)) == ["Editors"]
    assert list(roles["moderator"].groups.values_list("name", flat=True)) == ["Moderators"]
    for user in roles.values():
        address = EmailAddress.objects.get(user=user)
        assert address.verified and address.primary and address.email == user.email

    accounts_file = var_dir / "demo-accounts.txt"
    assert stat.S_IMODE(accounts_file.stat().st_mode) == 0o600
    lines = accounts_file.read_text().splitlines()
    assert len(lines) == 5
    role, email, password = lines[1].split("\t")
    assert User.objects.get(username=role).check_password(password)
    assert email == f"{role}@bidaya.example"

    khamsat = Marketplace.objects.get(slug="khamsat")
    assert khamsat.commission_percent == 20
    assert {p.slug for p in khamsat.payout_methods.all()} == {"paypal", "bank-transfer"}
    for marketplace in Marketplace.objects.all():
        marketplace.full_clean()
        assert marketplace.is_valid_profile_url(marketplace.profile_url_for("sample-user"))
    assert not Marketplace.objects.get(slug="upwork").works_in("SY")

    for code, word in (("ar", "قصص نجاح"), ("en", "Success stories"), ("fr", "Parcours réussis")):
        home = client.get(f"/{code}/")
        assert home.status_code == 200
        assert f'lang="{code}"' in home.content.decode()
        stories = client.get(f"/{code}/stories/")
        assert word in stories.content.decode()
        assert stories.context["page_obj"].paginator.count == len(STORIES)
    afaf = client.get("/fr/stories/afaf-al-nour/").content.decode()
    assert "Afaf Al-Nour" in afaf
    search = client.get("/ar/search/", {"q": "عفاف"})
    assert "afaf-al-nour" in [r["page"].slug for r in search.context["results"]]


def test_existing_accounts_are_left_alone(var_dir):
    editor = User.objects.create_user("editor", "me@example.com", "my-own-password")
    seed("editorial", "accounts")
    editor.refresh_from_db()
    assert editor.email == "me@example.com"
    assert editor.check_password("my-own-password")
    assert "editor" not in (var_dir / "demo-accounts.txt").read_text()


def test_other_apps_extend_seed_demo():
    seen = {}

    @demo.register_seeder("test-extension", order=95)
    def extension(ctx):
        seen["home"] = ctx.data["home_pages"]["en"]
        seen["marketplaces"] = sorted(ctx.data["marketplaces"])

    try:
        seed("editorial", "reference", "site", "test-extension")
    finally:
        demo._SEEDERS.pop("test-extension")
    assert seen["home"].locale.language_code == "en"
    assert "mostaql" in seen["marketplaces"]
    names = [name for name, _f in demo.get_seeders()]
    assert [name for name in names if name in CMS_SEEDERS] == list(CMS_SEEDERS)


def test_every_demo_account_saves_in_the_admin_user_form(var_dir):
    """Wagtail's user form requires both names: a seed that left one empty made the
    demo mentor impossible to edit."""
    from wagtail.users.forms import UserEditForm

    seed("editorial", "accounts")
    mentor = User.objects.get(username="mentor")
    assert (mentor.first_name, mentor.last_name) == ("Karim", "Benyoussef")
    for user in User.objects.all():
        form = UserEditForm(
            instance=user,
            data={
                "username": user.username,
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "is_active": "on",
                "groups": list(user.groups.values_list("pk", flat=True)),
                "is_superuser": "on" if user.is_superuser else "",
            },
        )
        assert form.is_valid(), (user.username, form.errors)


def test_names_an_older_seed_left_empty_are_completed(var_dir):
    mentor = User.objects.create_user("mentor", "mentor@bidaya.example", "pw", first_name="Kim")
    seed("editorial", "accounts")
    mentor.refresh_from_db()
    assert (mentor.first_name, mentor.last_name) == ("Kim", "Benyoussef")
    assert "account names completed" not in seed("editorial", "accounts")


def test_marketplace_rules_rates_and_payouts_of_the_seed_countries(var_dir):
    seed("reference", "payouts")
    khamsat = Marketplace.objects.get(slug="khamsat")
    assert (khamsat.currency, khamsat.minimum_price, khamsat.price_step) == ("USD", 5, 5)
    assert khamsat.pricing_checked_on is not None
    # The others are recorded as generally known, left for an editor to confirm.
    mostaql = Marketplace.objects.get(slug="mostaql")
    assert (mostaql.currency, mostaql.minimum_price, mostaql.pricing_checked_on) == (
        "USD",
        25,
        None,
    )
    for marketplace in Marketplace.objects.all():
        assert marketplace.minimum_price % marketplace.price_step == 0
    rates = set(ExchangeRate.objects.values_list("currency", flat=True))
    for code in ("MA", "DZ", "EG", "SY", "TN", "TR"):
        country = Country.objects.prefetch_related("payout_methods__method").get(code=code)
        assert country.currency in rates
        options = country.payout_options("ar")
        assert options, code
        assert all(o["name"] and o["fees"] and o["notes"] for o in options)
    # In Syria, where PayPal and Payoneer do not work, the notes say so.
    syria = Country.objects.get(code="SY").payout_options("en")
    assert [o["slug"] for o in syria] == ["transfer-office"]
    assert "do not serve Syria" in syria[0]["notes"]

    # What an editor changed is kept on the next seed.
    Marketplace.objects.filter(slug="mostaql").update(minimum_price=30, price_step=5)
    CountryPayoutMethod.objects.filter(country__code="MA", method__slug="paypal").delete()
    seed("reference", "payouts")
    assert Marketplace.objects.get(slug="mostaql").price_step == 5
    assert not CountryPayoutMethod.objects.filter(
        country__code="MA", method__slug="paypal"
    ).exists()


def test_a_story_edit_waits_for_the_moderator(client, var_dir):
    seed(*CMS_SEEDERS, "moderation")
    seed(*CMS_SEEDERS, "moderation")  # once only

    story = SuccessStoryPage.objects.get(slug="jaber-hadboun", locale__language_code="ar")
    assert story.live and story.has_unpublished_changes
    assert story.workflow_states.count() == 1
    state = story.current_workflow_state
    assert state.requested_by.username == "editor"
    assert "نصف طلباته" not in story.intro  # the live story is unchanged until approved

    moderator = User.objects.get(username="moderator")
    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert story.title in dashboard  # in "awaiting your review"
