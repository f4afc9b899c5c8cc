"""The signed-in user of a request, read from the shared cache instead of the database.

Every signed-in request needs its user: Django's ``AuthenticationMiddleware`` reads the
row from the database each time (one query per page view and per heartbeat, which
arrive every few seconds per learner). ``CachedAuthenticationMiddleware`` takes its
place and keeps the row in the cache for ``USER_CACHE_SECONDS``:

* the same checks as ``django.contrib.auth.get_user`` run on every request: a known
  backend, the session's hash matching the user's current password (so a password
  change signs other sessions out at once), an active account;
* the row is dropped from the cache whenever the user is saved or deleted
  (``accounts.signals``), so a deactivation or a change of staff rights applies at
  once; a bulk ``QuerySet.update()`` of users, which sends no signal, applies within
  ``USER_CACHE_SECONDS``;
* anything unusual (no session, a hash that only matches a fallback secret, a backend
  that is no longer configured) goes to Django's own lookup.

The names of the user's groups travel with the cached row (the header asks on every
page whether this is an editor or a mentor, and the mentors' rights are group rights);
a change of membership from either side, or a group renamed or deleted, drops the
rows of the users concerned (``accounts.signals``). Permissions are not part of the
row: they are read, as before, when something asks for them.

This module is also the session engine (``SESSION_ENGINE = "accounts.sessions"`` when
the cache is Redis): Django's cached-database sessions, whose cache read joins the
request's first round trip (``config.round_trip``). Each process remembers which user
a session key belongs to (a key never changes hands: signing in gives a new one), so
the user's row is fetched in that same trip. What the session says is still checked
before the row is used: a wrong guess only costs the usual second trip.
"""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.sessions.backends import cached_db
from django.core.cache import cache
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from accounts import timezones
from cms import editorial
from config import round_trip
from config.lru import LeastRecentlyUsed

USER_CACHE_KEY = "accounts:session-user:{}"
USER_CACHE_SECONDS = 60
# Session keys whose user this process remembers, least recently used forgotten first.
SESSIONS_REMEMBERED = 20_000
_session_users = LeastRecentlyUsed(SESSIONS_REMEMBERED)


def _joins_round_trip():
    return __name__ == settings.SESSION_ENGINE and settings.SESSION_CACHE_ALIAS == "default"


@round_trip.companion
def _session_and_user(request):
    """The session's cache key, and its user's row when this process knows the user."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    # Django ignores keys shorter than 8 characters; no real key is longer than 40.
    if not session_key or not 8 <= len(session_key) <= 64 or not _joins_round_trip():
        return ()
    keys = [cached_db.KEY_PREFIX + session_key]
    user_id = _session_users.get(session_key)
    if user_id is not None:
        keys.append(USER_CACHE_KEY.format(user_id))
    return keys


class SessionStore(cached_db.SessionStore):
    """Django's cached-database sessions, read in the request's first round trip."""

    def load(self):
        if _joins_round_trip():
            try:
                data = round_trip.take(self.cache_key)
            except Exception:  # noqa: BLE001 - as Django's own: on a cache error
                data = None
            if data is not None:
                return data
        # Not in the cache (or not in the trip): Django's own read, then the database.
        return super().load()


def cached_session_user(request):
    """The session's user, its row read from the cache; ``None`` when in doubt."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    try:
        user_id = auth._get_user_session_key(request)
        backend_path = session[auth.BACKEND_SESSION_KEY]
    except (KeyError, ValueError, TypeError):
        return None
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return None
    key = USER_CACHE_KEY.format(user_id)
    user = round_trip.take(key)
    if user is None:
        user = auth.load_backend(backend_path).get_user(user_id)
        if user is None:
            return None
        # The profile's time zone and the names of the user's groups, which every page
        # asks for (the header's links for editors and mentors), travel with the row.
        setattr(user, timezones.ZONE_ATTRIBUTE, timezones.profile_zone_name(user.pk))
        editorial.group_names(user)
        cache.set(key, user, USER_CACHE_SECONDS)
    session_hash = session.get(auth.HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return None
    if not user.is_active:
        return None
    user.backend = backend_path
    if session.session_key:
        _session_users.set(session.session_key, user.pk)
    return user


def request_user(request):
    """What ``request.user`` resolves to, looked up once per request."""
    if not hasattr(request, "_cached_user"):
        request._cached_user = cached_session_user(request) or auth.get_user(request)
    return request._cached_user


def forget_user(user_id):
    cache.delete(USER_CACHE_KEY.format(user_id))


class CachedAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's middleware, with ``request.user`` read through the cache."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: request_user(request))
