"""Countries, specialisations, payout methods and marketplaces.

Commission figures are the publicly stated seller fees at the time of writing; they
change, which is why `commission_checked_on` is left empty for an editor to confirm.
"""

from decimal import Decimal

from cms.demo import register_seeder
from cms.models import Country, Marketplace, PayoutMethod, Specialisation

COUNTRIES = [
    # code, ar, en, fr
    ("MA", "المغرب", "Morocco", "Maroc"),
    ("DZ", "الجزائر", "Algeria", "Algérie"),
    ("TN", "تونس", "Tunisia", "Tunisie"),
    ("EG", "مصر", "Egypt", "Égypte"),
    ("SY", "سوريا", "Syria", "Syrie"),
    ("JO", "الأردن", "Jordan", "Jordanie"),
    ("SA", "السعودية", "Saudi Arabia", "Arabie saoudite"),
    ("TR", "تركيا", "Turkey", "Turquie"),
    ("LB", "لبنان", "Lebanon", "Liban"),
]

SPECIALISATIONS = [
    # slug, ar, en, fr
    (
        "wordpress-arabisation",
        "تعريب قوالب ووردبريس",
        "WordPress arabisation",
        "Arabisation WordPress",
    ),
    ("voice-over", "التعليق الصوتي", "Voice-over", "Voix off"),
    ("web-development", "تطوير المواقع", "Web development", "Développement web"),
    ("mobile-apps", "تطبيقات الجوال", "Mobile apps", "Applications mobiles"),
    (
        "social-media-growth",
        "تنمية حسابات التواصل الاجتماعي",
        "Social-media growth",
        "Croissance sur les réseaux sociaux",
    ),
    ("translation", "الترجمة", "Translation", "Traduction"),
    ("database-programming", "برمجة قواعد البيانات", "Database programming", "Bases de données"),
    ("advertising", "الإعلان والتسويق", "Advertising and marketing", "Publicité et marketing"),
    ("it-consulting", "الاستشارات التقنية", "IT consulting", "Conseil informatique"),
    ("graphic-design", "التصميم الجرافيكي", "Graphic design", "Graphisme"),
    ("e-commerce", "التجارة الإلكترونية", "E-commerce", "E-commerce"),
]

PAYOUT_METHODS = [
    ("paypal", "باي بال", "PayPal", "PayPal"),
    ("payoneer", "بايونير", "Payoneer", "Payoneer"),
    ("bank-transfer", "تحويل بنكي", "Bank transfer", "Virement bancaire"),
    ("wise", "وايز", "Wise", "Wise"),
    ("card", "بطاقة مسبقة الدفع", "Prepaid card", "Carte prépayée"),
]

ARAB_COUNTRIES = ["MA", "DZ", "TN", "EG", "SY", "JO", "SA", "LB"]
# US-based platforms do not serve Syria (sanctions), so it is left out for them.
WITHOUT_SYRIA = ["MA", "DZ", "TN", "EG", "JO", "SA", "TR", "LB"]

