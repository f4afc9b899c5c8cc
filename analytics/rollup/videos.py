"""Videos: the audience-retention curve, coverage, re-watched passages, megabytes.

A video is cut into at most ``MAX_STRETCHES`` equal stretches (one second each for
videos up to that many seconds). A learner watched a stretch when the merged intervals
the tracker keeps for her cover its middle: skipping ahead adds no interval, so a skip
never counts, and watching a passage twice counts once. The curve is, per stretch, the
share of the video's viewers (learners who watched any of it) who watched it.

Plays are different: every heartbeat's ranges, summed per stretch as heartbeats arrive
(read incrementally by the time they reached the server, never on a page view), so a
passage watched twice by one learner is two plays. Where plays exceed the learners who
watched a stretch by a quarter or more, learners went back to it: those are the
re-watched passages.

The retention of a video is recomputed whole, but only for videos whose progress rows
changed since the previous run.
"""

import math
from collections import defaultdict
from datetime import timedelta

from django.db.models import Q

from analytics.models import Snapshot, VideoPlays
from analytics.rollup.common import move, page_labels, save_snapshots, watermark
from courses.models import CoursePage, LessonPage
from learning.models import ComponentKind, ComponentProgress, Heartbeat
from learning.progress.lessons import components_of
from media_processing.models import Rendition

MAX_STRETCHES = 200
# A heartbeat is written in one short transaction stamped with its arrival time: what
# arrived within this margin of a run may not be committed yet, and waits for the next.
COMMIT_MARGIN = timedelta(seconds=60)
REWATCH_RATIO = 1.25
MAX_PASSAGES = 3


def stretch_seconds(duration):
    return float(max(1, math.ceil(duration / MAX_STRETCHES)))


def stretch_count(duration, width):
    return max(1, math.ceil(duration / width))


def add_intervals(diff, intervals, width, duration):
    """Add one to every stretch whose middle lies in one of ``intervals`` (a difference
    array: ``diff`` has one more cell than there are stretches). The last stretch may be
    shorter than the others; its middle is the middle of what is left of the video."""
    count = len(diff) - 1
    last_middle = ((count - 1) * width + duration) / 2
    for start, end in intervals:
        start, end = float(start), float(end)
        first = max(0, math.ceil(start / width - 0.5))
        stop = min(count - 1, math.ceil(end / width - 0.5))
        if stop > first:
            diff[first] += 1
            diff[stop] -= 1
        if start <= last_middle < end:
            diff[count - 1] += 1
            diff[count] -= 1


def totals(diff):
    out, running = [], 0
    for value in diff[:-1]:
        running += value
        out.append(running)
    return out


def live_videos():
    """``{(lesson key, block id): {...}}`` of the videos in live lessons."""
    found = {}
    courses = {
        c.pk: str(c.translation_key) for c in CoursePage.objects.live().only("translation_key")
    }
    for lesson in LessonPage.objects.live().specific().order_by("path"):
        parent = lesson.get_parent()
        course_key = courses.get(parent.pk) if parent else None
        number = 0
        for component in components_of(lesson):
            if component.kind != ComponentKind.VIDEO:
                continue
            number += 1
            found.setdefault(
                (str(lesson.translation_key), component.id),
                {
                    "course_key": course_key,
                    "video_id": component.video_id,
                    "duration": component.duration,
                    "number": number,
                    "position": lesson.path,
                },
            )
    return found


def count_plays(videos, upto):
    """Add the heartbeats that arrived since the last run to ``VideoPlays``; returns
    ``{video key: heartbeats read}``."""
    mark = watermark("heartbeats")
    beats = Heartbeat.objects.filter(received_at__lte=upto)
    if mark.position is not None:
        beats = beats.filter(received_at__gt=mark.position)
    rows = {(str(r.lesson_key), r.component_id): r for r in VideoPlays.objects.all()}
    diffs, read = {}, defaultdict(int)
    for lesson_key, component_id, intervals in beats.values_list(
        "lesson_key", "component_id", "intervals"
    ).iterator(chunk_size=5000):
        key = (str(lesson_key), component_id)
        video = videos.get(key)
        if video is None or not intervals:
            continue
        if key not in diffs:
            width = stretch_seconds(video["duration"])
            row = rows.get(key)
            if (
                row is None
                or row.bucket_seconds != width
                or len(row.plays) != stretch_count(video["duration"], width)
            ):
                # A new video, or one replaced by a video of another length: start over.
                row = rows[key] = VideoPlays(
                    lesson_key=lesson_key, component_id=component_id, bucket_seconds=width
                )
                row.plays = [0] * stretch_count(video["duration"], width)
            diffs[key] = [0] * (len(row.plays) + 1)
        add_intervals(diffs[key], intervals, rows[key].bucket_seconds, video["duration"])
        read[key] += 1
    for key, diff in diffs.items():
        row = rows[key]
        row.plays = [a + b for a, b in zip(row.plays, totals(diff), strict=True)]
        row.beats += read[key]
        row.save()
    move(mark, upto)
    return read


