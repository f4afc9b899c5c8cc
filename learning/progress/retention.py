"""Old heartbeats are deleted; the progress they added stays.

A heartbeat row is the idempotency record of one beat (its event id turns a replay into
a no-op) and an audit trail. What it added to the learner's progress is already in the
progress rows (intervals, coverage, resume position, time spent), which nothing here
touches, and no client replays a beat after a few minutes, let alone after
``BIDAYA_HEARTBEAT_RETENTION_DAYS``. Without pruning the table grows by about a
million rows a day at 10,000 daily learners.

Rows are deleted in batches, each one statement run by the database (no row is read
into Python) and committed on its own: a run holds its locks briefly, memory stays flat
however many rows are old, and the beats arriving meanwhile are not held up. On
PostgreSQL each batch walks the ``received_at`` index from where the previous one
stopped, so it does not wade again through the entries of rows it already deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from learning.models import Heartbeat

BATCH_SIZE = 10_000


def retention_cutoff(now=None, days=None):
    """Heartbeats received before this moment are past keeping."""
    days = settings.BIDAYA_HEARTBEAT_RETENTION_DAYS if days is None else days
    if days < 1:
        raise ValueError("Heartbeats are kept for at least a day (the replay window).")
    return (now or timezone.now()) - timedelta(days=days)


def prune_heartbeats(*, days=None, batch_size=BATCH_SIZE, now=None):
    """Delete the heartbeats past the retention period; returns how many went."""
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    cutoff = retention_cutoff(now, days)
    delete = _delete_batch_postgresql if connection.vendor == "postgresql" else _delete_batch
    total, after = 0, None
    while True:
        with transaction.atomic():
            deleted, after = delete(cutoff, after, batch_size)
        total += deleted
        if deleted < batch_size:
            return total


def _delete_batch_postgresql(cutoff, after, batch_size):
    table = connection.ops.quote_name(Heartbeat._meta.db_table)
    since = "AND received_at >= %s" if after is not None else ""
    params = [cutoff, *([after] if after is not None else []), batch_size]
    sql = f"""
        WITH doomed AS (
            SELECT id FROM {table} WHERE received_at < %s {since}
            ORDER BY received_at LIMIT %s
        ), gone AS (
            DELETE FROM {table} WHERE id IN (SELECT id FROM doomed) RETURNING received_at
        )
        SELECT count(*), max(received_at) FROM gone
    """  # noqa: S608 (the table name is ours, the values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        deleted, last = cursor.fetchone()
    return deleted, last if last is not None else after


def _delete_batch(cutoff, after, batch_size):
    """Other databases (SQLite): the same batches, without the index walk."""
    table = connection.ops.quote_name(Heartbeat._meta.db_table)
    sql = f"""
        DELETE FROM {table} WHERE id IN (
            SELECT id FROM {table} WHERE received_at < %s ORDER BY received_at LIMIT %s
        )
    """  # noqa: S608 (the table name is ours, the values are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [cutoff, batch_size])
        return cursor.rowcount, after
