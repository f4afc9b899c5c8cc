"""The Redis cache backend: one client per pool, and counters in one round trip."""

import os

import pytest

from config.cache import RedisCache
from tests import services


@pytest.fixture
def redis_cache():
    import redis

    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/14")
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        services.missing("Redis", f"not reachable at {url} (REDIS_TEST_URL)")
    cache = RedisCache(url, {"KEY_PREFIX": "test-cache"})
    cache.clear()
    yield cache
    cache.clear()


def test_count_starts_a_window_and_keeps_its_expiry(redis_cache):
    assert [redis_cache.count("hits", 60) for _ in range(3)] == [1, 2, 3]
    client = redis_cache._cache.get_client(write=True)
    key = redis_cache.make_and_validate_key("hits")
    ttl = client.ttl(key)
    assert 0 < ttl <= 60
    client.expire(key, 5)
    assert redis_cache.count("hits", 60) == 4
    assert client.ttl(key) <= 5  # counting again does not move the window's end


def test_counter_is_readable_as_a_cache_value(redis_cache):
    redis_cache.count("hits", 60)
    assert redis_cache.get("hits") == 1
    assert redis_cache.incr("hits") == 2


def test_one_client_per_pool(redis_cache):
    first = redis_cache._cache.get_client("a")
    assert redis_cache._cache.get_client("b") is first
    redis_cache.set("k", "v", 30)
    assert redis_cache.get("k") == "v"


def test_count_on_another_backend(settings):
    from django.core.cache import cache

    from config import cache as counters

    assert [counters.count("other-hits", 60) for _ in range(2)] == [1, 2]
    assert cache.get("other-hits") == 2