def _renditions(video_ids):
    found = defaultdict(list)
    for video_id, name, kind, size in Rendition.objects.filter(video_id__in=video_ids).values_list(
        "video_id", "name", "kind", "bytes"
    ):
        found[video_id].append({"name": name, "kind": kind, "bytes": size})
    for rungs in found.values():
        rungs.sort(key=lambda r: (r["kind"] == Rendition.Kind.AUDIO, r["bytes"]))
    return found


def retention(video, rows, width):
    """The figures of one video from its progress rows (``(intervals, watched, spent,
    done)`` tuples)."""
    duration = video["duration"]
    diff = [0] * (stretch_count(duration, width) + 1)
    viewers = finished = 0
    coverage = spent = 0.0
    for intervals, watched, seconds_spent, done_at in rows:
        spent += seconds_spent or 0.0
        if not watched or watched <= 0:
            continue
        viewers += 1
        finished += done_at is not None
        coverage += min(1.0, watched / duration) if duration else 0.0
        add_intervals(diff, intervals or [], width, duration)
    return {
        "viewers": viewers,
        "finished": finished,
        "average_coverage": round(coverage / viewers, 4) if viewers else None,
        "watched": totals(diff),
        "watch_seconds": round(spent, 1),
    }


def passages(watched, plays, width, minimum):
    """Runs of stretches played at least ``REWATCH_RATIO`` times per learner who watched
    them, the most replayed first."""
    runs, current = [], None
    for index, (seen, played) in enumerate(zip(watched, plays, strict=False)):
        hot = seen >= minimum and played >= REWATCH_RATIO * seen
        if hot and current is None:
            current = {"first": index, "last": index, "viewers": seen, "plays": played}
        elif hot:
            current["last"] = index
            current["viewers"] = max(current["viewers"], seen)
            current["plays"] = max(current["plays"], played)
        elif current is not None:
            runs.append(current)
            current = None
    if current is not None:
        runs.append(current)
    runs.sort(key=lambda r: r["plays"] / max(1, r["viewers"]), reverse=True)
    return [
        {
            "start": r["first"] * width,
            "end": (r["last"] + 1) * width,
            "viewers": r["viewers"],
            "plays": r["plays"],
        }
        for r in runs[:MAX_PASSAGES]
    ]


def snapshots(now, minimum):
    """Count the new heartbeats' plays; recompute the videos whose progress changed."""
    upto = now - COMMIT_MARGIN
    videos = live_videos()
    read = count_plays(videos, upto)
    mark = watermark("video-progress")
    rows = ComponentProgress.objects.filter(kind=ComponentKind.VIDEO)
    if mark.position is not None:
        changed = {
            (str(k), c)
            for k, c in rows.filter(updated_at__gt=mark.position)
            .values_list("lesson_key", "component_id")
            .distinct()
        }
        known = set(
            Snapshot.objects.filter(kind=Snapshot.Kind.VIDEO).values_list("subject", flat=True)
        )
        # Videos with new plays, and videos not summarised yet, are recomputed too.
        changed |= {key for key in videos if f"{key[0]}/{key[1]}" not in known}
        changed |= set(read)
        wanted = {key: videos[key] for key in changed if key in videos}
    else:
        wanted = videos
    plays = {
        (str(r.lesson_key), r.component_id): r
        for r in VideoPlays.objects.filter(
            lesson_key__in={k for k, _c in wanted}, component_id__in={c for _k, c in wanted}
        )
    }
    rungs = _renditions({v["video_id"] for v in wanted.values()})
    labels = page_labels({k for k, _c in wanted})
    progress = defaultdict(list)
    if wanted:
        condition = Q()
        for lesson_key, component_id in wanted:
            condition |= Q(lesson_key=lesson_key, component_id=component_id)
        for lesson_key, component_id, *values in (
            rows.filter(condition)
            .values_list(
                "lesson_key",
                "component_id",
                "intervals",
                "watched_seconds",
                "seconds_spent",
                "done_at",
            )
            .iterator(chunk_size=5000)
        ):
            progress[(str(lesson_key), component_id)].append(values)
    out = {}
    for key, video in wanted.items():
        width = stretch_seconds(video["duration"])
        figures = retention(video, progress[key], width)
        row = plays.get(key)
        played = row.plays if row is not None and row.bucket_seconds == width else []
        figures.update(
            {
                "course_key": video["course_key"],
                "number": video["number"],
                "duration": video["duration"],
                "stretch_seconds": width,
                "plays": played,
                "passages": passages(figures["watched"], played, width, minimum),
                "renditions": rungs.get(video["video_id"], []),
            }
        )
        out[f"{key[0]}/{key[1]}"] = {
            "labels": labels.get(key[0], {}),
            "learners": figures["viewers"],
            "position": f"{video['position']}/{video['number']:03d}",
            "data": figures,
        }
    save_snapshots(Snapshot.Kind.VIDEO, out, now, keep_others=True)
    live = {f"{k}/{c}" for k, c in videos}
    Snapshot.objects.filter(kind=Snapshot.Kind.VIDEO).exclude(subject__in=live).delete()
    move(mark, upto)
    return len(out), sum(read.values())
