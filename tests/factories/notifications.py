"""Notices, e-mail preferences and outbox rows, shaped like the ones the apps write.

The `data` of a notice or an e-mail is what the writing app's text or context builder
reads (mentoring's review notices, badge e-mails …); the defaults here carry the keys
those builders look up, with ids that need not exist.
"""

import uuid
from datetime import timedelta

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from notifications.models import Notice, NotificationPreference, OutboxEmail
from tests.factories.accounts import UserFactory


class NotificationPreferenceFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    language = "ar"
    email_enabled = True

    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user",)


class NoticeFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    kind = Notice.Kind.REVIEW_DONE
    data = factory.LazyFunction(
        lambda: {
            "title": "اكتب عرضا لخدمتك",
            "decision": "approve",
            "submission": str(uuid.uuid4()),
            "lesson_id": 1,
            "assignment_id": str(uuid.uuid4()),
        }
    )

    class Meta:
        model = Notice

    class Params:
        read = factory.Trait(read_at=factory.LazyFunction(timezone.now))
        arrived = factory.Trait(
            kind=Notice.Kind.SUBMISSION_ARRIVED,
            data=factory.LazyFunction(
                lambda: {
                    "title": "اكتب عرضا لخدمتك",
                    "learner": "هدى",
                    "submission": str(uuid.uuid4()),
                    "lesson_id": 1,
                    "assignment_id": str(uuid.uuid4()),
                }
            ),
        )


class OutboxEmailFactory(DjangoModelFactory):
    """A single e-mail waiting to be sent; `digest=True` for an open mentor digest."""

    recipient = factory.SubFactory(UserFactory)
    kind = OutboxEmail.Kind.REVIEW_DONE
    language = "ar"
    data = factory.Sequence(lambda n: {"review": n + 1})

    class Meta:
        model = OutboxEmail

    class Params:
        digest = factory.Trait(
            kind=OutboxEmail.Kind.SUBMISSION_DIGEST,
            is_digest=True,
            data=factory.Sequence(lambda n: {"items": [n + 1]}),
            send_after=factory.LazyFunction(lambda: timezone.now() + timedelta(minutes=5)),
        )
        sent = factory.Trait(
            status=OutboxEmail.Status.SENT,
            attempts=1,
            sent_at=factory.LazyFunction(timezone.now),
            subject="راجع المرشد عملك",
        )
