"""Outcomes a learner reported: `OutcomeFactory()` is a consenting first client on
Mostaql; `OutcomeFactory(earnings=True)` a monthly earnings band."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from outcomes.models import Outcome, OutcomeAsk
from tests.factories.accounts import UserFactory
from tests.factories.cms import MarketplaceFactory


class OutcomeFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    kind = Outcome.Kind.FIRST_CLIENT
    marketplace = factory.SubFactory(MarketplaceFactory)
    link = factory.Sequence(lambda n: f"https://mostaql.com/u/learner-{n}")
    happened_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=3))
    amount = Decimal("25.00")
    currency = "USD"
    count_in_statistics = True
    may_contact = True

    class Meta:
        model = Outcome

    class Params:
        earnings = factory.Trait(
            kind=Outcome.Kind.EARNINGS,
            band=Outcome.Band.B100_300,
            amount=None,
            currency="",
            link="",
            happened_on=factory.LazyFunction(lambda: datetime.date.today().replace(day=1)),
        )


class OutcomeAskFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    course_key = factory.Faker("uuid4", cast_to=None)
    language = "ar"

    class Meta:
        model = OutcomeAsk
