"""Heartbeats from the player: what was played, and where to resume.

The path is kept short because it is the busiest write of the site: the lesson's
summary comes from the cache, and a beat is one transaction of three statements
(lock the video's progress row if the learner is enrolled, update it, insert the
heartbeat).

Locks: a beat locks its video's progress row, and only when that row is new or the
video has just been finished does it also lock the enrolment (to record the lesson
and course). Every other writer locks the enrolment first and never locks a video's
row (``complete_component`` refuses videos), so the two orders cannot deadlock.

Rules: the lesson must be live and the learner enrolled in its course; the position
and every interval must lie within the video; and an event id is used once — a replay
by the same learner of the same beat is answered with the current state, any other
reuse is a conflict. Each of these is refused.

Coverage is credited only as far as the server's clock allows: a beat adds at most
what the fastest playback speed could have played since the learner opened the video
or sent the previous beat, measured when they reached the server. The first beat of a
video opens it (the player sends it, with no ranges, when playback starts) and credits
nothing, so a forged "I watched it all" gains nothing however short the video. What
does not fit is not refused but left uncredited (the earliest ranges are credited
first), so a learner back from a long time offline keeps what the cap allows instead
of losing whole beats; the answer says how much was left out.

Resume positions are ordered by the server's clock too: a beat counts as made when it
reached the server less the time it waited in the player's queue (``age``, measured on
the device's own clock), so two devices whose clocks disagree still take turns, and a
late, queued beat cannot move the position back.

Late beats (made offline and sent when the connection returned) are accepted for
``BIDAYA_LATE_HEARTBEAT_DAYS`` and refused after that. They are merged as if they had
arrived on time: the cap's clock runs on when each beat was *made* (its arrival less
its age), so beats queued a quarter of an hour apart while offline refill the allowance
by a quarter of an hour each, not by the milliseconds between their arrivals. That
clock never goes back and never passes the arrival, so the sum of what one return from
offline may add is at most 2× the server-clock span between the previous beat the
server saw for this video (for a video first opened offline: the enrolment, or the
start of the window if later) and the arrival — whatever ages the device claims.
"""

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists
from django.utils import timezone

from config.prepared import Prepared
from learning.models import ComponentKind, ComponentProgress, Enrolment, Heartbeat
from learning.progress import intervals as iv
from learning.progress import lessons as lesson_index
from learning.progress.completion import component_row, settle
from learning.progress.enrolment import lock_enrolment
from learning.progress.errors import EventConflict, NotFound, OutOfRange, TooLate, UnknownRung

# The player offers speeds up to 2×, so coverage can grow by at most two seconds per
# second of wall-clock time. The allowance that refills at that rate is capped, so a
# learner back from a few minutes offline gets the queued beats counted, but waiting a
# day and then claiming a whole video at once does not work.
MAX_PLAYBACK_RATE = 2.0
BURST_SECONDS = 300.0


def late_window():
    """How long a beat may wait on the device (offline) and still be counted."""
    return timedelta(days=settings.BIDAYA_LATE_HEARTBEAT_DAYS)


def waited(beat):
    """Seconds the beat waited on the device before reaching the server.

    The device's own measure (``age``), which does not depend on its clock being right;
    ``sent_at`` does, so a beat without an age counts as sent on time.
    """
    return max(0.0, float(beat.age or 0.0))


def slack_seconds():
    """Time spent allowed beyond the wall-clock bound: one beat's worth, sent late or early."""
    return float(getattr(settings, "BIDAYA_HEARTBEAT_SLACK_SECONDS", 40))


@dataclass
class Beat:
    event_id: object
    lesson_id: int
    component_id: str
    position: float
    intervals: list
    sent_at: datetime | None = None
    # Seconds the beat waited on the device before this request (device clock).
    age: float | None = None
    # The ladder rung that played the ranges ("240p", "audio"), to count the data used.
    rung: str | None = None


