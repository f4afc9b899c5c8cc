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

Permissions and groups are not part of the cached row: they are read, as before, when
something asks for them.
"""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.core.cache import cache
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from accounts import timezones

USER_CACHE_KEY = "accounts:session-user:{}"
USER_CACHE_SECONDS = 60


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
    user = cache.get(key)
    if user is None:
        user = auth.load_backend(backend_path).get_user(user_id)
        if user is None:
            return None
        # The profile's time zone, which every page asks for, travels with the row.
        setattr(user, timezones.ZONE_ATTRIBUTE, timezones.profile_zone_name(user.pk))
        cache.set(key, user, USER_CACHE_SECONDS)
    session_hash = session.get(auth.HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return None
    if not user.is_active:
        return None
    user.backend = backend_path
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
