"""People and their API tokens.

`UserFactory()` is a learner who signed up and confirmed the address (as allauth leaves
them); the per-suite helpers (`make_user` in tests/accounts, tests/mentoring,
tests/credentials) build the same kind of person, with the same test password. Pass
`groups=["Mentors"]` for a role, `email_verified=False` for someone still unconfirmed.

`AccessTokenFactory()` stores only the digest, like `AccessToken.issue`; the secret a
client would send is kept on the built object as `.secret`.
"""

import secrets

import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory, Password

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import TOKEN_PREFIX, AccessToken, digest

PASSWORD = "saffron-Lantern-93"


def group(name):
    return Group.objects.get_or_create(name=name)[0]


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"learner{n}@example.com")
    username = factory.LazyAttribute(lambda o: o.email.split("@")[0])
    first_name = "هدى"
    last_name = factory.Sequence(lambda n: f"المتعلمة {n}")
    password = Password(PASSWORD)

    class Meta:
        model = settings.AUTH_USER_MODEL
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def email_verified(self, create, extracted, **kwargs):
        if not create or not self.email:
            return
        verified = True if extracted is None else bool(extracted)
        EmailAddress.objects.get_or_create(
            user=self, email=self.email, defaults={"primary": True, "verified": verified}
        )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*(group(name) for name in extracted))


def new_token_secret():
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class AccessTokenFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"سكربت النشر {n}")
    # Not a column: popped in _create/_build and kept on the object for the test to use.
    secret = factory.LazyFunction(new_token_secret)
    hint = factory.LazyAttribute(lambda o: o.secret[: len(TOKEN_PREFIX) + 6])
    digest = factory.LazyAttribute(lambda o: digest(o.secret))

    class Meta:
        model = AccessToken

    class Params:
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))

    @classmethod
    def _build(cls, model_class, *args, secret=None, **kwargs):
        token = super()._build(model_class, *args, **kwargs)
        token.secret = secret
        return token

    @classmethod
    def _create(cls, model_class, *args, secret=None, **kwargs):
        token = super()._create(model_class, *args, **kwargs)
        token.secret = secret
        return token
