"""Operator commands: import_video and requeue_videos."""

import io
import json
from datetime import timedelta

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from media_processing import storage
from media_processing.models import Video
from tests.factories.media import VideoFactory
from tests.media_processing.conftest import transcodes

pytestmark = pytest.mark.django_db

KEYS = {"id", "status", "error", "duration", "width", "height", "renditions", "master_url"}


def import_video(*args):
    out = io.StringIO()
    try:
        call_command("import_video", *args, stdout=out, stderr=io.StringIO())
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


@pytest.mark.slow
def test_import_and_wait_prints_the_ladder_as_json(media):
    code, out = import_video(str(media.path("rotated")), "--title", "درس عمودي", "--wait", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == KEYS
    assert data["status"] == "ready" and data["error"] == ""
    assert data["duration"] == pytest.approx(4.0, abs=0.5)
    assert (data["width"], data["height"]) == (360, 640)
    assert data["renditions"] == [
        {
            "name": "240p",
            "width": 240,
            "height": 426,
            "bandwidth": data["renditions"][0]["bandwidth"],
        },
        {
            "name": "360p",
            "width": 360,
            "height": 640,
            "bandwidth": data["renditions"][1]["bandwidth"],
        },
        {
            "name": "audio",
            "width": None,
            "height": None,
            "bandwidth": data["renditions"][2]["bandwidth"],
        },
    ]
    assert all(r["bandwidth"] > 0 for r in data["renditions"])
    assert data["master_url"].endswith("/master.m3u8")
    assert Video.objects.get(pk=data["id"]).title == "درس عمودي"


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "phrase"), [("text", "not a video"), ("truncated", "incomplete")])
def test_import_of_an_unusable_file_exits_non_zero_with_a_reason(media, kind, phrase):
    code, out = import_video(str(media.path(kind)), "--wait", "--json", "--language", "en")
    assert code == 1
    data = json.loads(out)
    assert data["status"] == "failed" and phrase in data["error"]
    assert data["renditions"] == [] and data["master_url"] == ""
    assert storage.list_prefix(f"videos/hls/{data['id']}/") == []


def test_import_without_wait_queues_the_task(
    media, dummy_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        code, out = import_video(str(media.path("empty")), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "uploaded"
    assert transcodes(dummy_tasks) == [[data["id"]]]


def test_import_of_a_missing_path(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_video", str(tmp_path / "nope.mp4"))


def test_requeue_finds_stuck_videos(dummy_tasks, django_capture_on_commit_callbacks):
    stale = VideoFactory(
        status=Video.Status.PROCESSING, lease_expires_at=timezone.now() - timedelta(seconds=1)
    )
    forgotten = VideoFactory()
    Video.objects.filter(pk=forgotten.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    VideoFactory()  # just uploaded: its task is surely still queued
    VideoFactory(
        status=Video.Status.PROCESSING, lease_expires_at=timezone.now() + timedelta(minutes=1)
    )
    failed = VideoFactory(status=Video.Status.FAILED, error_code="internal")
    VideoFactory(ready=True)

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_videos", stdout=out)
    assert sorted(args[0] for args in transcodes(dummy_tasks)) == sorted([stale.pk, forgotten.pk])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_videos", "--failed", stdout=out)
    assert failed.pk in [args[0] for args in transcodes(dummy_tasks)]
