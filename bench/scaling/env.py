"""The process environment, the throwaway PostgreSQL database and the cache of one run."""

import os
import secrets
import socket
import uuid
from pathlib import Path

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"


def server_url():
    return os.environ.get("BENCH_DATABASE_URL") or DEFAULT_SERVER


def _base(url):
    return url.rpartition("/")[0]


def create_database(url):
    """A fresh database on the server of ``url``; returns ``(its url, its name)``."""
    import psycopg

    name = f"bidaya_scale_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{_base(url)}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{_base(url)}/{name}", name


def copy_database(url, source, name):
    """A copy of database ``source`` (which nobody may be connected to) named ``name``."""
    import psycopg

    with psycopg.connect(f"{_base(url)}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return f"{_base(url)}/{name}"


def use_database(name):
    """Point this process's connection and cache at database ``name``.

    The cache keys get the database's name as prefix, so the two sizes never read each
    other's entries; the lesson summaries each process keeps for a few seconds go too.
    """
    from django.core.cache import cache
    from django.db import connections

    from learning.progress import lessons

    if connections["default"].settings_dict["NAME"] == name and cache.key_prefix == name:
        return
    connections.close_all()
    connections["default"].settings_dict["NAME"] = name
    cache.key_prefix = name
    lessons._local.clear()
    connections["default"].ensure_connection()


def drop_database(url, name):
    import psycopg

    with psycopg.connect(f"{_base(url)}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_url():
    """The bench's own Redis database when Redis answers on loopback, else no Redis."""
    url = os.environ.get("BENCH_REDIS_URL")
    if url is not None:
        return url
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return "redis://127.0.0.1:6379/13"
    except OSError:
        return ""


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


def configure(workdir, database_url):
    """Production settings, in this process, on the throwaway database."""
    workdir = Path(workdir)
    key_file = workdir / "badge-key.pem"
    write_key(key_file)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            # The test client's host name, besides loopback.
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "SITE_URL": "http://127.0.0.1:8000",
            "SECURE_SSL_REDIRECT": "false",
            "BIDAYA_VAR_DIR": str(workdir),
            "MEDIA_ROOT": str(workdir / "media"),
            "BIDAYA_PRIVATE_MEDIA_ROOT": str(workdir / "private"),
            "BIDAYA_BADGE_SIGNING_KEY_FILE": str(key_file),
            "TASKS_BACKEND": "immediate",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url(),
            "LOG_LEVEL": "WARNING",
            # The limits' bookkeeping stays in the path; the limits are out of reach.
            "BIDAYA_RATE_HEARTBEAT": "1000000/m",
            "BIDAYA_RATE_WRITE": "1000000/m",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
    )
