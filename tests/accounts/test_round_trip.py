"""A signed-in request reads its session, its user and the content generations from
Redis in one round trip, and what it reads is still exactly what it would read alone."""

import os

import pytest
import redis

from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from accounts import sessions
from cms import generations
from config import round_trip
from notifications.preferences import set_data_saver
from tests import services

SAVER_API = "/api/v1/me/data-saver"


@pytest.fixture
def redis_sessions(settings):
    """Redis as the cache and the cached-database sessions of ``accounts.sessions``,
    as production runs them."""
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/14")
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        services.missing("Redis", f"not reachable at {url} (REDIS_TEST_URL)")
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "test-round-trip",
        }
    }
    settings.SESSION_ENGINE = "accounts.sessions"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commands(monkeypatch):
    """The names of the Redis commands sent, in order."""
    sent = []
    original = redis.Redis.execute_command

    def execute_command(self, *args, **options):
        sent.append(args[0])
        return original(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", execute_command)
    return sent


def reads(sent):
    return [name for name in sent if name in ("GET", "MGET")]


def test_second_request_reads_everything_in_one_round_trip(
    redis_sessions, commands, client, make_user
):
    user = make_user()
    client.force_login(user)
    assert client.get(SAVER_API).status_code == 200  # this process learns the session's user
    commands.clear()
    assert client.get(SAVER_API).json() == {"data_saver": False}
    assert reads(commands) == ["MGET"]


def test_a_wrong_guess_of_the_user_reads_the_right_one(redis_sessions, commands, client, make_user):
    user = make_user()
    other = make_user(email="rania@example.com")
    set_data_saver(other, True)
    client.force_login(other)
    assert client.get(SAVER_API).json() == {"data_saver": True}  # other's row is cached
    client.force_login(user)
    assert client.get(SAVER_API).json() == {"data_saver": False}  # the user's row is cached
    session_key = client.cookies["sessionid"].value
    sessions._session_users.set(session_key, other.pk)
    commands.clear()
    assert client.get(SAVER_API).json() == {"data_saver": False}
    # The guessed row came in the first trip and was left unused; the user's own row
    # took a trip of its own.
    assert reads(commands) == ["MGET", "GET"]


def test_session_missing_from_the_cache_comes_from_the_database(redis_sessions, client, make_user):
    user = make_user()
    client.force_login(user)
    assert client.get(SAVER_API).status_code == 200
    key = KEY_PREFIX + client.cookies["sessionid"].value
    cache.delete(key)
    assert client.get(SAVER_API).status_code == 200
    assert cache.get(key) is not None  # written back, as Django's engine does


def test_signed_out_session_is_not_taken_for_its_user(redis_sessions, client, make_user):
    user = make_user()
    client.force_login(user)
    session_key = client.cookies["sessionid"].value
    assert client.get(SAVER_API).status_code == 200
    client.logout()
    client.cookies["sessionid"] = session_key  # an old cookie, replayed
    assert client.get(SAVER_API).status_code == 401


def test_a_value_written_during_the_request_is_read_afresh(redis_sessions):
    seen = {}

    def view(request):
        before = generations.of(generations.ROUTES)
        generations.bump(generations.ROUTES)
        seen["numbers"] = (before, generations.of(generations.ROUTES))
        cache.set("test:plain", "new")
        seen["plain"] = (round_trip.take("test:plain"), round_trip.take("test:plain"))
        return HttpResponse()

    cache.set("test:plain", "old")
    round_trip.companion(lambda _request: ["test:plain"])
    try:
        middleware = round_trip.RoundTripMiddleware(generations.GenerationsMiddleware(view))
        middleware(RequestFactory().get("/"))
    finally:
        round_trip._companions.pop()
    before, after = seen["numbers"]
    assert after == before + 1
    # Fetched with the counters before the write: handed out once, then read again.
    assert seen["plain"] == ("old", "new")


def test_outside_a_request_take_is_a_plain_read(redis_sessions):
    cache.set("test:plain", "value")
    assert round_trip.take("test:plain") == "value"
    assert round_trip.take("test:missing") is None
