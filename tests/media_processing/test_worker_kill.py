"""A real ``manage.py db_worker`` killed with SIGKILL mid-transcode, then recovered.

The worker runs as a separate process against its own SQLite file (shared with this test
through the file, as web and worker share a database), so nothing here depends on the
test database's transaction tricks.
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


def row(db_path, video_id):
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10) as connection:
        return connection.execute(
            "SELECT status, progress, pending_prefix, hls_prefix, error_detail "
            "FROM media_processing_video WHERE id = ?",
            (video_id,),
        ).fetchone()


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


def test_killed_worker_leaves_the_video_retryable_and_the_next_worker_finishes_it(tmp_path, media):
    db_path = tmp_path / "worker.sqlite3"
    media_root = tmp_path / "media"
    work_root = tmp_path / "work"
    work_root.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": "worker-test",
        "DATABASE_URL": f"sqlite:///{db_path}",
        "BIDAYA_VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(media_root),
        "TASKS_BACKEND": "database",
        "BIDAYA_VIDEO_LEASE_SECONDS": "3",
        "BIDAYA_VIDEO_WORK_DIR": str(work_root),
        "LOG_LEVEL": "WARNING",
    }
    for name in ("AWS_STORAGE_BUCKET_NAME", "REDIS_URL"):
        env.pop(name, None)
    manage(env, "migrate", "--no-input", "-v", "0", timeout=600)
    manage(env, "createcachetable")

    imported = manage(
        env, "import_video", str(media.path("long")), "--title", "Long lesson", "--json"
    )
    video_id = json.loads(imported.stdout)["id"]
    assert row(db_path, video_id)[0] == "uploaded"

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload",
         "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        status, progress, pending, _published, _detail = wait_for(
            lambda: (r := row(db_path, video_id))[0] == "processing" and r[1] >= 40 and r,
            timeout=120,
            message="the worker never got half way",
        )
        half_published = files_under(media_root / pending)
        assert half_published  # segments were already in storage when it died
    finally:
        # The machine dies: the worker and its ffmpeg go at once, no cleanup runs.
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    status, progress, stuck_prefix, _published, _detail = row(db_path, video_id)
    assert status == "processing"  # nobody is working on it, but it still says so
    assert list(work_root.iterdir())  # the dead worker's scratch folder is still there
    time.sleep(3.5)  # the lease runs out

    listed = manage(env, "requeue_videos", "--dry-run")
    assert f"{video_id}\tprocessing\tLong lesson" in listed.stdout
    manage(env, "requeue_videos")
    manage(env, "db_worker", "--queue-name", "*", "--batch", "--no-reload", "--no-startup-delay",
           timeout=300)  # fmt: skip

    status, progress, pending, published, detail = row(db_path, video_id)
    assert (status, progress, pending) == ("ready", 100, ""), detail
    assert published != stuck_prefix
    # The half-published attempt and the dead worker's scratch folder are gone.
    assert files_under(media_root / stuck_prefix) == []
    assert files_under(media_root / published)
    assert list(work_root.iterdir()) == []
