"""An academy with a story index per language, a learner with a profile, and editors."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from tests.cms.conftest import make_site_root, translate
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.cms import (
    CountryFactory,
    HomePageFactory,
    MarketplaceFactory,
    SpecialisationFactory,
    SuccessStoryIndexPageFactory,
)
from tests.factories.credentials import LearnerProfileFactory


@pytest.fixture
def home(db):
    page = HomePageFactory(slug="bidaya")
    make_site_root(page)
    return page


@pytest.fixture
def index(home):
    return SuccessStoryIndexPageFactory(parent=home)


@pytest.fixture
def english(home, index):
    home_en = translate(home, "en", title="Bidaya", intro="An academy for freelancers")
    index_en = translate(index, "en", title="Success stories", intro="How they started")
    return home_en, index_en


@pytest.fixture
def mostaql(db):
    return MarketplaceFactory()


@pytest.fixture
def khamsat(db):
    return MarketplaceFactory(
        slug="khamsat",
        name_ar="خمسات",
        name_en="Khamsat",
        name_fr="Khamsat",
        website="https://khamsat.com/",
        profile_url_template="https://khamsat.com/user/{username}",
        profile_url_pattern=r"https://khamsat\.com/user/[A-Za-z0-9_.-]{2,40}/?",
    )


@pytest.fixture
def learner(db):
    return UserFactory(email="huda@example.com")


@pytest.fixture
def profile(learner):
    profile = LearnerProfileFactory(user=learner, display_name_ar="هدى", display_name_latin="Huda")
    profile.specialisations.set([SpecialisationFactory(slug="design", name_en="Design")])
    return profile


@pytest.fixture
def learner_client(learner):
    client = Client()
    client.force_login(learner)
    return client


def staff(group_name, email):
    # The groups and their permissions come from the migrations.
    assert Group.objects.filter(name=group_name).exists()
    user = UserFactory(email=email, groups=[group_name])
    return user


@pytest.fixture
def editor(db):
    return staff("Editors", "editor@example.com")


@pytest.fixture
def moderator(db):
    return staff("Moderators", "moderator@example.com")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def report_data(**changes):
    data = {
        "kind": "first_client",
        "marketplace": "mostaql",
        "link": "https://mostaql.com/project/123456-logo-for-a-bakery",
        "happened_on": (datetime.date.today() - datetime.timedelta(days=4)).isoformat(),
        "amount": "40",
        "currency": "USD",
        "count_in_statistics": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


__all__ = ["PASSWORD", "CountryFactory", "client_for", "report_data"]
