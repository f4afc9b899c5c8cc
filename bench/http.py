"""Requests per second of a lesson page and of the heartbeat endpoint, against a bare view.

One run, one server setup: the script builds a throwaway database (SQLite in a temporary
folder, or a fresh PostgreSQL database on the server named by BENCH_DATABASE_URL), seeds
a course whose lesson has a video, a quiz and text, signs learners in, starts gunicorn
with the production settings on loopback, and loads three URLs in turn with a bounded
number of connections (wrk when installed, else a thread pool of keep-alive clients):

* the bare view: ``GET /api/v1/health`` (the whole middleware stack, no database);
* the lesson page, as enrolled learners (``GET /ar/…/lesson/``), rotating over them;
* the heartbeat: ``POST /api/v1/progress/heartbeats`` with session auth and CSRF, a new
  event id per request, rotating over the same learners;
* for reference, a signed-in read: ``GET /api/v1/me/data-saver`` (the session and the
  user from the cache, one indexed query, a small JSON answer): what any endpoint that
  knows its learner costs before it does its own work.

The lesson page is rendered on every request (there is no page cache): what a learner
gets. Its lessons are published as an editor publishes them, with a live revision.
The rounds are interleaved (bare, lesson, heartbeat, bare, …) and repeated; each ratio
is taken within its round, against the bare view's figure of the same round, and the
median of the rounds' ratios is reported, so a machine that slows down or speeds up
between rounds does not skew it. The server's CPU time per request (gunicorn's master
and workers, from ``/proc``) is printed too, round by round. The last line is
``lesson/bare=X heartbeat/bare=Y``; the targets are X ≥ 0.20 and Y ≥ 0.60. The line
before it gives the signed-in read's ratio, the ceiling of any endpoint with a learner.

Environment: BENCH_WORKERS (gunicorn workers, default 2 × cores), BENCH_SECONDS (per
round, default 5), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 8),
BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres; default: the
PostgreSQL server of DATABASE_URL if it names one, else SQLite),
BENCH_REDIS_URL (the cache; default redis://127.0.0.1:6379/12 when Redis answers
there, else the database cache).
"""

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where this very file
# would shadow the standard library's ``http`` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import os  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from http.client import HTTPConnection  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving.load import run_threads, run_wrk, server_cpu_seconds  # noqa: E402

LEARNERS = 50
PASSWORD = "bench-Lantern-93"  # noqa: S105 - throwaway learners in a throwaway database


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url():
    url = os.environ.get("BENCH_REDIS_URL")
    if url is not None:
        return url
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return "redis://127.0.0.1:6379/12"
    except OSError:
        return ""


def environment(workdir, port):
    """What both this process (seeding) and gunicorn run with."""
    key_file = workdir / "badge-key.pem"
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "SECURE_SSL_REDIRECT": "false",
            "BIDAYA_VAR_DIR": str(workdir),
            "MEDIA_ROOT": str(workdir / "media"),
            "BIDAYA_BADGE_SIGNING_KEY_FILE": str(key_file),
            "TASKS_BACKEND": "immediate",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "REDIS_URL": redis_url(),
            "LOG_LEVEL": "WARNING",
            # The limit's bookkeeping stays in the path; the limit itself is out of reach.
            "BIDAYA_RATE_HEARTBEAT": "1000000/m",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
    return env, key_file


def create_database(server_url):
    """A fresh PostgreSQL database on the server of ``server_url``; returns its URL."""
    import psycopg

    name = f"bidaya_bench_{uuid.uuid4().hex[:10]}"
    base, _slash, _db = server_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}", name


def drop_database(server_url, name):
    import psycopg

    base = server_url.rpartition("/")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def write_key(path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)


