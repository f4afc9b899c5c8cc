"""Factories for the cms app: snippets and a page tree built through SubFactory parents.

`SuccessStoryPageFactory()` alone creates the home page, the story index and the
story; pass `parent=` to put several stories under one index.
"""

from datetime import timedelta
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from wagtail.models import Locale, Page

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

_EPOCH = timezone.now() - timedelta(days=365)


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


class CountryFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name_ar = factory.Sequence(lambda n: f"بلد {n}")
    name_en = factory.Sequence(lambda n: f"Country {n}")
    name_fr = factory.Sequence(lambda n: f"Pays {n}")

    class Meta:
        model = Country
        django_get_or_create = ("code",)


class SpecialisationFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"specialisation-{n}")
    name_ar = factory.Sequence(lambda n: f"تخصص {n}")
    name_en = factory.Sequence(lambda n: f"Specialisation {n}")
    name_fr = factory.Sequence(lambda n: f"Spécialité {n}")

    class Meta:
        model = Specialisation
        django_get_or_create = ("slug",)


class PayoutMethodFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"payout-{n}")
    name_ar = "باي بال"
    name_en = "PayPal"
    name_fr = "PayPal"

    class Meta:
        model = PayoutMethod
        django_get_or_create = ("slug",)


class ExchangeRateFactory(DjangoModelFactory):
    currency = "MAD"
    units_per_usd = Decimal("10")
    rate_date = factory.LazyFunction(lambda: timezone.localdate())

    class Meta:
        model = ExchangeRate
        django_get_or_create = ("currency",)


class CountryPayoutMethodFactory(DjangoModelFactory):
    country = factory.SubFactory(CountryFactory)
    method = factory.SubFactory(PayoutMethodFactory)
    fees_ar = "حوالي 3٪"
    fees_en = "About 3%"
    fees_fr = "Environ 3 %"
    notes_en = "Receiving from abroad is allowed."

    class Meta:
        model = CountryPayoutMethod


class MarketplaceFactory(DjangoModelFactory):
    slug = "mostaql"
    name_ar = "مستقل"
    name_en = "Mostaql"
    name_fr = "Mostaql"
    website = "https://mostaql.com/"
    profile_url_template = "https://mostaql.com/u/{username}"
    profile_url_pattern = r"https://mostaql\.com/u/[A-Za-z0-9_.-]{2,40}/?"
    commission_percent = Decimal("15.00")

    class Meta:
        model = Marketplace
        django_get_or_create = ("slug",)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "بداية"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "أكاديمية للعمل الحر"
    locale = factory.LazyFunction(lambda: locale("ar"))
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "عن بداية"
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "لماذا أنشأنا بداية"
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>نص الصفحة</p>"}])
    locale = factory.SelfAttribute("parent.locale")
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = StandardPage


class SuccessStoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "قصص نجاح"
    slug = "stories"
    intro = "قصص شباب بدؤوا العمل الحر"
    locale = factory.SelfAttribute("parent.locale")
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = SuccessStoryIndexPage


class SuccessStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"قصة رقم {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    person_name = "عفاف"
    intro = "مطورة مواقع من مراكش"
    locale = factory.SelfAttribute("parent.locale")
    parent = factory.SubFactory(SuccessStoryIndexPageFactory)
    # Each new story is a little newer than the previous one.
    first_published_at = factory.Sequence(lambda n: _EPOCH + timedelta(hours=n))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        model = SuccessStoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def marketplaces(self, create, extracted, **kwargs):
        if create and extracted:
            self.marketplaces.set(extracted)
            self.save()

    @factory.post_generation
    def specialisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialisations.set(extracted)
            self.save()
