"""Notices, the mentors' digest, e-mails in each language and the outbox's retries."""

import email
import logging
from datetime import timedelta
from email import policy

import pytest

from django.core import mail
from django.utils import timezone

from mentoring import notify, services
from notifications import outbox
from notifications.models import Notice, NotificationPreference, OutboxEmail
from tests.mentoring.helpers import all_levels, hand_in, make_lesson
from tests.mentoring.smtp_server import SMTPThread, free_port


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def make_due(row):
    OutboxEmail.objects.filter(pk=row.pk).update(send_after=timezone.now() - timedelta(seconds=1))


def test_mentors_get_one_digest_for_several_arrivals(roles, lesson, course, khamsat, run_on_commit):
    lessons = [lesson] + [make_lesson(khamsat, parent=course) for _ in range(2)]
    for each in lessons:
        run_on_commit(hand_in, roles["learner"], each)

    mentor = roles["mentor"]
    assert Notice.objects.filter(user=mentor, kind="submission_arrived").count() == 3
    # Cohort A's mentor only: the lead and the other cohort's mentor are not bothered.
    assert not Notice.objects.exclude(user=mentor).exists()
    row = OutboxEmail.objects.get()
    assert (row.recipient, row.kind, row.status) == (mentor, "submission_digest", "pending")
    assert len(row.data["items"]) == 3
    assert row.send_after > timezone.now()  # waiting for more arrivals
    assert mail.outbox == []

    make_due(row)
    assert outbox.send_due() == 1
    [message] = mail.outbox
    assert message.to == ["mentor@example.com"]
    assert message.subject == "3 أعمال جديدة بانتظار مراجعتك"
    assert message.body.count("اكتب عرضا لخدمتك") == 3
    assert "https://bidaya.example/ar/mentor/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'dir="rtl"' in html and 'lang="ar"' in html
    row.refresh_from_db()
    assert (row.status, row.subject) == ("sent", message.subject)


def test_a_new_digest_opens_after_the_last_one_was_sent(
    roles, lesson, course, khamsat, run_on_commit
):
    run_on_commit(hand_in, roles["learner"], lesson)
    first = OutboxEmail.objects.get()
    make_due(first)
    outbox.send_due()
    run_on_commit(hand_in, roles["learner"], make_lesson(khamsat, parent=course))
    assert OutboxEmail.objects.filter(status="pending").count() == 1
    assert OutboxEmail.objects.exclude(pk=first.pk).get().data["items"] != first.data["items"]


def test_a_digest_whose_work_was_all_picked_up_is_not_sent(roles, submitted, run_on_commit):
    # The fixture handed in without running on-commit work; do it now.
    run_on_commit(notify.submission_arrived, submitted.pk)
    services.claim(submitted, roles["mentor"])
    services.decide(submitted, roles["mentor"], "approve", levels={0: 2, 1: 1}, feedback="ممتاز")
    row = OutboxEmail.objects.get(kind="submission_digest")
    make_due(row)
    outbox.send_due()
    row.refresh_from_db()
    assert row.status == "skipped"
    assert mail.outbox == []


def test_work_from_a_learner_in_no_cohort_goes_to_the_lead_mentors(roles, lesson, run_on_commit):
    from mentoring.models import CohortMembership

    CohortMembership.objects.filter(learner=roles["learner"]).delete()
    submission = run_on_commit(hand_in, roles["learner"], lesson)
    assert submission.cohort is None
    assert set(Notice.objects.values_list("user__username", flat=True)) == {"lead"}


EXPECTED = {
    "ar": ("تمت الموافقة على عملك: اكتب عرضا لخدمتك", "الدرجة: 7 من 7", "ملاحظات المرشد"),
    "en": (
        "Your work was approved: اكتب عرضا لخدمتك",
        "Score: 7 out of 7",
        "Your mentor's feedback",
    ),
    "fr": (
        "Votre travail est validé : اكتب عرضا لخدمتك",
        "Note : 7 sur 7",
        "Les remarques de votre mentor",
    ),
}


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_review_email_is_in_the_learner_language(
    language, roles, submitted, lesson, run_on_commit
):
    learner, mentor = roles["learner"], roles["mentor"]
    NotificationPreference.objects.create(user=learner, language=language)
    services.claim(submitted, mentor)
    run_on_commit(
        services.decide,
        submitted,
        mentor,
        "approve",
        levels=all_levels(lesson),
        feedback="عرض واضح ومقنع",
    )
    [message] = [m for m in mail.outbox if m.to == ["learner@example.com"]]
    subject, score, heading = EXPECTED[language]
    assert message.subject == subject
    assert score in message.body and heading in message.body
    assert "عرض واضح ومقنع" in message.body
    assert f"https://bidaya.example/{language}/learn/lessons/{lesson.pk}/" in message.body
    html = message.alternatives[0][0]
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) == (language == "ar")
    notice = Notice.objects.get(user=learner)
    assert (notice.kind, notice.data["decision"]) == ("review_done", "approve")


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "New work to review: اكتب عرضا لخدمتك"),
        ("fr", "Nouveau travail à relire : اكتب عرضا لخدمتك"),
        ("ar", "عمل جديد بانتظار مراجعتك: اكتب عرضا لخدمتك"),
    ],
)
def test_the_digest_is_in_the_mentor_language(language, subject, roles, lesson, run_on_commit):
    NotificationPreference.objects.create(user=roles["mentor"], language=language)
    run_on_commit(hand_in, roles["learner"], lesson)
    make_due(OutboxEmail.objects.get())
    outbox.send_due()
    [message] = mail.outbox
    assert message.subject == subject
    assert f"https://bidaya.example/{language}/mentor/" in message.body


