import io
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest

from tests import services
from tests.media_processing.helpers import make_video_file
from tests.media_processing.media import MediaLibrary

MOTO_KEYS = {"access_key": "testing", "secret_key": "testing"}


@pytest.fixture(autouse=True)
def _needs_ffmpeg(request):
    """The slow tests here run the real ffmpeg."""
    if "slow" in request.keywords and shutil.which("ffmpeg") is None:
        services.missing("ffmpeg", "Debian's ffmpeg package is not installed")


@pytest.fixture(scope="session")
def media(tmp_path_factory):
    return MediaLibrary(tmp_path_factory.mktemp("test-media"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory):
    """moto's S3 server as a real HTTP endpoint on loopback."""
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with open(log, "wb") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"moto server exited: {log.read_text()}")
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("moto server did not start")
    yield endpoint
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def s3_client(endpoint):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=MOTO_KEYS["access_key"],
        aws_secret_access_key=MOTO_KEYS["secret_key"],
        config=Config(
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )


def use_s3_storage(settings, endpoint, bucket):
    """Point default_storage at ``bucket`` on the moto server, configured as in production."""
    from botocore.config import Config

    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **MOTO_KEYS,
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "client_config": Config(
                    s3={"addressing_style": "path"},
                    signature_version="s3v4",
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                ),
                "file_overwrite": False,
                "default_acl": None,
                "querystring_auth": True,
            },
        },
    }


@pytest.fixture
def s3(settings, moto_server):
    """A fresh bucket on the moto server behind default_storage; returns a boto3 client."""
    from django.core.management import call_command

    bucket = f"bidaya-{uuid.uuid4().hex[:12]}"
    client = s3_client(moto_server)
    use_s3_storage(settings, moto_server, bucket)
    # As in production: the bucket, its CORS rule and public reads of published video.
    call_command("setup_storage", stdout=io.StringIO())
    client.bucket = bucket
    client.endpoint = moto_server
    return client


def keys_under(client, prefix=""):
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=client.bucket, Prefix=prefix)
    return sorted(entry["Key"] for page in pages for entry in page.get("Contents", ()))


@pytest.fixture
def make_video(db):
    """A Video whose original is stored through default_storage, as an upload would be."""
    return make_video_file


def transcodes(backend):
    """The transcode tasks a dummy backend received (Wagtail queues search updates too)."""
    return [r.args for r in backend.results if r.task.module_path.endswith(".transcode_video")]


@pytest.fixture
def dummy_tasks(settings):
    """Queue tasks without running them, to check what was enqueued."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "media"],
        }
    }
    from django_tasks import default_task_backend

    return default_task_backend


@pytest.fixture
def work_dir(settings, tmp_path):
    """The worker's scratch space, so tests can check it is cleaned up."""
    path = tmp_path / "work"
    path.mkdir()
    settings.BIDAYA_VIDEO_WORK_DIR = str(path)
    return path
