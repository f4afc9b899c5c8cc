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
from django.utils import timezone

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


token_auth = TokenAuth()
session_auth = BrowserSession(csrf=True)
learner_auth = [token_auth, session_auth]
