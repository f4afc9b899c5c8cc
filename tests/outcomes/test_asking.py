"""Thirty days after a finished course the learner is asked once, in her language."""

import datetime
import uuid

import pytest

from django.core import mail
from django.utils import timezone

from learning.models import Enrolment
from notifications import outbox
from notifications.models import Notice, NotificationPreference, OutboxEmail
from outcomes import asking
from outcomes.models import OutcomeAsk
from tests.factories.accounts import UserFactory
from tests.factories.outcomes import OutcomeFactory

pytestmark = pytest.mark.django_db


def finished(user, days_ago, course_key=None):
    return Enrolment.objects.create(
        user=user,
        course_key=course_key or uuid.uuid4(),
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def prefers(user, language):
    NotificationPreference.objects.create(user=user, language=language)


def test_a_finisher_at_30_days_is_asked_once_by_notice_and_email(
    learner, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://bidaya.example"
    finished(learner, days_ago=31)
    with django_capture_on_commit_callbacks(execute=True):
        assert asking.ask_due() == 1
    assert asking.ask_due() == 0  # the next run finds her asked
    assert OutcomeAsk.objects.filter(user=learner).count() == 1
    assert Notice.objects.filter(user=learner, kind=Notice.Kind.OUTCOME_ASK).count() == 1
    rows = OutboxEmail.objects.filter(recipient=learner, kind=OutboxEmail.Kind.OUTCOME_ASK)
    assert rows.count() == 1
    # The outbox sends it (the test settings run tasks at once).
    assert [message.to for message in mail.outbox] == [[learner.email]]


def test_she_is_asked_once_whatever_the_number_of_courses_finished(learner):
    for days in (31, 35, 40):
        finished(learner, days_ago=days)
    asking.ask_due()
    asking.ask_due()
    assert OutcomeAsk.objects.filter(user=learner).count() == 1
    assert Notice.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize(
    ("language", "subject_words", "path"),
    [
        ("ar", "هل وجدت عميلك الأول", "/ar/outcomes/report/"),
        ("fr", "avez-vous trouvé votre premier client", "/fr/outcomes/report/"),
        ("en", "did you find your first client", "/en/outcomes/report/"),
    ],
)
def test_the_email_is_in_her_language_and_opens_the_form(
    learner, settings, language, subject_words, path, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://bidaya.example"
    prefers(learner, language)
    course_key = uuid.uuid4()
    finished(learner, days_ago=30, course_key=course_key)
    with django_capture_on_commit_callbacks(execute=True):
        asking.ask_due()
    row = OutboxEmail.objects.get(recipient=learner)
    assert row.language == language
    [message] = mail.outbox
    assert subject_words in message.subject
    assert f"https://bidaya.example{path}?course={course_key}" in message.body


def test_the_notice_is_worded_when_read_and_links_to_the_form(learner):
    from django.utils import translation

    finished(learner, days_ago=32)
    asking.ask_due()
    notice = Notice.objects.get(user=learner)
    with translation.override("ar"):
        text, url = outbox.notice_text(notice)
    assert "عميل" in text
    assert url.startswith("/ar/outcomes/report/")


def test_nobody_is_asked_before_30_days_or_long_after(learner, other_learner):
    finished(learner, days_ago=29)
    finished(other_learner, days_ago=asking.ASK_UNTIL_DAYS + 1)
    assert asking.ask_due() == 0
    assert not Notice.objects.exists()


def test_a_learner_who_already_reported_a_first_client_is_not_asked(learner):
    finished(learner, days_ago=31)
    OutcomeFactory(user=learner)
    assert asking.ask_due() == 0


def test_a_learner_who_turned_emails_off_gets_the_notice_only(learner):
    NotificationPreference.objects.create(user=learner, email_enabled=False)
    finished(learner, days_ago=31)
    asking.ask_due()
    assert Notice.objects.filter(user=learner).count() == 1
    assert not OutboxEmail.objects.exists()


def test_asking_twice_at_once_asks_once(learner):
    """Two workers both found her due: the second one's row is refused."""
    course = uuid.uuid4()
    assert asking.ask(learner, course) is not None
    assert asking.ask(learner, course) is None
    assert Notice.objects.filter(user=learner).count() == 1


@pytest.fixture
def other_learner(db):
    return UserFactory(email="karim@example.com")
