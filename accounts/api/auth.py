"""Who is calling: the browser by its session (with CSRF), other clients by a token.

The two are tried in order. A request with ``Authorization: Bearer bdy_…`` is a token
client and needs no CSRF token (it does not ride on a cookie a third-party page could
make the browser send); anything else is judged by its session, and unsafe methods
must carry Django's CSRF token (the ``X-CSRFToken`` header, or a
``csrfmiddlewaretoken`` form field for ``navigator.sendBeacon``, which cannot set
headers).
"""

from datetime import timedelta

from ninja.security import HttpBearer, SessionAuth

from django.conf import settings
from django.contrib import auth
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from accounts.models import TOKEN_PREFIX, AccessToken, digest

MAX_TOKEN_LENGTH = 200
# Writing last_used_at on every call would turn each read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=5)


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        if not token or len(token) > MAX_TOKEN_LENGTH or not token.startswith(TOKEN_PREFIX):
            return None
        row = (
            AccessToken.objects.usable().select_related("user").filter(digest=digest(token)).first()
        )
        if row is None or not row.user.is_active:
            return None
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
            AccessToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        request.access_token = row
        return row.user


class BrowserSession(SessionAuth):
    """Django's session cookie; CSRF checked on unsafe methods."""

    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


USER_CACHE_KEY = "accounts:session-user:{}"
USER_CACHE_SECONDS = 60


def cached_session_user(request):
    """The session's user, its row read from the cache; ``None`` when in doubt.

    The same checks as ``django.contrib.auth.get_user`` (known backend, session hash
    matching the user's current password, active account); the row is dropped from
    the cache whenever the user is saved (``accounts.signals``), so a password change or
    a deactivation takes effect at once. Anything unusual (a hash that only matches a
    fallback secret) is left to Django's own lookup.
    """
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
        cache.set(key, user, USER_CACHE_SECONDS)
    session_hash = session.get(auth.HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return None
    if not user.is_active:
        return None
    return user


class HeartbeatSession(BrowserSession):
    """The browser session for heartbeats, which arrive every few seconds per learner."""

    def authenticate(self, request, key):
        user = cached_session_user(request)
        if user is not None:
            request.user = user
            return user
        return super().authenticate(request, key)


def forget_user(user_id):
    cache.delete(USER_CACHE_KEY.format(user_id))


token_auth = TokenAuth()
session_auth = BrowserSession(csrf=True)
heartbeat_session_auth = HeartbeatSession(csrf=True)
learner_auth = [token_auth, session_auth]
heartbeat_auth = [token_auth, heartbeat_session_auth]
