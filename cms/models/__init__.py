"""Page types and snippets of the public site."""

from cms.models.money import CURRENCIES, CountryPayoutMethod, ExchangeRate
from cms.models.pages import HomePage, HomePageFeaturedStory, StandardPage
from cms.models.snippets import (
    Country,
    LocalizedNameMixin,
    Marketplace,
    PayoutMethod,
    Specialisation,
)
from cms.models.stories import SuccessStoryIndexPage, SuccessStoryPage

__all__ = [
    "CURRENCIES",
    "Country",
    "CountryPayoutMethod",
    "ExchangeRate",
    "HomePage",
    "HomePageFeaturedStory",
    "LocalizedNameMixin",
    "Marketplace",
    "PayoutMethod",
    "Specialisation",
    "StandardPage",
    "SuccessStoryIndexPage",
    "SuccessStoryPage",
]
