"""The pricing calculator's arithmetic, shared by the server and the browser.

A newcomer usually prices from the gross figure the marketplace shows and forgets that
the marketplace keeps its commission. This works backwards from what the freelancer
needs to take home each month:

    needed   = target monthly income + monthly expenses
    net/hour = needed / billable hours per month
    gross    = net / (1 - commission / 100)

so that ``gross × (1 − commission/100)`` is never below what is needed. Prices are
rounded *up* to a step that makes sense in each currency (nobody sells a service for
137.43 dirhams), which keeps that promise after rounding too.

A marketplace only accepts some prices: Khamsat sells services in US dollars from $5
in $5 steps. Given its ``PriceRules`` and the exchange rates, the prices are converted
into the marketplace's currency *inside* that one division (``× its units per dollar ÷
the learner's``) and rounded up to its step, never below its lowest price; the
learner's own currency is shown beside them. Without a rate for one of the two
currencies, the prices stay in the learner's currency, rounded to its usual step.

``static/js/pricing-calculator.js`` implements the same formula with exact integer
arithmetic (BigInt), so the browser and the server give identical figures; keep the
two in step.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Context, Decimal

# The step each currency's prices are rounded up to: roughly a few US cents to one
# dollar, so rounding never distorts a newcomer's price by much, in the currencies of
# the countries the academy serves. JOD and TND have 1/1000 minor units but are still
# priced in halves or whole units in practice.
ROUNDING_STEPS = {
    "USD": Decimal("1"),
    "EUR": Decimal("1"),
    "SAR": Decimal("1"),
    "AED": Decimal("1"),
    "QAR": Decimal("1"),
    "KWD": Decimal("0.5"),
    "JOD": Decimal("0.5"),
    "TND": Decimal("1"),
    "MAD": Decimal("5"),
    "EGP": Decimal("10"),
    "TRY": Decimal("10"),
    "DZD": Decimal("50"),
    "SYP": Decimal("100"),
}
DEFAULT_ROUNDING_STEP = Decimal("1")

# Enough precision for any realistic income (and more), so only the final rounding
# up to the currency's step changes a figure.
_CONTEXT = Context(prec=40)
_HUNDRED = Decimal(100)


class PricingError(ValueError):
    """Inputs the formula cannot work with; the form layer turns this into a message."""


@dataclass(frozen=True)
class PriceRules:
    """The prices a marketplace accepts: its currency, its lowest price and its step."""

    currency: str
    minimum: Decimal = Decimal(0)
    step: Decimal = Decimal(1)


def step_decimals(step):
    """How many decimals prices on a step carry (0 for whole steps, 1 for 0.5)."""
    return max(0, -Decimal(step).normalize().as_tuple().exponent)


@dataclass(frozen=True)
class PriceQuote:
    """Prices in ``price_currency``; what the month needs in the learner's ``currency``.

    ``rate`` is ``(price currency units, learner's currency units)`` per US dollar when
    the prices were converted, else None; the ``*_local`` figures are the prices in the
    learner's currency (equal to the prices when nothing was converted).
    """

    currency: str
    step: Decimal
    monthly_needed: Decimal
    hourly_price: Decimal
    service_price: Decimal
    hourly_net: Decimal
    service_net: Decimal
    commission_percent: Decimal
    services_per_month: int
    price_currency: str = ""
    hourly_step: Decimal = Decimal(1)
    minimum_price: Decimal = Decimal(0)
    rules_applied: bool = False
    rate: tuple | None = None
    hourly_local: Decimal = Decimal(0)
    service_local: Decimal = Decimal(0)
    service_net_local: Decimal = Decimal(0)

    @property
    def decimals(self):
        """How many decimals the rounded service price carries."""
        return step_decimals(self.step)

    @property
    def hourly_decimals(self):
        return step_decimals(self.hourly_step)

    @property
    def converted(self):
        return self.rate is not None


def rounding_step(currency):
    return ROUNDING_STEPS.get((currency or "").upper(), DEFAULT_ROUNDING_STEP)


def _rate(rates, currency):
    if currency == "USD":
        return Decimal(1)
    value = (rates or {}).get(currency)
    return Decimal(value) if value else None


def price_basis(currency, rules=None, rates=None):
    """``(price currency, service step, minimum, rules applied, rate)`` for a quote.

    The marketplace's rules apply when its currency is the learner's, or when both
    currencies have a rate; otherwise prices stay in the learner's currency.
    """
    if rules is not None:
        market = rules.currency.upper()
        step, minimum = Decimal(rules.step), Decimal(rules.minimum)
        if market == currency:
            return market, step, minimum, True, None
        market_rate, local_rate = _rate(rates, market), _rate(rates, currency)
        if market_rate and local_rate:
            return market, step, minimum, True, (market_rate, local_rate)
    return currency, rounding_step(currency), Decimal(0), False, None


def round_up(value, step):
    """Round ``value`` up to the next multiple of ``step`` (exact, Decimal)."""
    multiples = _CONTEXT.divide(value, step).to_integral_value(rounding=ROUND_CEILING)
    return _CONTEXT.multiply(multiples, step)


def quote(
    *,
    target_income,
    monthly_expenses,
    billable_hours,
    hours_per_service,
    commission_percent,
    currency="USD",
    rules=None,
    rates=None,
):
    """Gross prices per hour and per service that leave the target after commission.

    Every amount is a ``Decimal`` (or something ``Decimal`` accepts exactly: int or
    str). ``services_per_month`` is how many services at the rounded price must sell
    to cover the month. ``rules`` (a ``PriceRules``) and ``rates`` (``{currency: units
    per US dollar}``) price in the marketplace's currency, on its steps.
    """
    target_income = Decimal(target_income)
    monthly_expenses = Decimal(monthly_expenses)
    billable_hours = Decimal(billable_hours)
    hours_per_service = Decimal(hours_per_service)
    commission_percent = Decimal(commission_percent)
    if target_income < 0 or monthly_expenses < 0:
        raise PricingError("income and expenses cannot be negative")
    if target_income + monthly_expenses <= 0:
        raise PricingError("income plus expenses must be more than zero")
    if billable_hours <= 0 or hours_per_service <= 0:
        raise PricingError("hours must be more than zero")
    if not (0 <= commission_percent < _HUNDRED):
        raise PricingError("commission must be at least 0 and below 100 percent")

    currency = (currency or "USD").upper()
    price_currency, step, minimum, applied, rate = price_basis(currency, rules, rates)
    market_units, local_units = rate or (Decimal(1), Decimal(1))
    hourly_step = rounding_step(price_currency) if applied else step
    needed = _CONTEXT.add(target_income, monthly_expenses)
    keep = _CONTEXT.divide(_HUNDRED - commission_percent, _HUNDRED)
    # One division at the end keeps the result exact whenever it can be: the hourly
    # and per-service prices are
    #   needed × 100 × hours × market units / (billable × (100 − c) × local units).
    denominator = _CONTEXT.multiply(
        _CONTEXT.multiply(billable_hours, _HUNDRED - commission_percent), local_units
    )
    numerator = _CONTEXT.multiply(_CONTEXT.multiply(needed, _HUNDRED), market_units)
    gross_hour = _CONTEXT.divide(numerator, denominator)
    gross_service = _CONTEXT.divide(_CONTEXT.multiply(numerator, hours_per_service), denominator)
    hourly_price = round_up(gross_hour, hourly_step)
    service_price = max(round_up(gross_service, step), round_up(minimum, step))
    service_net = _CONTEXT.multiply(service_price, keep)
    services = _CONTEXT.divide(
        _CONTEXT.multiply(needed, market_units), _CONTEXT.multiply(service_net, local_units)
    ).to_integral_value(rounding=ROUND_CEILING)

    def local(amount):
        return _CONTEXT.divide(_CONTEXT.multiply(amount, local_units), market_units)

    return PriceQuote(
        currency=currency,
        step=step,
        monthly_needed=needed,
        hourly_price=hourly_price,
        service_price=service_price,
        hourly_net=_CONTEXT.multiply(hourly_price, keep),
        service_net=service_net,
        commission_percent=commission_percent,
        services_per_month=int(services),
        price_currency=price_currency,
        hourly_step=hourly_step,
        minimum_price=minimum,
        rules_applied=applied,
        rate=rate,
        hourly_local=local(hourly_price),
        service_local=local(service_price),
        service_net_local=local(service_net),
    )


def short_decimals(value, most=2):
    """Decimals worth showing: 6500 → 0, 20.5 → 1, 20.125 → 2 (at most ``most``)."""
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP)
    return max(0, -rounded.normalize().as_tuple().exponent)


def format_amount(value, decimals=0, language="ar"):
    """Format a number the way the calculator's script does with ``Intl.NumberFormat``.

    The academy writes numbers in Latin digits in every language (Maghreb readers use
    them, and marketplace prices are shown in them), so Arabic pages use
    ``ar-u-nu-latn``: "1,234.5". French groups with a narrow no-break space and uses a
    decimal comma, as ICU does.
    """
    quantum = Decimal(1).scaleb(-decimals)
    # Half away from zero, as Intl.NumberFormat rounds (its default "halfExpand").
    value = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    group_sep, decimal_sep = ("\u202f", ",") if (language or "").startswith("fr") else (",", ".")
    text = group_sep.join(groups)
    if decimals:
        text += decimal_sep + fraction
    return sign + text
