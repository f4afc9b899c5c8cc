"""Old heartbeats are deleted in batches, on a schedule, without touching progress."""

import tracemalloc
from datetime import timedelta
from io import StringIO

import pytest
from freezegun import freeze_time

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from learning.models import ComponentProgress, Heartbeat
from learning.progress.retention import prune_heartbeats, retention_cutoff
from tests.learning.conftest import played
from tests.learning.test_heartbeats_api import watch

MILLION = 1_000_000
# What a prune of a million rows may allocate in Python at its peak. Loading the rows
# (as QuerySet.delete() does to collect them) would take hundreds of megabytes.
PEAK_BYTES_BOUND = 1024 * 1024


def age(days, **filters):
    """Move heartbeats back in time, as if received ``days`` ago."""
    Heartbeat.objects.filter(**filters).update(received_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def watch_three_beats(api, course, video_component):
    """Three beats of 15 s, sent at once, for a video opened ten minutes before (whose
    opening beat's record is left out: the tests count these three)."""
    with freeze_time(timezone.now() - timedelta(minutes=10)):
        played(api, course.video_lesson, video_component, [])
    Heartbeat.objects.all().delete()
    responses = watch(api, course.video_lesson, video_component, 0, 45, opening=False)
    assert [r.status_code for r in responses] == [200, 200, 200]


@pytest.mark.django_db
def test_old_beats_go_in_batches_recent_ones_and_progress_stay(
    api, learner, course, enrolled, watch_three_beats, settings
):
    settings.BIDAYA_HEARTBEAT_RETENTION_DAYS = 30
    ids = list(Heartbeat.objects.order_by("sent_at").values_list("pk", flat=True))
    age(45, pk=ids[0])
    age(31, pk=ids[1])
    age(29, pk=ids[2])
    before = ComponentProgress.objects.get(user=learner)

    # A batch of one: the loop has to come back for the second old row.
    assert prune_heartbeats(batch_size=1) == 2

    assert list(Heartbeat.objects.values_list("pk", flat=True)) == [ids[2]]
    after = ComponentProgress.objects.get(user=learner)
    assert after.intervals == before.intervals == [[0, 45]]
    assert after.watched_seconds == before.watched_seconds == 45
    assert after.position == before.position
    assert after.seconds_spent == before.seconds_spent
    state = api.get(f"/lessons/{course.video_lesson.pk}/state")
    assert state.status_code == 200, state.content
    assert state.json()["components"][0]["watched_seconds"] == 45


@pytest.mark.django_db
def test_the_retention_period_comes_from_the_setting(settings):
    now = timezone.now()
    settings.BIDAYA_HEARTBEAT_RETENTION_DAYS = 7
    assert retention_cutoff(now) == now - timedelta(days=7)
    settings.BIDAYA_HEARTBEAT_RETENTION_DAYS = 0
    with pytest.raises(ValueError):
        prune_heartbeats()


@pytest.mark.django_db
def test_the_scheduled_command_queues_the_task_that_prunes(enrolled, watch_three_beats):
    age(40, sent_at__lt=timezone.now())  # all three
    Heartbeat.objects.filter(pk=Heartbeat.objects.order_by("-sent_at").first().pk).update(
        received_at=timezone.now()
    )
    # The test profile runs tasks inline, as a worker would run the queued one.
    call_command("prune_heartbeats", once=True, stdout=StringIO())
    assert Heartbeat.objects.count() == 1
    with pytest.raises(SystemExit):
        call_command("prune_heartbeats", interval=0, stderr=StringIO())


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_million_old_beats_are_pruned_in_bounded_memory(learner, settings):
    settings.BIDAYA_HEARTBEAT_RETENTION_DAYS = 30
    table = Heartbeat._meta.db_table
    insert = f"""
        INSERT INTO {table}
            (event_id, user_id, lesson_key, component_id, received_at, sent_at,
             position, intervals, new_seconds)
        SELECT md5('beat' || i)::uuid, %(user)s, md5('lesson' || (i %% 50))::uuid, 'video',
               now() - make_interval(days => %(days)s, secs => i %% 86400),
               now() - make_interval(days => %(days)s, secs => i %% 86400),
               15, '[[0, 15]]'::jsonb, 15
        FROM generate_series(1, %(count)s) AS i
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(insert, {"user": learner.pk, "days": 31, "count": MILLION})
        # Recent rows, numbered past the old ones, which must all survive.
        cursor.execute(
            insert.replace("'beat' || i", "'recent' || i"),
            {"user": learner.pk, "days": 29, "count": 5000},
        )
        cursor.execute(f"ANALYZE {table}")  # noqa: S608
    assert Heartbeat.objects.count() == MILLION + 5000

    tracemalloc.start()
    try:
        deleted = prune_heartbeats()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert deleted == MILLION
    assert peak < PEAK_BYTES_BOUND, f"peak {peak} bytes"
    cutoff = retention_cutoff()
    assert Heartbeat.objects.count() == 5000
    assert not Heartbeat.objects.filter(received_at__lt=cutoff).exists()
