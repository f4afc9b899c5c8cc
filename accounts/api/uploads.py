"""Authentication for the API's upload routes: everything is settled before the body.

An upload route takes ``upload_auth(url_name, limit, gate)`` instead of ``learner_auth``. Before a
byte of the body is read it refuses, in this order: a body announced over the route's
limit (413), a caller who is not signed in (401), a caller the route's ``gate`` refuses
(it raises a ``Refusal``: not enrolled, nothing there). Only then is the CSRF token of a
browser session checked, which parses the body, under the route's limit
(``config.uploads``). Token clients send no CSRF token, so their body is read by the
view alone.
"""

from ninja.errors import HttpError
from ninja.utils import check_csrf

from accounts.api.auth import BrowserSession, TokenAuth
from accounts.api.problems import Refusal
from config import uploads


class TooLarge(Refusal):
    status = 413
    code = "too_large"

    def __init__(self, limit):
        super().__init__(uploads.too_large_message(limit), limit=limit)


def hold_to_limit(request, limit):
    """Refuse a body announced over ``limit``; otherwise cut its parsing there."""
    if uploads.announced_too_large(request, limit):
        raise TooLarge(limit)
    uploads.set_limit(request, limit)


class _UploadGate:
    def __init__(self, *, limit, gate=None, **kwargs):
        self.limit = limit
        self.gate = gate
        super().__init__(**kwargs)

    def settle(self, request, user):
        if self.gate is not None:
            self.gate(request, user)


class UploadTokenAuth(_UploadGate, TokenAuth):
    def __call__(self, request):
        hold_to_limit(request, self.limit())
        user = super().__call__(request)  # reads the Authorization header only
        if user:
            self.settle(request, user)
        return user


class UploadSessionAuth(_UploadGate, BrowserSession):
    def __call__(self, request):
        hold_to_limit(request, self.limit())
        user = self.authenticate(request, None)  # the session cookie only
        if user is None:
            return None
        self.settle(request, user)
        # The CSRF token may be a form field: this parses the body, under the limit.
        if check_csrf(request):
            raise HttpError(403, "CSRF check Failed")
        return user


def upload_auth(url_name, limit, gate=None):
    """The auth list of the upload route named ``url_name`` (give the operation that
    ``url_name``): a token, or the browser session with CSRF. The route's limit is also
    what the request-size middleware holds its announced length to."""
    uploads.API_ROUTE_LIMITS[url_name] = limit
    return [UploadTokenAuth(limit=limit, gate=gate), UploadSessionAuth(limit=limit, gate=gate)]
