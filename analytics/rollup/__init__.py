"""The rollup: turn raw activity into the rows the analytics pages read.

``run()`` is what the ``rollup_analytics`` task and ``manage.py rollup_analytics
--once`` call. It is incremental where the raw data is large and grows without end:

* heartbeats are read once each, by the time they reached the server, from where the
  previous run stopped (``Watermark`` "heartbeats");
* a video's retention is recomputed only when one of its progress rows changed;
* daily counts are recounted from the day of the previous run on; older days are final.

Everything else (funnels, quizzes, mentoring, outcomes) is a handful of aggregate
queries over bounded tables and is recomputed whole. A run is idempotent: running it
twice in a row changes nothing the second time. Runs take turns (a row lock), so two
workers never count the same heartbeats.
"""

import time as clock
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from analytics import privacy
from analytics.models import VideoPlays, Watermark
from analytics.rollup import courses, mentoring, outcomes, quizzes, videos
from analytics.rollup.common import move, watermark

# Daily counts are recounted from this far before the previous run, so a day that was
# still going on then is counted again whole.
RECOUNT_MARGIN = timedelta(days=1)


def _lock():
    """One run at a time: the rows of the "run" watermark is held until commit."""
    watermark("run")
    return Watermark.objects.select_for_update().get(name="run")


def run(now=None, *, rebuild=False):
    """One rollup; returns what it did, for the command's report and the tests.

    ``rebuild`` forgets what earlier runs counted and starts over from the raw rows
    still kept: for activity written with earlier timestamps than the last run (a
    data import, the demo). Plays of heartbeats already pruned are lost by it.
    """
    now = now or timezone.now()
    started = clock.monotonic()
    with transaction.atomic():
        run_row = _lock()
        if rebuild:
            Watermark.objects.exclude(name="run").delete()
            VideoPlays.objects.all().delete()
        days = watermark("days")
        since = (days.position - RECOUNT_MARGIN).date() if days.position else None
        report = {
            "daily_counts": courses.daily_counts(since) + mentoring.daily_counts(since),
            "courses": courses.snapshots(now),
        }
        report["videos"], report["heartbeats"] = videos.snapshots(now, privacy.min_learners())
        report["quizzes"] = quizzes.snapshots(now)
        report["mentoring"] = mentoring.snapshot(now)
        report["outcomes"] = outcomes.snapshot(now)
        move(days, now, now)
        move(run_row, now, now)
    report["seconds"] = round(clock.monotonic() - started, 2)
    return report
