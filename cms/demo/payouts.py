"""Demo money data: the prices each marketplace accepts, exchange rates, and how a
learner in each of the seed countries is paid.

Khamsat's rule (services in US dollars from $5, in $5 steps) is dated; the other
marketplaces' rules are as generally known and left unconfirmed (no date) for an
editor to check. Fees and notes are deliberately approximate and undated for the same
reason. Rates are approximate demo figures, labelled as such, for an editor to replace.
Nothing an editor changed is overwritten: rules are only filled in on a marketplace
still at the defaults, rates and payout rows only created when missing.
"""

# ruff: noqa: E501 - prose reads better unbroken than split mid-sentence.

from datetime import date
from decimal import Decimal

from django.utils import timezone

from cms.demo import register_seeder
from cms.models import Country, CountryPayoutMethod, ExchangeRate, Marketplace, PayoutMethod

RULES_RECORDED = date(2026, 12, 6)

# slug: (currency, lowest price, step, checked on)
PRICE_RULES = {
    "khamsat": ("USD", "5", "5", RULES_RECORDED),
    "mostaql": ("USD", "25", "1", None),
    "ureed": ("USD", "5", "1", None),
    "freelance-com": ("EUR", "0", "1", None),
    "upwork": ("USD", "5", "1", None),
    "fiverr": ("USD", "5", "5", None),
    "freelancer-com": ("USD", "10", "1", None),
}

COUNTRY_CURRENCIES = {
    "MA": "MAD",
    "DZ": "DZD",
    "TN": "TND",
    "EG": "EGP",
    "SY": "SYP",
    "JO": "JOD",
    "SA": "SAR",
    "TR": "TRY",
}

# Units for 1 USD: pegged currencies exactly, the others rounded demo figures.
RATES = {
    "MAD": "9.2",
    "DZD": "130",
    "TND": "2.95",
    "EGP": "48",
    "SYP": "11000",
    "JOD": "0.709",
    "SAR": "3.75",
    "AED": "3.6725",
    "TRY": "42",
    "EUR": "0.86",
}
RATE_SOURCE = "Approximate demo figure: replace it with the day's official rate."

LOCAL_METHODS = [
    ("cashplus", "كاش بلوس", "Cash Plus", "Cash Plus"),
    ("baridimob", "بريدي موب", "BaridiMob", "BaridiMob"),
    ("d17", "تطبيق D17", "D17", "D17"),
    ("vodafone-cash", "فودافون كاش", "Vodafone Cash", "Vodafone Cash"),
    ("instapay", "إنستاباي", "InstaPay", "InstaPay"),
    ("transfer-office", "مكاتب الحوالات", "Money transfer offices", "Bureaux de transfert"),
]

_BANK = (
    "رسوم ثابتة لكل حوالة (قد تصل إلى 10–30 دولارًا مع البنوك الوسيطة) وفرق الصرف",
    "A fixed fee per transfer (often 10–30 USD with intermediary banks) plus the exchange margin",
    "Des frais fixes par virement (souvent 10 à 30 USD avec les banques intermédiaires) et la marge de change",
)
_PAYONEER = (
    "السحب إلى حساب بنكي محلي: حتى نحو 2٪ فوق سعر الصرف",
    "Withdrawal to a local bank account: up to about 2% above the market rate",
    "Retrait vers un compte bancaire local : jusqu'à environ 2 % au-dessus du taux du marché",
)
_PAYPAL = (
    "نحو 4٪ وأكثر لاستلام دفعة من الخارج، ونحو 3–4٪ لتحويل العملة",
    "About 4% or more to receive from abroad, and about 3–4% to convert currency",
    "Environ 4 % ou plus pour recevoir de l'étranger, et 3 à 4 % pour convertir la devise",
)
_WALLET = ("رسوم سحب صغيرة", "Small cash-out fees", "Petits frais de retrait")

