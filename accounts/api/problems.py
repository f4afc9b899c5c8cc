"""Problem details (RFC 9457) for every error the API returns.

Clients get one shape whatever went wrong: ``type``, ``title``, ``status``, a stable
machine-readable ``code``, a ``detail`` in the request's language, and, for invalid
input, the list of ``errors`` with where each one is.
"""

import logging
import math

from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/problem+json"


class Refusal(Exception):
    """A rule refused the request: a stable code, an HTTP status, a translated message.

    Each app's services raise their own subclasses (``learning.progress.errors``); the
    API answers them as problem details and the pages show the message.
    """

    status = 400
    code = "bad_request"
    message = _("The request could not be understood.")

    def __init__(self, message=None, *, code=None, status=None, retry_after=None, **extra):
        self.message = message or self.message
        self.code = code or self.code
        self.status = status or self.status
        self.retry_after = retry_after
        self.extra = extra
        super().__init__(str(self.message))


class Problem(Schema):
    type: str
    title: str
    status: int
    code: str
    detail: str
    errors: list[dict] | None = None
    retry_after: int | None = None


def titles():
    return {
        400: _("Bad request"),
        401: _("Not signed in"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        409: _("Conflict"),
        413: _("Too large"),
        422: _("Invalid input"),
        429: _("Too many requests"),
        500: _("Server error"),
    }


def problem(status, code, detail, *, errors=None, retry_after=None, **extra):
    body = {
        "type": f"urn:bidaya:problem:{code}",
        "title": titles().get(status, _("Error")),
        "status": status,
        "code": code,
        "detail": str(detail),
    }
    if errors is not None:
        body["errors"] = errors
    if retry_after is not None:
        body["retry_after"] = int(retry_after)
    body.update(extra)
    response = JsonResponse(body, status=status, content_type=CONTENT_TYPE)
    if retry_after is not None:
        response["Retry-After"] = str(int(retry_after))
    return response


def _clean_errors(errors):
    """Pydantic's errors without the submitted values (they may be huge or hostile)."""
    cleaned = []
    for error in errors[:20]:
        cleaned.append(
            {
                "loc": [str(part)[:100] for part in error.get("loc", [])][:10],
                "type": str(error.get("type", ""))[:100],
                "msg": str(error.get("msg", ""))[:300],
            }
        )
    return cleaned


def on_refusal(request, exc):
    return problem(exc.status, exc.code, exc.message, retry_after=exc.retry_after, **exc.extra)


def on_validation_error(request, exc):
    if getattr(request, "upload_too_large", False):
        # The file is missing because the upload handler cut it off at the limit.
        from config.uploads import too_large_message

        limit = request.upload_limit
        return problem(413, "too_large", too_large_message(limit), limit=limit)
    return problem(
        422,
        "invalid_input",
        _("Some fields are missing or invalid. See errors for where."),
        errors=_clean_errors(exc.errors),
    )


def on_authentication_error(request, exc):
    return problem(
        401,
        "not_authenticated",
        _("Sign in, or send a personal access token as “Authorization: Bearer …”."),
    )


def on_throttled(request, exc):
    wait = exc.wait if exc.wait is not None else 60
    return problem(
        429,
        "rate_limited",
        _("Too many requests. Please wait a moment and try again."),
        retry_after=max(1, math.ceil(wait)),
    )


def on_http_error(request, exc):
    if exc.status_code == 403 and "CSRF" in str(exc):
        return problem(
            403,
            "csrf_failed",
            _("The page's security token is missing or out of date. Reload and try again."),
        )
    codes = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
    return problem(
        exc.status_code, codes.get(exc.status_code, "error"), titles().get(exc.status_code, "")
    )


def on_404(request, exc):
    return problem(404, "not_found", _("There is nothing here, or it is not yours."))


def install(api):
    """Register the handlers on the API root (it serves every router the same way)."""
    api.add_exception_handler(Refusal, on_refusal)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(AuthenticationError, on_authentication_error)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Http404, on_404)


ERRORS_401 = {401: Problem}
ERRORS_413 = {413: Problem}
COMMON_ERRORS = {401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}
