"""Audience retention from the merged watched intervals, re-watched passages from the
heartbeats, and a rollup that reads heartbeats once each."""

import uuid
from datetime import timedelta

import pytest

from django.utils import timezone

from analytics import reading
from analytics.models import DailyCount, Snapshot, VideoPlays
from learning.models import ComponentKind, ComponentProgress, Heartbeat
from learning.progress.retention import prune_heartbeats

pytestmark = pytest.mark.django_db

# Five viewers of the 10-second video: two watched it all, one stopped at 5 s, one
# skipped from 2 s to 8 s, one stopped at 3 s.
WATCHED = [[[0, 10]], [[0, 5]], [[0, 2], [8, 10]], [[0, 10]], [[0, 3]]]


def watch(course, user, intervals, updated=None):
    seconds = sum(end - start for start, end in intervals)
    return ComponentProgress.objects.create(
        user=user,
        course_key=course.translation_key,
        lesson_key=course.video_lesson.translation_key,
        component_id=course.video_id,
        kind=ComponentKind.VIDEO,
        duration=10.0,
        intervals=intervals,
        watched_seconds=seconds,
        seconds_spent=seconds,
        done_at=timezone.now() if seconds >= 9 else None,
        updated_at=updated or timezone.now(),
    )


def beat(course, user, intervals, received_at):
    return Heartbeat.objects.create(
        event_id=uuid.uuid4(),
        user=user,
        lesson_key=course.video_lesson.translation_key,
        component_id=course.video_id,
        received_at=received_at,
        sent_at=received_at,
        position=intervals[-1][1],
        intervals=intervals,
    )


@pytest.fixture
def viewers(academy, learners, threshold):
    for user, intervals in zip(learners, WATCHED, strict=False):
        watch(academy, user, intervals)
    # Opened the video, watched nothing: not a viewer.
    watch(academy, learners[5], [])
    return academy


def video_key(course):
    return f"{course.video_lesson.translation_key}/{course.video_id}"


def test_retention_is_the_share_of_viewers_who_watched_each_second(viewers, rollup):
    rollup()
    figures = reading.video(video_key(viewers))
    assert figures["viewers"] == 5
    shares = [point["watched_share"] for point in figures["curve"]]
    # Second 2 was watched by four of five (the skipper jumped over it), seconds 5-7
    # only by the two who watched it all, the end again by three (the skipper came back).
    assert shares == [100.0, 100.0, 80.0, 60.0, 60.0, 40.0, 40.0, 40.0, 60.0, 60.0]
    # Coverage 1, 0.5, 0.4, 1 and 0.3: on average 64 %.
    assert figures["average_coverage"] == 64.0
    assert figures["finished"] is None  # two finished: fewer than five


def test_seeking_to_the_end_adds_nothing(academy, learners, threshold, rollup):
    # Five learners jump to the last second and watch it: the rest of the curve is empty.
    for user in learners[:5]:
        watch(academy, user, [[9, 10]])
    rollup()
    shares = [p["watched_share"] for p in reading.video(video_key(academy))["curve"]]
    assert shares == [0.0] * 9 + [100.0]


def test_passages_played_again_are_found_from_the_heartbeats(viewers, learners, threshold, rollup):
    threshold(3)
    earlier = timezone.now() - timedelta(minutes=10)
    for user, intervals in zip(learners, WATCHED, strict=False):
        beat(viewers, user, intervals, earlier)
    # Three viewers went back to seconds 2-4.
    for user in (learners[0], learners[1], learners[3]):
        beat(viewers, user, [[2, 4]], earlier)
    rollup()
    figures = reading.video(video_key(viewers))
    # Second 2: four watched it, seven plays; second 3: three watched, six plays.
    assert figures["passages"] == [{"start": 2.0, "end": 4.0, "viewers": 4, "plays": 7}]
    assert figures["curve"][2]["plays_per_viewer"] == round(7 / 5, 2)


def test_heartbeats_are_read_once_and_pruning_them_loses_nothing(viewers, learners, rollup):
    now = timezone.now()
    beat(viewers, learners[0], [[0, 4]], now - timedelta(minutes=10))
    rollup(now)
    plays = VideoPlays.objects.get().plays
    assert plays[:5] == [1, 1, 1, 1, 0]
    # Pruned heartbeats (past the retention period) keep their plays.
    prune_heartbeats(days=1, now=now + timedelta(days=2))
    assert not Heartbeat.objects.exists()
    rollup(now + timedelta(minutes=5))
    assert VideoPlays.objects.get().plays == plays
    # A new beat adds its own plays, once, however many runs follow.
    beat(viewers, learners[1], [[3, 5]], now + timedelta(minutes=6))
    rollup(now + timedelta(minutes=10))
    rollup(now + timedelta(minutes=20))
    assert VideoPlays.objects.get().plays[:6] == [1, 1, 1, 2, 1, 0]
    assert VideoPlays.objects.get().beats == 2


def test_a_beat_that_may_not_be_committed_yet_waits_for_the_next_run(viewers, learners, rollup):
    now = timezone.now()
    beat(viewers, learners[0], [[0, 4]], now - timedelta(seconds=5))
    rollup(now)
    assert not VideoPlays.objects.exists()
    rollup(now + timedelta(minutes=2))
    assert VideoPlays.objects.get().plays[:4] == [1, 1, 1, 1]


def test_a_second_run_changes_nothing(viewers, learners, rollup):
    beat(viewers, learners[0], [[0, 4]], timezone.now() - timedelta(minutes=10))
    rollup()

    def state():
        snapshots = {(s.kind, s.subject): (s.learners, s.data) for s in Snapshot.objects.all()}
        counts = set(DailyCount.objects.values_list("metric", "subject", "day", "value"))
        return snapshots, counts, list(VideoPlays.objects.values_list("plays", "beats"))

    first = state()
    rollup()
    assert state() == first


def test_only_videos_whose_progress_changed_are_recomputed(viewers, learners, rollup):
    now = timezone.now() + timedelta(minutes=2)
    rollup(now)
    row = Snapshot.objects.get(kind=Snapshot.Kind.VIDEO)
    computed = row.computed_at
    rollup(now + timedelta(minutes=5))
    assert Snapshot.objects.get(pk=row.pk).computed_at == computed
    watch(viewers, learners[6], [[0, 10]], updated=now + timedelta(minutes=6))
    rollup(now + timedelta(minutes=10))
    row.refresh_from_db()
    assert row.computed_at > computed and row.learners == 6


def test_the_last_short_stretch_counts_for_those_who_watched_to_the_end():
    from analytics.rollup.videos import add_intervals, totals

    # 10.4 s in 1-second stretches: the eleventh is 0.4 s long, its middle at 10.2 s.
    diff = [0] * 12
    add_intervals(diff, [[0, 10.4]], 1.0, 10.4)
    add_intervals(diff, [[0, 10.1]], 1.0, 10.4)
    assert totals(diff) == [2] * 10 + [1]
