"""The transcode task: queued on commit, leases, takeover, and the RQ backend on Redis."""

import os
from datetime import timedelta

import pytest

from django.utils import timezone

from media_processing import storage
from media_processing.errors import LeaseLost
from media_processing.models import Video
from media_processing.pipeline import process_video
from media_processing.pipeline.process import claim
from media_processing.tasks import enqueue_transcode, transcode_video
from tests import services
from tests.factories.media import VideoFactory
from tests.media_processing.conftest import transcodes

pytestmark = pytest.mark.django_db


def test_enqueued_only_when_the_transaction_commits(
    dummy_tasks, django_capture_on_commit_callbacks
):
    video = VideoFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_transcode(video)
    assert transcodes(dummy_tasks) == []  # a rolled-back upload never reaches a worker
    for callback in callbacks:
        callback()
    [result] = [r for r in dummy_tasks.results if r.task.name == "transcode_video"]
    assert result.args == [video.pk]
    assert result.task.queue_name == "media"


def test_claim_skips_ready_and_busy_videos_and_takes_over_stale_ones():
    ready = VideoFactory(ready=True)
    busy = VideoFactory(status=Video.Status.PROCESSING, lease_token="alive",
                        lease_expires_at=timezone.now() + timedelta(minutes=2))  # fmt: skip
    stale = VideoFactory(status=Video.Status.PROCESSING, lease_token="dead",
                         pending_prefix="videos/hls/9/old-attempt/",
                         lease_expires_at=timezone.now() - timedelta(seconds=1))  # fmt: skip
    leftover = storage.save_bytes("videos/hls/9/old-attempt/240p/seg_00000.m4s", b"half")
    assert claim(ready.pk) is None
    assert claim(busy.pk) is None
    video, attempt = claim(stale.pk)
    video.refresh_from_db()
    assert video.lease_token == attempt.token != "dead"
    assert video.attempts == 1 and video.pending_prefix.startswith(f"videos/hls/{stale.pk}/")
    assert not storage.get_storage().exists(leftover)  # the dead worker's uploads are gone
    assert claim(99999) is None


def test_a_worker_that_lost_its_lease_stops():
    video = VideoFactory()
    _video, attempt = claim(video.pk)
    attempt.beat(progress=10, force=True)
    assert Video.objects.get(pk=video.pk).progress == 10
    Video.objects.filter(pk=video.pk).update(lease_token="someone-else")
    with pytest.raises(LeaseLost):
        attempt.beat(progress=20, force=True)
    assert Video.objects.get(pk=video.pk).progress == 10


@pytest.mark.slow
def test_stale_processing_video_is_finished_by_the_next_task(make_video, media):
    """The precise simulation of a killed worker (the real kill is in test_worker_kill)."""
    video = make_video(media.path("noaudio"))
    Video.objects.filter(pk=video.pk).update(
        status=Video.Status.PROCESSING,
        progress=55,
        lease_token="killed",
        lease_expires_at=timezone.now() - timedelta(seconds=30),
        processing_started_at=timezone.now() - timedelta(minutes=10),
    )
    assert process_video(video.pk)["status"] == "ready"
    video.refresh_from_db()
    assert (video.status, video.progress, video.lease_token) == (Video.Status.READY, 100, "")


@pytest.mark.slow
def test_task_through_the_immediate_backend(make_video, media, django_capture_on_commit_callbacks):
    video = make_video(media.path("noaudio"))
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_transcode(video)
    video.refresh_from_db()
    assert video.status == Video.Status.READY


def redis_url():
    return os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def rq_backend(settings):
    import redis

    url = redis_url()
    connection = redis.Redis.from_url(url)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        services.missing("Redis", f"not reachable at {url} (REDIS_TEST_URL)")
    connection.flushdb()
    settings.RQ_QUEUES = {
        queue: {"URL": url, "DEFAULT_TIMEOUT": 600} for queue in ("default", "media")
    }
    settings.RQ = {"COMMIT_MODE": "auto"}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "media"]}
    }
    yield connection
    connection.flushdb()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_transcode_through_rq_and_a_real_worker(rq_backend, make_video, media):
    """Enqueue through django-tasks' RQ backend into Redis, then let an RQ worker run it."""
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    video = make_video(media.path("landscape"))
    enqueue_transcode(video)  # no atomic block: enqueued at once
    queue = django_rq.get_queue("media", job_class=Job)
    assert queue.count == 1
    assert Video.objects.get(pk=video.pk).status == Video.Status.UPLOADED

    worker = SimpleWorker([queue], connection=queue.connection, job_class=Job)
    assert worker.work(burst=True)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_detail
    assert [r.name for r in video.sorted_renditions] == ["240p", "360p", "audio"]
    assert queue.count == 0
    [job_id] = queue.finished_job_registry.get_job_ids()
    result = transcode_video.get_result(job_id)
    assert result.return_value == {"video": video.pk, "status": "ready"}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_only_one_of_many_workers_claims_a_video():
    """Duplicate deliveries of the same task (RQ retries, two requeues) race for the row."""
    import threading

    from django.db import connections

    video = VideoFactory()
    barrier = threading.Barrier(8)
    tokens, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=30)
            claimed = claim(video.pk)
            if claimed is not None:
                tokens.append(claimed[1].token)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(tokens) == 1
    video.refresh_from_db()
    assert video.lease_token == tokens[0] and video.attempts == 1