def seed():
    """A course with a lesson (video, quiz, text) and enrolled, signed-in learners."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    # The production settings serve hashed static files from a manifest.
    call_command("collectstatic", verbosity=0, interactive=False)
    if os.environ["REDIS_URL"]:
        cache.clear()
    from learning.progress.enrolment import enrol
    from tests.cms.conftest import make_site_root
    from tests.factories.cms import HomePageFactory
    from tests.factories.courses import (
        CourseIndexPageFactory,
        CoursePageFactory,
        LessonPageFactory,
        question,
        quiz_block,
        ready_video,
        text_block,
        video_block,
    )

    home = HomePageFactory(slug="bidaya")
    make_site_root(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue, slug="bench", title="دورة القياس")
    video = ready_video(duration=600.0)
    body = [
        text_block("<p>" + "اقرأ وصف المشروع مرتين قبل أن تكتب عرضك. " * 40 + "</p>"),
        video_block(video),
        quiz_block(
            questions=[
                question(f"سؤال رقم {n}", [("الجواب الصحيح", True), ("جواب آخر", False)])
                for n in range(5)
            ]
        ),
    ]
    lessons = [
        LessonPageFactory(parent=course, slug=f"lesson-{n}", title=f"الدرس {n}", body=body)
        for n in range(8)
    ]
    for page in [course, *lessons]:
        page.save_revision().publish()  # as the editor does: pages have a live revision
    lesson = lessons[2]
    component = next(block.id for block in lesson.body if block.block_type == "video")
    sessions = []
    for number in range(LEARNERS):
        user = get_user_model().objects.create_user(
            username=f"learner{number}", email=f"learner{number}@example.com", password=PASSWORD
        )
        enrol(user, course)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    return {
        "lesson_url": lesson.url,
        "lesson_id": lesson.pk,
        "component_id": component,
        "sessions": sessions,
    }


def start_server(env, port, workers):
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--access-logfile",
        "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/v1/health")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise SystemExit("gunicorn did not start")


def stop_server(server):
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)


def csrf_secret():
    """A CSRF cookie value as Django makes them: 32 letters and digits."""
    from django.utils.crypto import get_random_string

    return get_random_string(32)


def warm(base, data, csrf):
    """Every learner opens the lesson once: the rounds measure repeat visits."""
    host, port = base.split("//", 1)[1].split(":")
    connection = HTTPConnection(host, int(port), timeout=60)
    for session in data["sessions"]:
        connection.request(
            "GET", data["lesson_url"], headers={"Cookie": f"sessionid={session}; csrftoken={csrf}"}
        )
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"lesson page: HTTP {response.status}")


def main():
    workers = int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1)))
    seconds = int(os.environ.get("BENCH_SECONDS", 5))
    rounds = int(os.environ.get("BENCH_ROUNDS", 5))
    connections = int(os.environ.get("BENCH_CONNECTIONS", 8))
    workdir = Path(tempfile.mkdtemp(prefix="bidaya-bench-"))
    port = free_port()
    env, key_file = environment(workdir, port)
    server_url = os.environ.get("BENCH_DATABASE_URL", "")
    if not server_url and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        server_url = os.environ["DATABASE_URL"]  # CI: the same PostgreSQL server
    database = None
    if server_url.startswith("postgres"):
        env["DATABASE_URL"], database = create_database(server_url)
    write_key(key_file)
    os.environ.update(env)
    data = seed()
    csrf = csrf_secret()
    load = run_wrk if shutil.which("wrk") else run_threads
    base = f"http://127.0.0.1:{port}"
    targets = {
        "bare": (f"{base}/api/v1/health", "GET"),
        "lesson": (f"{base}{data['lesson_url']}", "GET"),
        "heartbeat": (f"{base}/api/v1/progress/heartbeats", "POST"),
        "signed-in": (f"{base}/api/v1/me/data-saver", "GET"),
    }
    engine = env["DATABASE_URL"].split(":", 1)[0]
    cache_name = "redis" if env["REDIS_URL"] else "database"
    print(
        f"gunicorn {workers} sync workers, {connections} connections, {load.__name__[4:]}, "
        f"{engine}, {cache_name} cache, {rounds}×{seconds}s per URL"
    )
    server = start_server(env, port, workers)
    results = {name: [] for name in targets}
    cpu_ms = {name: [] for name in targets}
    try:
        warm(base, data, csrf)
        for url, method in targets.values():  # warm every worker's caches
            load(url, method, data, csrf, 2, connections, workdir)
        for _ in range(rounds):
            for name, (url, method) in targets.items():
                before = server_cpu_seconds(server)
                rps, bad = load(url, method, data, csrf, seconds, connections, workdir)
                used = server_cpu_seconds(server) - before
                if bad:
                    raise SystemExit(f"{name}: {bad} responses were not 2xx")
                results[name].append(rps)
                cpu_ms[name].append(1000 * used / max(1.0, rps * seconds))
    finally:
        stop_server(server)
        shutil.rmtree(workdir, ignore_errors=True)
        if database:
            from django.db import connections

            connections.close_all()
            drop_database(server_url, database)
    for name, values in results.items():
        rounds_text = " ".join(f"{v:.0f}" for v in values)
        print(f"{name:>9}: {statistics.median(values):8.1f} req/s (rounds: {rounds_text})")
    # The server's own CPU time per request: what the ratios are made of, without the
    # load generator's share of the two cores.
    for name, values in cpu_ms.items():
        rounds_text = " ".join(f"{v:.2f}" for v in values)
        median = statistics.median(values)
        print(f"{name:>9}: {median:6.2f} ms of CPU per request (rounds: {rounds_text})")
    ratios = {}
    for name in ("signed-in", "lesson", "heartbeat"):
        per_round = [page / bare for page, bare in zip(results[name], results["bare"], strict=True)]
        ratios[name] = statistics.median(per_round)
        spread = " ".join(f"{r:.2f}" for r in per_round)
        print(f"{name}/bare per round: {spread}")
    print(f"signed-in/bare={ratios['signed-in']:.2f} (reference)")
    print(f"lesson/bare={ratios['lesson']:.2f} heartbeat/bare={ratios['heartbeat']:.2f}")


if __name__ == "__main__":
    main()
