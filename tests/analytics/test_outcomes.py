"""Outcome figures: counted only with consent, and gone at the next run once withdrawn."""

from datetime import timedelta

import pytest

from django.utils import timezone

from analytics import reading
from learning.models import Enrolment
from outcomes.models import Outcome
from tests.factories.cms import CountryFactory, MarketplaceFactory
from tests.factories.credentials import LearnerProfileFactory
from tests.factories.outcomes import OutcomeFactory

pytestmark = pytest.mark.django_db

# Days after finishing when learners 0, 1 and 2 reported a first client; learner 3
# reported one too but did not agree to be counted; learners 4 and 5 reported nothing.
REPORTED_AFTER = {0: 10, 1: 40, 2: 80, 3: 5}


@pytest.fixture
def reported(academy, learners):
    """Six learners enrolled 110 days ago and finished 100 days ago."""
    now = timezone.now()
    morocco = CountryFactory(code="MA", name_ar="المغرب", name_en="Morocco", name_fr="Maroc")
    egypt = CountryFactory(code="EG", name_ar="مصر", name_en="Egypt", name_fr="Égypte")
    khamsat = MarketplaceFactory(slug="khamsat", name_ar="خمسات", name_en="Khamsat")
    mostaql = MarketplaceFactory()
    finished = now - timedelta(days=100)
    for number, user in enumerate(learners[:6]):
        Enrolment.objects.create(
            user=user,
            course_key=academy.translation_key,
            created_at=now - timedelta(days=110),
            completed_at=finished,
        )
        LearnerProfileFactory(user=user, country=morocco if number < 3 else egypt)
    for number, days in REPORTED_AFTER.items():
        OutcomeFactory(
            user=learners[number],
            course_key=academy.translation_key,
            marketplace=mostaql if number == 1 else khamsat,
            happened_on=(finished + timedelta(days=days)).date(),
            count_in_statistics=number != 3,
        )
    return learners


def test_shares_within_30_60_and_90_days_and_the_median_wait(reported, threshold, rollup):
    threshold(1)
    rollup()
    overall = reading.outcomes()["overall"]
    assert (overall["finishers"], overall["reporters"]) == (6, 3)
    # One of six within 30 days, two within 60, three within 90.
    assert (overall["within_30"], overall["within_60"], overall["within_90"]) == (16.7, 33.3, 50.0)
    # From enrolment: 20, 50 and 90 days.
    assert overall["median_days"] == 50


def test_by_country_marketplace_and_track(reported, threshold, rollup):
    threshold(1)
    rollup()
    figures = reading.outcomes()
    countries = {g["title"]: g for g in figures["by_country"]}
    assert (countries["المغرب"]["finishers"], countries["المغرب"]["reporters"]) == (3, 3)
    assert countries["مصر"]["reporters"] is None  # nobody counted: hidden, not zero
    markets = {g["title"]: g["reporters"] for g in figures["by_marketplace"]}
    assert markets == {"خمسات": 2, "مستقل": 1}
    (track,) = figures["by_track"]
    assert (track["key"], track["within_90"]) == ("pitching", 50.0)


def test_withdrawn_consent_leaves_every_figure_at_the_next_run(reported, threshold, rollup):
    threshold(1)
    rollup()
    Outcome.objects.filter(user=reported[1]).update(count_in_statistics=False)
    # Until the rollup runs again the figures are those it computed.
    assert reading.outcomes()["overall"]["reporters"] == 3
    rollup()
    figures = reading.outcomes()
    overall = figures["overall"]
    assert (overall["reporters"], overall["within_60"], overall["median_days"]) == (2, 16.7, 55.0)
    assert {g["title"] for g in figures["by_marketplace"]} == {"خمسات"}
    assert {g["title"]: g["reporters"] for g in figures["by_country"]}["المغرب"] == 2


def test_below_the_threshold_nothing_is_shown(reported, threshold, rollup):
    rollup()
    overall = reading.outcomes()["overall"]
    assert overall["finishers"] == 6
    assert overall["reporters"] is None and overall["median_days"] is None
    assert overall["within_90"] is None
