"""Generation counters, read once per request, and what is kept under them.

Content-derived values that are the same for every reader (remembered routes, menus,
translations, a course's syllabus, each StreamField block's HTML) are kept under keys
that carry a generation number. What can change them bumps the number (``bump``), and
every key built afterwards is new, so nothing is ever deleted by hand and a stale value
can never be read.

Because a key names one version of its value for good, a value can also be kept in
this process's memory (``kept``): a bounded, least-recently-used store in front of the
shared cache. A request then reads the counters from the shared cache once
(``current``, remembered for the request by ``GenerationsMiddleware``, and fetched
with the session and the user in the same trip by ``config.round_trip``) and finds the
rest in memory: one round trip instead of one per value. Outside a request (tasks,
commands, the shell) the counters are read afresh every time.
"""

import pickle
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar

from django.core.cache import cache

from config import round_trip

ROUTES = "cms:routes:generation"
FRAGMENTS = "cms:fragments:generation"
# What the admin keeps around its pages (``cms.admin_frame``): read with the
# others, in the same round trip, but no part of the content ``stamp``.
ADMIN = "cms:admin:generation"
CONTENT = (ROUTES, FRAGMENTS)
COUNTERS = (*CONTENT, ADMIN)
KEPT_SECONDS = 24 * 3600
# The in-memory store's bounds: whichever is reached first evicts the oldest entries.
LOCAL_ENTRIES = 4000
LOCAL_BYTES = 48 * 1024 * 1024

_snapshot = ContextVar("cms_generations", default=None)


def current():
    """``{counter: number}`` for every counter, read once per request."""
    seen = _snapshot.get()
    if seen:
        return seen
    found = round_trip.take_many(COUNTERS)
    for key in COUNTERS:
        if key not in found:
            found[key] = _start(key)
    numbers = {key: found[key] for key in COUNTERS}
    if seen is not None:
        seen.update(numbers)
    return numbers


@round_trip.companion
def _counters(_request):
    """A request that reads its session or user reads the counters in the same trip."""
    return COUNTERS


def of(counter):
    return current()[counter]


def stamp():
    """Every content counter's number, in a fixed order: a part of the key of a value
    that any of them can retire."""
    numbers = current()
    return tuple(numbers[counter] for counter in CONTENT)


def _start(counter):
    """A counter that is absent (a new or emptied cache) starts from the clock, so no
    number is ever given twice: values kept in a process's memory under an old number
    can never be taken for current ones."""
    cache.add(counter, time.time_ns(), None)
    return cache.get(counter) or 0


def bump(counter):
    """Move a counter on; this request sees the new number."""
    try:
        cache.incr(counter)
    except ValueError:
        _start(counter)
    seen = _snapshot.get()
    if seen:
        seen.clear()


class _LocalStore:
    """Pickled values by key, least recently used evicted first; thread-safe."""

    def __init__(self, entries, size):
        self.entries, self.size = entries, size
        self.data = OrderedDict()
        self.used = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            raw = self.data.get(key)
            if raw is None:
                return None
            self.data.move_to_end(key)
        return pickle.loads(raw)  # noqa: S301 - written by this process only

    def set(self, key, value):
        raw = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if len(raw) > self.size // 8:
            return
        with self.lock:
            old = self.data.pop(key, None)
            if old is not None:
                self.used -= len(old)
            self.data[key] = raw
            self.used += len(raw)
            while len(self.data) > self.entries or self.used > self.size:
                _key, dropped = self.data.popitem(last=False)
                self.used -= len(dropped)

    def clear(self):
        with self.lock:
            self.data.clear()
            self.used = 0


local = _LocalStore(LOCAL_ENTRIES, LOCAL_BYTES)


def kept_many(keys, compute, seconds=KEPT_SECONDS):
    """``{key: value}`` for ``keys`` (each must carry its generation), from this
    process's memory, then the shared cache, then ``compute(missing_keys)`` — which
    returns ``{key: value}`` for the keys it was given."""
    values, missing = {}, []
    for key in keys:
        value = local.get(key)
        if value is None:
            missing.append(key)
        else:
            values[key] = value
    if not missing:
        return values
    shared = cache.get_many(missing)
    for key, value in shared.items():
        local.set(key, value)
    values.update(shared)
    missing = [key for key in missing if key not in shared]
    if missing:
        computed = compute(missing)
        cache.set_many(computed, seconds)
        for key, value in computed.items():
            local.set(key, value)
        values.update(computed)
    return values


def kept(key, compute, seconds=KEPT_SECONDS):
    """``compute()``'s result under ``key`` (which must carry its generation)."""
    return kept_many([key], lambda _missing: {key: compute()}, seconds)[key]


class GenerationsMiddleware:
    """Reads the counters at most once for each request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _snapshot.set({})
        try:
            return self.get_response(request)
        finally:
            _snapshot.reset(token)
