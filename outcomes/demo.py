"""Demo outcomes: graduates who reported a first client, and the demo learner's own.

Six demo graduates (accounts without a password, so nobody signs in as them) have a
learner profile and a first client they agreed to have counted, so the home page's
figure and the editors' list are not empty; two agreed to be contacted, so an editor
can try turning one into a story draft. Samira, the demo learner, reports the first
client her priced Khamsat service brought, verified and shown on her profile and in
her badges. Idempotent: a row that exists is left as an editor or learner left it.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo import register_seeder
from cms.models import Country, Marketplace, Specialisation
from credentials import awarding
from credentials.models import LearnerProfile
from outcomes.models import Outcome

EMAIL_DOMAIN = "bidaya.example"
# username, Arabic name, Latin name, country, specialisation, marketplace, link path,
# days ago, amount, currency, may be contacted
GRADUATES = [
    (
        "grad-nadia",
        "نادية بن علي",
        "Nadia Benali",
        "MA",
        "wordpress-arabisation",
        "khamsat",
        "/programming/demo-nadia-rtl-theme",
        12,
        "25",
        "USD",
        True,
    ),
    (
        "grad-youssef",
        "يوسف حداد",
        "Youssef Haddad",
        "JO",
        "web-development",
        "mostaql",
        "/project/demo-youssef-clinic-site",
        20,
        "150",
        "USD",
        True,
    ),
    (
        "grad-amina",
        "أمينة سعيد",
        "Amina Said",
        "EG",
        "voice-over",
        "khamsat",
        "/voice-over/demo-amina-ad-voice",
        33,
        "15",
        "USD",
        False,
    ),
    (
        "grad-rami",
        "رامي الخطيب",
        "Rami Khatib",
        "SY",
        "mobile-apps",
        "mostaql",
        "/project/demo-rami-delivery-app",
        41,
        None,
        "",
        False,
    ),
    (
        "grad-salma",
        "سلمى التونسي",
        "Salma Tounsi",
        "TN",
        "social-media-growth",
        "ureed",
        "/jobs/demo-salma-social-calendar",
        55,
        "300",
        "TND",
        False,
    ),
    (
        "grad-karima",
        "كريمة بوزيد",
        "Karima Bouzid",
        "DZ",
        "web-development",
        "mostaql",
        "/project/demo-karima-menu-site",
        70,
        "80",
        "EUR",
        False,
    ),
]
SAMIRA_LINK = "/programming/demo-arabise-wordpress-theme"


def _host(marketplace):
    return "https://" + marketplace.profile_host


def _graduate(row, reference, ctx):
    (username, name_ar, name_latin, country, specialisation, *_rest) = row
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        first, _space, last = name_latin.partition(" ")
        user = User(
            username=username, email=f"{username}@{EMAIL_DOMAIN}", first_name=first, last_name=last
        )
        user.set_unusable_password()
        user.save()
        ctx.count("demo graduates")
    profile, created = LearnerProfile.objects.get_or_create(
        user=user,
        defaults={
            "display_name_ar": name_ar,
            "display_name_latin": name_latin,
            "country": reference["countries"].get(country),
        },
    )
    if created and specialisation in reference["specialisations"]:
        profile.specialisations.set([reference["specialisations"][specialisation]])
    return user


@register_seeder("outcomes", order=98)
def seed_outcomes(ctx):
    """Needs the reference data, the accounts and the demo learner's journey."""
    reference = {
        "countries": {c.code: c for c in Country.objects.all()},
        "specialisations": {s.slug: s for s in Specialisation.objects.all()},
        "marketplaces": {m.slug: m for m in Marketplace.objects.all()},
    }
    today = timezone.localdate()
    for row in GRADUATES:
        slug, path, days, amount, currency, contact = row[5:]
        marketplace = reference["marketplaces"].get(slug)
        if marketplace is None:
            continue
        user = _graduate(row, reference, ctx)
        if Outcome.objects.filter(user=user, kind=Outcome.Kind.FIRST_CLIENT).exists():
            continue
        Outcome.objects.create(
            user=user,
            kind=Outcome.Kind.FIRST_CLIENT,
            marketplace=marketplace,
            link=marketplace.clean_work_url(_host(marketplace) + path),
            happened_on=today - datetime.timedelta(days=days),
            amount=Decimal(amount) if amount else None,
            currency=currency,
            count_in_statistics=True,
            may_contact=contact,
            created_at=timezone.now() - datetime.timedelta(days=max(days - 2, 0)),
        )
        ctx.count("demo outcomes")
    _samira(reference, today, ctx)


def _samira(reference, today, ctx):
    learner = get_user_model().objects.filter(username="learner").first()
    khamsat = reference["marketplaces"].get("khamsat")
    if learner is None or khamsat is None:
        return
    if Outcome.objects.filter(user=learner).exists():
        return
    Outcome.objects.create(
        user=learner,
        kind=Outcome.Kind.FIRST_CLIENT,
        marketplace=khamsat,
        link=khamsat.clean_work_url(_host(khamsat) + SAMIRA_LINK),
        happened_on=today - datetime.timedelta(days=1),
        amount=Decimal("25"),
        currency="USD",
        count_in_statistics=True,
        may_contact=True,
        show_publicly=True,
        review=Outcome.Review.VERIFIED,
    )
    # Her badges list it as evidence from now on.
    awarding.resign_all(learner)
    ctx.count("demo outcomes")
