"""Rows of the analytics rollup (normally written by ``analytics.rollup.run``)."""

import uuid

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from analytics.models import DailyCount, Snapshot, VideoPlays, Watermark


class WatermarkFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"part-{n}")
    position = factory.LazyFunction(timezone.now)

    class Meta:
        model = Watermark


class DailyCountFactory(DjangoModelFactory):
    metric = DailyCount.Metric.ENROLLED
    subject = factory.LazyFunction(lambda: str(uuid.uuid4()))
    day = factory.LazyFunction(timezone.localdate)
    value = 7

    class Meta:
        model = DailyCount


class SnapshotFactory(DjangoModelFactory):
    """A track's figures, about 12 learners."""

    kind = Snapshot.Kind.TRACK
    subject = factory.Sequence(lambda n: f"track-{n}")
    learners = 12
    data = factory.LazyFunction(
        lambda: {
            "courses": 1,
            "enrolled": 12,
            "started": 10,
            "finished": 6,
            "badged": 5,
            "median_days": 9.5,
            "finishers_timed": 6,
        }
    )

    class Meta:
        model = Snapshot


class VideoPlaysFactory(DjangoModelFactory):
    lesson_key = factory.LazyFunction(uuid.uuid4)
    component_id = factory.LazyFunction(lambda: str(uuid.uuid4()))
    bucket_seconds = 1.0
    plays = factory.LazyFunction(lambda: [3, 3, 2, 1])
    beats = 3

    class Meta:
        model = VideoPlays
