"""What a request reads first from the shared cache, fetched in one round trip.

A signed-in request reads three things from the shared cache before it does its own
work: the content generations (``cms.generations``), its session and its user's row
(``accounts.sessions``). Each used to cost a round trip of its own, and a round trip
to Redis costs more CPU than most of what a heartbeat does with the answer.

Apps register a *companion*: a function of the request that names the cache keys the
request is about to read. Whichever of them is read first (``take``) fetches every
companion's keys with it, in one ``get_many``. Each value fetched that way is handed
out once; a second ``take`` of the same key goes to the cache again, so a value written
during the request (a moved generation, a saved session) is read afresh. A request that
reads none of them (the health check, a static file) costs no round trip at all.

Outside a request (tasks, commands, the shell) ``take`` is a plain ``cache.get``.
"""

from contextvars import ContextVar

from django.core.cache import cache

_companions = []
_batch = ContextVar("round_trip_batch", default=None)


def companion(keys_for):
    """Register ``keys_for(request) -> iterable of keys``; returns it (a decorator)."""
    _companions.append(keys_for)
    return keys_for


class _Batch:
    __slots__ = ("request", "values", "asked")

    def __init__(self, request):
        self.request = request
        self.values = None
        self.asked = set()

    def fetch(self, wanted):
        keys = set(wanted)
        for keys_for in _companions:
            keys.update(keys_for(self.request))
        ordered = sorted(keys)
        self.values = cache.get_many(ordered)
        self.asked = set(ordered)


def take_many(keys):
    """``{key: value}`` for the ``keys`` found, the first of the request's reads
    fetching every companion's keys with them."""
    batch = _batch.get()
    if batch is None:
        return cache.get_many(keys)
    if batch.values is None:
        batch.fetch(keys)
    found, rest = {}, []
    for key in keys:
        if key in batch.asked:
            batch.asked.discard(key)
            value = batch.values.pop(key, None)
            if value is not None:
                found[key] = value
        else:
            rest.append(key)
    if len(rest) == 1:
        value = cache.get(rest[0])
        if value is not None:
            found[rest[0]] = value
    elif rest:
        found.update(cache.get_many(rest))
    return found


def take(key):
    """``key``'s value in the shared cache (``None`` when absent), read with the
    request's other first reads."""
    return take_many([key]).get(key)


class RoundTripMiddleware:
    """Gives each request its batch of first reads (before any middleware reads one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _batch.set(_Batch(request))
        try:
            return self.get_response(request)
        finally:
            _batch.reset(token)