@dataclass
class BeatResult:
    duplicate: bool
    row: ComponentProgress
    # New coverage this beat claimed that time did not allow (not counted).
    uncredited_seconds: float = 0.0
    # None when this beat could not have changed them (only a first beat or the one that
    # finishes the video looks).
    lesson_done: bool | None = None
    course_done: bool | None = None

    def as_dict(self):
        row = self.row
        return {
            "duplicate": self.duplicate,
            "component_id": row.component_id,
            "duration": row.duration,
            "watched_seconds": row.watched_seconds,
            "coverage": round(row.coverage, 4),
            "position": row.position,
            "video_done": row.done_at is not None,
            "lesson_done": self.lesson_done,
            "course_done": self.course_done,
            "uncredited_seconds": round(self.uncredited_seconds, 3),
        }


BEAT_FIELDS = (
    "duration",
    "intervals",
    "watched_seconds",
    "position",
    "position_at",
    "last_beat_at",
    "updated_at",
    "seconds_spent",
    "allowance",
    "done_at",
)


def _prep(model, name, value):
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def durable_commit():
    """Commit this transaction synchronously after all.

    Heartbeats are committed without waiting for the WAL to reach the disk (see
    ``write_beat``): a beat is small and superseded seconds later, and should the
    database server crash, at most the last fraction of a second of beats is lost,
    whole transactions at a time. A beat that records a start or a completion must not
    be lost, so it switches back (the value in force at commit decides).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO ON")


def _locked_rows(user_id, lesson_key, component_id, member_id, course_key):
    enrolled = Enrolment.objects.filter(
        user_id=member_id, course_key=course_key, status=Enrolment.Status.ACTIVE
    )
    return (
        ComponentProgress.objects.filter(
            Exists(enrolled), user_id=user_id, lesson_key=lesson_key, component_id=component_id
        )
        .select_for_update()
        .order_by()
    )


# Compiled once: it runs on every heartbeat, where compiling it cost more than the
# database's work.
_LOCKED_ROW = Prepared(
    _locked_rows,
    user_id=int,
    lesson_key=uuid.UUID,
    component_id=str,
    member_id=int,
    course_key=uuid.UUID,
)


def locked_row(user, info, component):
    """The learner's row for this video, locked, if they are enrolled; else ``None``."""
    rows = _LOCKED_ROW(
        user_id=user.pk,
        lesson_key=uuid.UUID(str(info.key)),
        component_id=component.id,
        member_id=user.pk,
        course_key=uuid.UUID(str(info.course_key)),
    )
    return rows[0] if rows else None


HEARTBEAT_FIELDS = (
    "event_id",
    "user_id",
    "lesson_key",
    "component_id",
    "received_at",
    "sent_at",
    "position",
    "intervals",
    "new_seconds",
    "rung",
    "data_bytes",
)


def write_beat(row, heartbeat):
    """Save the row and record the heartbeat (whose unique event id may raise).

    On PostgreSQL the two statements go in one round trip (psycopg's client-side
    binding allows several statements per call), committed without waiting for the
    disk unless ``durable_commit`` says otherwise.
    """
    rows = ComponentProgress._meta.db_table
    assignments = ", ".join(f"{name} = %s" for name in BEAT_FIELDS)
    update = f"UPDATE {rows} SET {assignments} WHERE id = %s"  # noqa: S608
    update_params = [_prep(ComponentProgress, n, getattr(row, n)) for n in BEAT_FIELDS]
    update_params.append(row.pk)
    heartbeats = Heartbeat._meta.db_table
    columns = ", ".join(HEARTBEAT_FIELDS)
    marks = ", ".join(["%s"] * len(HEARTBEAT_FIELDS))
    insert = f"INSERT INTO {heartbeats} ({columns}) VALUES ({marks})"  # noqa: S608
    insert_params = [_prep(Heartbeat, name, getattr(heartbeat, name)) for name in HEARTBEAT_FIELDS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SET LOCAL synchronous_commit TO OFF; {update}; {insert}",
                [*update_params, *insert_params],
            )
        else:
            cursor.execute(update, update_params)
            cursor.execute(insert, insert_params)