# country: [(method, fees (ar, en, fr), notes (ar, en, fr))]
PAYOUTS = {
    "MA": [
        (
            "payoneer",
            _PAYONEER,
            (
                "تسحب أرباح المنصات إلى حسابك البنكي بالدرهم.",
                "Withdraw marketplace earnings to your bank account in dirhams.",
                "Retirez vos gains vers votre compte bancaire en dirhams.",
            ),
        ),
        (
            "bank-transfer",
            _BANK,
            (
                "يصل المبلغ بالدرهم؛ اسأل بنكك عن رسوم الحوالات الواردة.",
                "The money arrives in dirhams; ask your bank about incoming transfer fees.",
                "L'argent arrive en dirhams ; demandez à votre banque ses frais de réception.",
            ),
        ),
        (
            "paypal",
            _PAYPAL,
            (
                "تأكد على موقع باي بال أن حسابك المغربي يستقبل الدفعات ويسحبها قبل أن تعتمد عليه.",
                "Check on PayPal's site that a Moroccan account can receive and withdraw before you rely on it.",
                "Vérifiez sur le site de PayPal qu'un compte marocain peut recevoir et retirer avant de compter dessus.",
            ),
        ),
        (
            "cashplus",
            _WALLET,
            (
                "محفظة ووكالات لسحب المال نقدًا في أنحاء المغرب.",
                "A wallet and agencies to take the money out in cash across Morocco.",
                "Un portefeuille et des agences pour retirer en espèces partout au Maroc.",
            ),
        ),
    ],
    "DZ": [
        (
            "payoneer",
            _PAYONEER,
            (
                "الطريقة الأكثر استعمالًا لاستلام أرباح المنصات.",
                "The most used way to receive marketplace earnings.",
                "Le moyen le plus utilisé pour recevoir les gains des plateformes.",
            ),
        ),
        (
            "bank-transfer",
            _BANK,
            (
                "افتح حسابًا بالعملة الصعبة لتستلم الحوالات بالدولار أو اليورو.",
                "Open a foreign-currency account to receive transfers in dollars or euros.",
                "Ouvrez un compte en devises pour recevoir des virements en dollars ou en euros.",
            ),
        ),
        (
            "baridimob",
            _WALLET,
            (
                "تطبيق بريد الجزائر لحساب CCP: لتحريك الدينار بعد وصوله، لا لاستلام المال من الخارج.",
                "Algérie Poste's app for a CCP account: to move dinars once they arrive, not to receive from abroad.",
                "L'application d'Algérie Poste pour le compte CCP : pour les dinars une fois arrivés, pas pour recevoir de l'étranger.",
            ),
        ),
    ],
    "TN": [
        (
            "payoneer",
            _PAYONEER,
            (
                "يستعملها كثير من المستقلين التونسيين.",
                "Used by many Tunisian freelancers.",
                "Utilisé par beaucoup de freelances tunisiens.",
            ),
        ),
        (
            "bank-transfer",
            _BANK,
            (
                "حساب بالعملة الصعبة يسهّل استلام الحوالات.",
                "A foreign-currency account makes receiving transfers easier.",
                "Un compte en devises facilite la réception des virements.",
            ),
        ),
        (
            "d17",
            _WALLET,
            (
                "محفظة البريد التونسي للدفع والتحويل بالدينار.",
                "La Poste Tunisienne's wallet for paying and sending dinars.",
                "Le portefeuille de La Poste Tunisienne pour payer et envoyer des dinars.",
            ),
        ),
    ],
    "EG": [
        (
            "payoneer",
            _PAYONEER,
            (
                "السحب إلى البنوك المصرية بالجنيه.",
                "Withdraw to Egyptian banks in pounds.",
                "Retrait vers les banques égyptiennes en livres.",
            ),
        ),
        (
            "paypal",
            _PAYPAL,
            (
                "يستقبل الدفعات؛ السحب يكون إلى بطاقة أو حساب بنكي مصري.",
                "Receives payments; withdrawal goes to an Egyptian card or bank account.",
                "Reçoit les paiements ; le retrait se fait vers une carte ou un compte égyptien.",
            ),
        ),
        (
            "instapay",
            (
                "تحويل فوري برسوم صغيرة",
                "Instant transfers with small fees",
                "Virements instantanés, petits frais",
            ),
            (
                "لتحويل الجنيه بين البنوك بعد وصول المال.",
                "To move pounds between banks once the money has arrived.",
                "Pour envoyer des livres entre banques une fois l'argent arrivé.",
            ),
        ),
        (
            "vodafone-cash",
            _WALLET,
            (
                "محفظة على الهاتف للسحب النقدي من أي فرع أو وكيل.",
                "A phone wallet to cash out at any shop or agent.",
                "Un portefeuille mobile pour retirer en espèces chez un agent.",
            ),
        ),
    ],
    "SY": [
        (
            "transfer-office",
            (
                "نسبة يحددها المكتب، اسأل عنها قبل التحويل",
                "A share set by each office: ask before the transfer",
                "Une part fixée par chaque bureau : demandez avant le transfert",
            ),
            (
                "باي بال وبايونير ومنصات كثيرة لا تعمل في سوريا؛ يستلم كثيرون عبر قريب في الخارج ثم مكتب حوالات مرخّص.",
                "PayPal, Payoneer and many marketplaces do not serve Syria; many receive through a relative abroad, then a licensed transfer office.",
                "PayPal, Payoneer et de nombreuses plateformes ne servent pas la Syrie ; beaucoup reçoivent via un proche à l'étranger puis un bureau de transfert agréé.",
            ),
        ),
    ],
    "TR": [
        (
            "payoneer",
            _PAYONEER,
            (
                "السحب إلى البنوك التركية بالليرة.",
                "Withdraw to Turkish banks in lira.",
                "Retrait vers les banques turques en livres.",
            ),
        ),
        (
            "wise",
            (
                "من نحو 0.5٪ لتحويل العملة",
                "From about 0.5% to convert currency",
                "À partir d'environ 0,5 % pour la conversion",
            ),
            (
                "حساب بالدولار أو اليورو يستقبل الدفعات ثم يحوّلها إلى الليرة.",
                "A dollar or euro account receives payments, then sends them on in lira.",
                "Un compte en dollars ou en euros reçoit les paiements puis les envoie en livres.",
            ),
        ),
        (
            "bank-transfer",
            _BANK,
            (
                "حوالة SWIFT إلى حسابك بالدولار أو الليرة.",
                "A SWIFT transfer to your account in dollars or lira.",
                "Un virement SWIFT vers votre compte en dollars ou en livres.",
            ),
        ),
    ],
}


