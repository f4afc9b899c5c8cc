"""The demo learner's badges stay valid when the demo is served at another address."""

from credentials import verification
from credentials.demo.journey import sign_for_this_address
from credentials.models import BadgeAward
from tests.factories.credentials import BadgeAwardFactory


def test_badges_signed_for_another_address_are_signed_for_this_one(badge_world, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    award = BadgeAwardFactory(badge_class=world_badge(badge_world))
    assert verification.check(award).is_valid
    settings.SITE_URL = "http://127.0.0.1:8123"  # `make run PORT=8123` on the same data
    moved = BadgeAward.objects.get(pk=award.pk)
    assert verification.check(moved).detail == "not_this_award"

    assert sign_for_this_address(award.recipient) == 1
    moved = BadgeAward.objects.get(pk=award.pk)
    assert moved.credential["id"].startswith("http://127.0.0.1:8123/")
    assert verification.check(moved).is_valid
    assert sign_for_this_address(award.recipient) == 0  # nothing left to move


def world_badge(world):
    return world.badge
