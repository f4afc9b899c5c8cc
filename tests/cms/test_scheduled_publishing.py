"""A story scheduled for later goes live when publish_scheduled runs after its time."""

from datetime import timedelta
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision

from cms.models import SuccessStoryPage
from tests.factories.cms import SuccessStoryPageFactory

pytestmark = pytest.mark.django_db


def test_scheduled_story_goes_live_only_once_its_time_has_come(client, index):
    story = SuccessStoryPageFactory(parent=index, slug="later", live=False)
    story.go_live_at = timezone.now() + timedelta(hours=1)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    revision = story.scheduled_revision
    assert revision.approved_go_live_at > timezone.now()

    call_command("publish_scheduled_loop", once=True, stdout=StringIO())
    assert not SuccessStoryPage.objects.get(pk=story.pk).live
    assert client.get("/ar/stories/later/").status_code == 404

    # An hour passes: move the stored times back instead of the clock forward.
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=past, content=revision.content
    )
    call_command("publish_scheduled_loop", once=True, stdout=StringIO())
    assert SuccessStoryPage.objects.get(pk=story.pk).live
    assert client.get("/ar/stories/later/").status_code == 200


def test_loop_refuses_a_zero_interval():
    with pytest.raises(SystemExit):
        call_command("publish_scheduled_loop", interval=0, stderr=StringIO())