MARKETPLACES = [
    {
        "slug": "khamsat",
        "names": ("خمسات", "Khamsat", "Khamsat"),
        "website": "https://khamsat.com/",
        "template": "https://khamsat.com/user/{username}",
        "pattern": r"https://khamsat\.com/user/[A-Za-z0-9_.-]{2,40}/?",
        "commission": "20.00",
        "payouts": ["paypal", "bank-transfer"],
        "countries": ARAB_COUNTRIES + ["TR"],
    },
    {
        "slug": "mostaql",
        "names": ("مستقل", "Mostaql", "Mostaql"),
        "website": "https://mostaql.com/",
        "template": "https://mostaql.com/u/{username}",
        "pattern": r"https://mostaql\.com/u/[A-Za-z0-9_.-]{2,40}/?",
        "commission": "15.00",
        "payouts": ["paypal", "bank-transfer"],
        "countries": ARAB_COUNTRIES + ["TR"],
    },
    {
        "slug": "ureed",
        "names": ("أريد", "Ureed", "Ureed"),
        "website": "https://ureed.com/",
        "template": "https://ureed.com/freelancer/{username}",
        "pattern": r"https://ureed\.com/freelancer/[A-Za-z0-9_.-]{2,60}/?",
        "commission": "20.00",
        "payouts": ["paypal", "bank-transfer"],
        "countries": ARAB_COUNTRIES,
    },
    {
        "slug": "freelance-com",
        "names": ("Freelance.com", "Freelance.com", "Freelance.com"),
        "website": "https://www.freelance.com/",
        "template": "https://www.freelance.com/freelancers/{username}",
        "pattern": r"https://www\.freelance\.com/freelancers/[A-Za-z0-9_.-]{2,60}/?",
        "commission": "10.00",
        "payouts": ["bank-transfer"],
        "countries": ["MA", "DZ", "TN"],
    },
    {
        "slug": "upwork",
        "names": ("Upwork", "Upwork", "Upwork"),
        "website": "https://www.upwork.com/",
        "template": "https://www.upwork.com/freelancers/{username}",
        "pattern": r"https://www\.upwork\.com/freelancers/(~[0-9a-f]{10,32}|[A-Za-z0-9_-]{3,60})/?",
        "commission": "10.00",
        "payouts": ["paypal", "payoneer", "bank-transfer", "wise"],
        "countries": WITHOUT_SYRIA,
    },
    {
        "slug": "fiverr",
        "names": ("Fiverr", "Fiverr", "Fiverr"),
        "website": "https://www.fiverr.com/",
        "template": "https://www.fiverr.com/{username}",
        "pattern": r"https://www\.fiverr\.com/[A-Za-z0-9_-]{3,40}/?",
        "commission": "20.00",
        "payouts": ["paypal", "payoneer", "bank-transfer", "card"],
        "countries": WITHOUT_SYRIA,
    },
    {
        "slug": "freelancer-com",
        "names": ("Freelancer.com", "Freelancer.com", "Freelancer.com"),
        "website": "https://www.freelancer.com/",
        "template": "https://www.freelancer.com/u/{username}",
        "pattern": r"https://www\.freelancer\.com/u/[A-Za-z0-9_.-]{3,40}/?",
        "commission": "10.00",
        "payouts": ["paypal", "payoneer", "bank-transfer"],
        "countries": WITHOUT_SYRIA,
    },
    {
        "slug": "linkedin",
        "names": ("لينكد إن", "LinkedIn", "LinkedIn"),
        "website": "https://www.linkedin.com/",
        "template": "https://www.linkedin.com/in/{username}",
        "pattern": r"https://www\.linkedin\.com/in/[A-Za-z0-9_%-]{3,100}/?",
        "commission": "0.00",
        "payouts": [],
        "countries": WITHOUT_SYRIA,
    },
]


def _ensure_named(model, key_field, rows, ctx, label):
    existing = {getattr(obj, key_field): obj for obj in model.objects.all()}
    missing = [
        model(**{key_field: key, "name_ar": ar, "name_en": en, "name_fr": fr})
        for key, ar, en, fr in rows
        if key not in existing
    ]
    if missing:
        model.objects.bulk_create(missing)
        ctx.count(label, len(missing))
        existing = {getattr(obj, key_field): obj for obj in model.objects.all()}
    return existing


@register_seeder("reference", order=20)
def seed_reference_data(ctx):
    """Provides ctx.data["countries"|"specialisations"|"marketplaces"], keyed by code/slug."""
    countries = _ensure_named(Country, "code", COUNTRIES, ctx, "countries")
    specialisations = _ensure_named(Specialisation, "slug", SPECIALISATIONS, ctx, "specialisations")
    payouts = _ensure_named(PayoutMethod, "slug", PAYOUT_METHODS, ctx, "payout methods")

    marketplaces = {m.slug: m for m in Marketplace.objects.all()}
    for row in MARKETPLACES:
        if row["slug"] in marketplaces:
            continue
        name_ar, name_en, name_fr = row["names"]
        marketplace = Marketplace(
            slug=row["slug"],
            name_ar=name_ar,
            name_en=name_en,
            name_fr=name_fr,
            website=row["website"],
            profile_url_template=row["template"],
            profile_url_pattern=row["pattern"],
            commission_percent=Decimal(row["commission"]),
        )
        marketplace.full_clean()
        marketplace.payout_methods.set([payouts[slug] for slug in row["payouts"]])
        marketplace.countries.set([countries[code] for code in row["countries"]])
        marketplace.save()
        marketplaces[marketplace.slug] = marketplace
        ctx.count("marketplaces")

    ctx.data.update(countries=countries, specialisations=specialisations, marketplaces=marketplaces)