def record(user, beat, now=None):
    """Apply one heartbeat for ``user``; returns a :class:`BeatResult` or raises."""
    now = now or timezone.now()
    info = lesson_index.lesson_info(beat.lesson_id)
    if info is None:
        raise NotFound()
    component = info.component(beat.component_id)
    if component is None or component.kind != ComponentKind.VIDEO:
        raise NotFound()
    duration = component.duration
    position = float(beat.position)
    if not math.isfinite(position) or not (
        -iv.TOLERANCE_SECONDS <= position <= duration + iv.TOLERANCE_SECONDS
    ):
        raise OutOfRange(field="position")
    position = min(max(position, 0.0), duration)
    try:
        played = iv.clean(beat.intervals, duration)
    except iv.IntervalError as error:
        raise OutOfRange(field="intervals", index=error.index) from None
    rung = beat.rung or ""
    rate = component.bytes_per_second(rung) if rung else 0.0
    if rate is None:
        raise UnknownRung(rung=rung)
    sent_at = beat.sent_at or now
    if timezone.is_naive(sent_at):
        sent_at = timezone.make_aware(sent_at, UTC)
    sent_at = min(sent_at, now)
    age = waited(beat)
    window = late_window()
    if age > window.total_seconds():
        raise TooLate(days=window.days)
    made_at = now - timedelta(seconds=age)

    try:
        with transaction.atomic():
            enrolment = None
            row = locked_row(user, info, component)
            created = False
            if row is None:
                # The first beat for this video, or no enrolment: the slow path.
                enrolment = lock_enrolment(user, info.course_key)
                row, created = component_row(user, info, component, now)
            if created or row.duration != duration:
                row.duration = duration
            if row.last_beat_at is None:
                # This beat opens the video: no time has passed on the server's clock.
                # Made offline, it starts the clock when it was made, but not before the
                # enrolment nor the window.
                enrolment = enrolment or lock_enrolment(user, info.course_key)
                clock = min(now, max(made_at, enrolment.enrolled_at, now - window))
                elapsed = 0.0
                allowance = 0.0
            else:
                clock = min(now, max(made_at, row.last_beat_at))
                elapsed = max(0.0, (clock - row.last_beat_at).total_seconds())
                allowance = min(BURST_SECONDS, row.allowance + elapsed * MAX_PLAYBACK_RATE)
            claimed = iv.difference(played, row.intervals)
            merged = iv.merge(row.intervals, iv.earliest(claimed, allowance))
            watched = iv.total(merged)
            added = max(0.0, watched - row.watched_seconds)
            uncredited = max(0.0, iv.total(claimed) - added)
            spent = min(iv.raw_total(played), elapsed + slack_seconds() / 2)
            row.allowance = max(0.0, allowance - added)
            row.intervals = merged
            row.watched_seconds = watched
            if row.position_at is None or made_at >= row.position_at:
                row.position = position
                row.position_at = made_at
            row.last_beat_at = clock
            row.updated_at = now
            row.seconds_spent = row.seconds_spent + spent
            newly_done = (
                row.done_at is None and watched >= lesson_index.completion_threshold() * duration
            )
            if newly_done:
                row.done_at = now
            # Plain UPDATE and INSERT: no model signals to run on the busiest write.
            write_beat(
                row,
                Heartbeat(
                    event_id=beat.event_id,
                    user_id=user.pk,
                    lesson_key=info.key,
                    component_id=component.id,
                    received_at=now,
                    sent_at=sent_at,
                    position=position,
                    intervals=played,
                    new_seconds=round(added, 3),
                    rung=rung,
                    data_bytes=round(iv.raw_total(played) * rate),
                ),
            )
            result = BeatResult(duplicate=False, row=row, uncredited_seconds=uncredited)
            if created or newly_done:
                # A beat that records a start or a completion commits durably.
                durable_commit()
                enrolment = enrolment or lock_enrolment(user, info.course_key)
                completion = settle(user, info, enrolment, now)
                result.lesson_done = completion.lesson_done
                result.course_done = completion.course_done
            return result
    except IntegrityError:
        previous = Heartbeat.objects.filter(event_id=beat.event_id).first()
        if previous is None:
            raise
        same_beat = (
            previous.user_id == user.pk
            and str(previous.lesson_key) == info.key
            and previous.component_id == component.id
        )
        if not same_beat:
            raise EventConflict() from None
        row = ComponentProgress.objects.get(
            user=user, lesson_key=info.key, component_id=component.id
        )
        return BeatResult(duplicate=True, row=row)
