"""Everywhere a person is named, the name she chose on her learner profile is shown,
and the profile starts from the name she gave at sign-up."""

import pytest

from django.contrib.auth import get_user_model
from django.utils import translation

from credentials.awarding import ensure_profile
from credentials.models import LearnerProfile
from notifications.outbox import display_name

pytestmark = pytest.mark.django_db


def user(first_name=""):
    return get_user_model().objects.create_user(
        username=f"u{first_name}x",
        email="afaf.n@example.com",
        password="a long pw 1",
        first_name=first_name,
    )


def test_the_profile_name_wins_over_the_email_local_part():
    learner = user()
    assert display_name(learner) == "afaf.n"
    LearnerProfile.objects.create(
        user=learner, display_name_ar="عفاف النور", display_name_latin="Afaf Al-Nour"
    )
    learner = get_user_model().objects.get(pk=learner.pk)
    with translation.override("ar"):
        assert display_name(learner) == "عفاف النور"
    with translation.override("en"):
        assert display_name(learner) == "Afaf Al-Nour"


def test_the_profile_starts_from_the_sign_up_name():
    assert ensure_profile(user("عفاف")).display_name_ar == "عفاف"
    profile = ensure_profile(user("Afaf"))
    assert (profile.display_name_latin, profile.display_name_ar) == ("Afaf", "")
