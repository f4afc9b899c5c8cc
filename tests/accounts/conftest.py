import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model

PASSWORD = "saffron-Lantern-93"


@pytest.fixture
def make_user(db):
    """A learner who has signed up and confirmed the address."""

    def make(email="huda@example.com", password=PASSWORD, verified=True):
        user = get_user_model().objects.create_user(
            username=email.split("@")[0], email=email, password=password
        )
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
        return user

    return make


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://bidaya.example"
    return settings.SITE_URL
