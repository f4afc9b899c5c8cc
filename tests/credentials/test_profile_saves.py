"""Profile saves are limited per learner, and each learner has at most one re-signing
of their badges waiting in the queue, however often they save."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.utils import translation

from credentials import awarding, tasks
from credentials.models import BadgeAward, BadgeRule, LearnerProfile

from .world import make_badge, make_user

pytestmark = pytest.mark.django_db

RESIGN_TASK = "credentials.tasks.resign_credentials"


@pytest.fixture
def holder(badge_world, django_capture_on_commit_callbacks):
    """A learner holding one valid badge."""
    learner = make_user(display_name_ar="عفاف", display_name_latin="Afaf", is_public=True)
    mentor = make_user(groups=["Mentors"])
    badge = make_badge(BadgeRule.MANUAL, name_en="Community helper")
    with django_capture_on_commit_callbacks(execute=True):
        awarding.award_by_hand(badge, learner, by=mentor, reason="ساعد زملاءه في المجموعة")
    assert BadgeAward.objects.valid().filter(recipient=learner).count() == 1
    return learner


@pytest.fixture
def queued_tasks(settings):
    """Tasks kept in the database queue, as production runs them, instead of inline."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "media"]}
    }

    def pending():
        return DBTaskResult.objects.ready().filter(task_path=RESIGN_TASK)

    return pending


def save(client, capture, name):
    with capture(execute=True):
        return client.post(
            "/ar/profile/",
            {"display_name_ar": name, "display_name_latin": "Afaf", "is_public": "on"},
        )


def test_many_saves_queue_one_resigning(
    client, holder, queued_tasks, django_capture_on_commit_callbacks
):
    client.force_login(holder)
    for name in ("عفاف ١", "عفاف ٢", "عفاف ٣"):
        assert save(client, django_capture_on_commit_callbacks, name).status_code == 302
    (waiting,) = queued_tasks()
    assert waiting.args_kwargs["args"] == [holder.pk]

    # Once it starts, the next save queues a run of its own (the running one may have
    # read the profile before that save).
    tasks.resign_credentials.call(holder.pk)
    waiting.delete()
    assert save(client, django_capture_on_commit_callbacks, "عفاف ٤").status_code == 302
    assert queued_tasks().count() == 1


def test_learners_do_not_share_the_waiting_slot(
    client, holder, queued_tasks, django_capture_on_commit_callbacks
):
    other = make_user(display_name_ar="هدى", display_name_latin="Huda", is_public=True)
    awarding.award_by_hand(
        make_badge(BadgeRule.MANUAL, name_en="Helper"), other, by=holder, reason="ساعدت"
    )
    for learner in (holder, other):
        client.force_login(learner)
        assert save(client, django_capture_on_commit_callbacks, "اسم").status_code == 302
    assert sorted(row.args_kwargs["args"][0] for row in queued_tasks()) == sorted(
        [holder.pk, other.pk]
    )


def test_saves_past_the_limit_are_refused_and_say_when(
    client, holder, settings, django_capture_on_commit_callbacks
):
    settings.BIDAYA_RATE_PROFILE = "2/h"
    client.force_login(holder)
    assert save(client, django_capture_on_commit_callbacks, "عفاف ١").status_code == 302
    assert save(client, django_capture_on_commit_callbacks, "عفاف ٢").status_code == 302
    response = save(client, django_capture_on_commit_callbacks, "عفاف ٣")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert LearnerProfile.objects.get(user=holder).display_name_ar == "عفاف ٢"
    page = response.content.decode()
    # What the learner typed is still in the form.
    assert 'value="عفاف ٣"' in page
    with translation.override("ar"):
        expected = translation.ngettext(
            "You saved your profile many times in a short while. Nothing was saved this "
            "time; what you typed is still here. Try again in %(minutes)d minute.",
            "You saved your profile many times in a short while. Nothing was saved this "
            "time; what you typed is still here. Try again in %(minutes)d minutes.",
            60,
        )
    assert expected.split("%(minutes)d")[0] in page