def test_without_a_preference_the_learner_hears_in_the_language_they_handed_in(
    roles, lesson, run_on_commit
):
    submission = hand_in(roles["learner"], lesson, language="fr")
    services.claim(submission, roles["mentor"])
    run_on_commit(
        services.decide,
        submission,
        roles["mentor"],
        "request_changes",
        levels=all_levels(lesson, 0),
        feedback="Précisez le prix.",
    )
    [message] = mail.outbox
    assert message.subject.startswith("Votre mentor demande des modifications")


def test_no_email_for_someone_who_turned_them_off(roles, submitted, lesson, run_on_commit):
    NotificationPreference.objects.create(user=roles["learner"], email_enabled=False)
    services.claim(submitted, roles["mentor"])
    run_on_commit(
        services.decide,
        submitted,
        roles["mentor"],
        "approve",
        levels=all_levels(lesson),
        feedback="ok",
    )
    assert not OutboxEmail.objects.filter(recipient=roles["learner"]).exists()
    assert Notice.objects.filter(user=roles["learner"]).exists()


def test_a_failed_send_is_kept_logged_and_retried_until_it_goes(
    roles, submitted, lesson, settings, run_on_commit, caplog
):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    services.claim(submitted, roles["mentor"])
    with caplog.at_level(logging.WARNING, logger="notifications.outbox"):
        run_on_commit(
            services.decide,
            submitted,
            roles["mentor"],
            "approve",
            levels=all_levels(lesson),
            feedback="ممتاز",
        )
    row = OutboxEmail.objects.get(recipient=roles["learner"])
    # Nothing listens on the port yet: the send failed, and nothing was lost.
    assert (row.status, row.attempts) == ("pending", 1)
    assert "ConnectionRefusedError" in row.last_error
    assert row.send_after > timezone.now()
    assert any("retrying" in record.getMessage() for record in caplog.records)
    assert outbox.send_due() == 0  # not due yet: the backoff holds

    with SMTPThread(port) as server:
        make_due(row)
        assert outbox.send_due() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 1)
    [received] = server.messages
    parsed = email.message_from_bytes(received["data"], policy=policy.default)
    assert received["to"] == ["learner@example.com"]
    assert str(parsed["Subject"]).strip() == "تمت الموافقة على عملك: اكتب عرضا لخدمتك"


def test_after_the_last_attempt_the_row_stays_as_failed(
    roles, submitted, lesson, settings, run_on_commit, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 5
    settings.BIDAYA_EMAIL_MAX_ATTEMPTS = 2
    services.claim(submitted, roles["mentor"])
    run_on_commit(
        services.decide,
        submitted,
        roles["mentor"],
        "approve",
        levels=all_levels(lesson),
        feedback="ok",
    )
    row = OutboxEmail.objects.get(recipient=roles["learner"])
    make_due(row)
    with caplog.at_level(logging.ERROR, logger="notifications.outbox"):
        outbox.send_due()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 2)
    assert any("Gave up" in r.getMessage() for r in caplog.records)


def test_backoff_grows_and_is_capped():
    assert [outbox.backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert outbox.backoff(30) == outbox.MAX_BACKOFF


def test_a_backend_that_can_wait_gets_the_digest_scheduled_for_later(roles, submitted, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    row = outbox.add_to_digest(roles["mentor"], OutboxEmail.Kind.SUBMISSION_DIGEST, submitted.pk, 5)
    outbox.schedule(row)
    task = DBTaskResult.objects.get(task_path="notifications.outbox.deliver_email")
    assert task.run_after == row.send_after
    assert task.args_kwargs["args"] == [row.pk]
