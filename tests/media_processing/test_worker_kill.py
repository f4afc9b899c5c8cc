"""A real ``manage.py db_worker`` killed with SIGKILL mid-transcode, then recovered.

The workers are separate processes sharing the test's database (a file copy of the
migrated SQLite test database, or the PostgreSQL test database itself), as web and
worker processes share one in production.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import services

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def manage(env, *args, timeout=180, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


COLUMNS = ("status", "progress", "pending_prefix", "hls_prefix", "error_detail")
SELECT_ROW = f"SELECT {', '.join(COLUMNS)} FROM media_processing_video WHERE id = ?"  # noqa: S608


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """(DATABASE_URL for the worker processes, a function reading a video's row)."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        db_path = tmp_path / "worker.sqlite3"
        with sqlite3.connect(db_path) as target:
            connection.connection.backup(target)

        def read(video_id):
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as db:
                return db.execute(SELECT_ROW, (video_id,)).fetchone()

        return f"sqlite:///{db_path}", read
    if connection.vendor == "postgresql":
        from media_processing.models import Video

        db = connection.settings_dict
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        url = f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"

        def read(video_id):
            return Video.objects.filter(pk=video_id).values_list(*COLUMNS).get()

        return url, read
    services.missing(
        "PostgreSQL", f"no way to share a {connection.vendor} test database with a worker process"
    )


def wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(message)


def files_under(folder):
    return (
        sorted(p for p in Path(folder).rglob("*") if p.is_file()) if Path(folder).exists() else []
    )


def test_killed_worker_leaves_the_video_retryable_and_the_next_worker_finishes_it(
    tmp_path, media, shared_database
):
    database_url, row = shared_database
    media_root = tmp_path / "media"
    work_root = tmp_path / "work"
    work_root.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "worker-test",
        "DATABASE_URL": database_url,
        "BIDAYA_VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(media_root),
        "TASKS_BACKEND": "database",
        "BIDAYA_VIDEO_LEASE_SECONDS": "3",
        "BIDAYA_VIDEO_WORK_DIR": str(work_root),
        "LOG_LEVEL": "WARNING",
    }
    for name in ("AWS_STORAGE_BUCKET_NAME", "REDIS_URL"):
        env.pop(name, None)
    manage(env, "createcachetable")

    imported = manage(
        env, "import_video", str(media.path("long")), "--title", "Long lesson", "--json"
    )
    video_id = json.loads(imported.stdout)["id"]
    assert row(video_id)[0] == "uploaded"

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload",
         "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        # Killed mid-job, after some segments had already reached storage.
        def half_way():
            status, progress, pending, _published, _detail = row(video_id)
            uploaded = files_under(media_root / pending) if pending else []
            return status == "processing" and progress < 90 and uploaded

        half_published = wait_for(half_way, timeout=120, message="no segment was ever uploaded")
        assert all(path.suffix == ".m4s" for path in half_published)
    finally:
        # The machine dies: the worker and its ffmpeg go at once, no cleanup runs.
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    status, progress, stuck_prefix, _published, _detail = row(video_id)
    assert status == "processing"  # nobody is working on it, but it still says so
    assert list(work_root.iterdir())  # the dead worker's scratch folder is still there
    time.sleep(3.5)  # the lease runs out

    requeued = manage(env, "requeue_videos")
    assert f"{video_id}\tprocessing\tLong lesson" in requeued.stdout
    manage(env, "db_worker", "--queue-name", "*", "--batch", "--no-reload", "--no-startup-delay",
           timeout=300)  # fmt: skip

    status, progress, pending, published, detail = row(video_id)
    assert (status, progress, pending) == ("ready", 100, ""), detail
    assert published != stuck_prefix
    # The half-published attempt and the dead worker's scratch folder are gone.
    assert files_under(media_root / stuck_prefix) == []
    assert files_under(media_root / published)
    assert list(work_root.iterdir()) == []
