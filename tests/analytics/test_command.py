"""`manage.py rollup_analytics`: the periodic loop queues the task; --now runs it here."""

from io import StringIO

import pytest

from django.core.management import call_command

from analytics.models import Snapshot, Watermark

pytestmark = pytest.mark.django_db


def test_once_queues_the_rollup_task(academy):
    # The test profile runs tasks at once (the immediate backend).
    call_command("rollup_analytics", "--once", stdout=StringIO())
    assert Snapshot.objects.filter(kind=Snapshot.Kind.COURSE).count() == 1
    assert Watermark.objects.filter(name="heartbeats").exists()


def test_now_runs_it_here_and_says_what_it_did(academy):
    out = StringIO()
    call_command("rollup_analytics", "--now", stdout=out)
    assert "courses=2" in out.getvalue()  # the course and its track
    call_command("rollup_analytics", "--now", "--rebuild", stdout=out)
    assert Snapshot.objects.filter(kind=Snapshot.Kind.COURSE).count() == 1


def test_rebuild_without_now_is_refused(academy):
    err = StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command("rollup_analytics", "--rebuild", stderr=err)
    assert stopped.value.code == 2
    assert "--now" in err.getvalue()
