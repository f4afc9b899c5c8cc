"""Verified outcomes the learner chose to show: on her public profile and in her badges."""

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import translation

from credentials import awarding
from credentials.models import BadgeAward
from outcomes import services
from outcomes.models import Outcome
from tests.factories.credentials import BadgeAwardFactory
from tests.factories.outcomes import OutcomeFactory

pytestmark = pytest.mark.django_db

LINK = "https://mostaql.com/project/777-logo"


@pytest.fixture
def public_profile(profile):
    profile.is_public = True
    profile.save()
    return profile


def profile_html(profile):
    with translation.override("ar"):
        url = reverse("badge_pages:learner", args=[profile.slug])
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("review", "show", "shown"),
    [
        (Outcome.Review.VERIFIED, True, True),
        (Outcome.Review.VERIFIED, False, False),
        (Outcome.Review.REPORTED, True, False),
        (Outcome.Review.REJECTED, True, False),
    ],
)
def test_the_public_profile_lists_verified_results_she_chose_to_show(
    learner, public_profile, mostaql, review, show, shown
):
    OutcomeFactory(user=learner, marketplace=mostaql, link=LINK, review=review, show_publicly=show)
    html = profile_html(public_profile)
    assert ("data-achievements" in html) is shown
    assert (LINK in html) is shown


def test_her_badges_are_signed_again_with_the_result_as_evidence(
    learner, public_profile, mostaql, django_capture_on_commit_callbacks
):
    award = BadgeAwardFactory(recipient=learner)
    outcome = OutcomeFactory(user=learner, marketplace=mostaql, link=LINK, show_publicly=True)
    assert LINK not in [item["id"] for item in award.credential.get("evidence", [])]
    with django_capture_on_commit_callbacks(execute=True):
        services.set_review(outcome, Outcome.Review.VERIFIED)
    award = BadgeAward.objects.get(pk=award.pk)
    evidence = {item["id"]: item for item in award.credential["evidence"]}
    assert LINK in evidence
    assert "Evidence" in evidence[LINK]["type"]
    # Withdrawn: signed again without it.
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(outcome, ["show_publicly"])
    award = BadgeAward.objects.get(pk=award.pk)
    assert LINK not in [item["id"] for item in award.credential.get("evidence", [])]


def test_the_badge_page_lists_the_result_beside_what_earned_it(learner, public_profile, mostaql):
    award = BadgeAwardFactory(recipient=learner)
    OutcomeFactory(
        user=learner,
        marketplace=mostaql,
        link=LINK,
        show_publicly=True,
        review=Outcome.Review.VERIFIED,
    )
    awarding.resign(award)
    with translation.override("ar"):
        url = reverse("badge_pages:verify", args=[award.uuid])
    html = Client().get(url).content.decode()
    assert LINK in html


def test_earnings_without_a_link_are_named_not_linked(learner, public_profile):
    OutcomeFactory(
        user=learner,
        earnings=True,
        marketplace=None,
        show_publicly=True,
        review=Outcome.Review.VERIFIED,
    )
    html = profile_html(public_profile)
    assert "data-achievements" in html
    assert 'href="urn:' not in html