def _seed_rules(ctx):
    """Fill in the rules of a marketplace still at the defaults (USD, from 0, steps of 1)."""
    for marketplace in Marketplace.objects.filter(slug__in=PRICE_RULES):
        current = (
            marketplace.currency,
            marketplace.minimum_price,
            marketplace.price_step,
            marketplace.pricing_checked_on,
        )
        if current != ("USD", 0, 1, None):
            continue
        currency, minimum, step, checked = PRICE_RULES[marketplace.slug]
        target = (currency, Decimal(minimum), Decimal(step), checked)
        if current == target:
            continue
        (
            marketplace.currency,
            marketplace.minimum_price,
            marketplace.price_step,
            marketplace.pricing_checked_on,
        ) = target
        marketplace.save(
            update_fields=["currency", "minimum_price", "price_step", "pricing_checked_on"]
        )
        ctx.count("marketplace price rules")


def _seed_rates(ctx):
    existing = set(ExchangeRate.objects.values_list("currency", flat=True))
    missing = [
        ExchangeRate(
            currency=code,
            units_per_usd=Decimal(units),
            rate_date=timezone.localdate(),
            source=RATE_SOURCE,
        )
        for code, units in RATES.items()
        if code not in existing
    ]
    if missing:
        ExchangeRate.objects.bulk_create(missing)
        ctx.count("exchange rates", len(missing))


def _seed_payouts(ctx):
    methods = {m.slug: m for m in PayoutMethod.objects.all()}
    missing = [
        PayoutMethod(slug=slug, name_ar=ar, name_en=en, name_fr=fr)
        for slug, ar, en, fr in LOCAL_METHODS
        if slug not in methods
    ]
    if missing:
        PayoutMethod.objects.bulk_create(missing)
        ctx.count("payout methods", len(missing))
        methods = {m.slug: m for m in PayoutMethod.objects.all()}
    countries = Country.objects.filter(code__in=set(PAYOUTS) | set(COUNTRY_CURRENCIES))
    listed = set(CountryPayoutMethod.objects.values_list("country__code", flat=True))
    rows = []
    for country in countries:
        if not country.currency and country.code in COUNTRY_CURRENCIES:
            country.currency = COUNTRY_CURRENCIES[country.code]
            country.save(update_fields=["currency"])
            ctx.count("country currencies")
        if country.code in listed:
            continue  # an editor's list is theirs
        for order, (slug, fees, notes) in enumerate(PAYOUTS.get(country.code, [])):
            rows.append(
                CountryPayoutMethod(
                    country=country,
                    method=methods[slug],
                    sort_order=order,
                    **dict(zip(("fees_ar", "fees_en", "fees_fr"), fees, strict=True)),
                    **dict(zip(("notes_ar", "notes_en", "notes_fr"), notes, strict=True)),
                )
            )
    if rows:
        CountryPayoutMethod.objects.bulk_create(rows)
        ctx.count("country payout methods", len(rows))


@register_seeder("payouts", order=25)
def seed_money(ctx):
    """Needs the "reference" seeder's countries, payout methods and marketplaces."""
    _seed_rules(ctx)
    _seed_rates(ctx)
    _seed_payouts(ctx)
