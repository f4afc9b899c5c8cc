"""How much of a request body is read: decided before the first byte of it.

Every route has a file limit: its own where it declares one (``upload_limit`` on a
view, or a view class's ``upload_limit``; the API's upload routes set it in their
authentication, ``accounts.api.uploads``), else ``BIDAYA_UPLOAD_MAX_BYTES``. Two
things hold it:

- ``RequestSizeMiddleware`` answers 413 when the ``Content-Length`` already says the
  body is over the limit, before anything (the CSRF check included) reads it;
- ``LimitedUploadHandler``, first in ``FILE_UPLOAD_HANDLERS``, stops reading as soon as
  the files passed the limit (a body that lied about its length, or a file a little
  over the limit), so nothing over it is written to a temporary file. It sets
  ``request.upload_too_large`` for the view, which says so beside the form.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

# What a body may hold besides its files: the form's other fields (Django caps them at
# DATA_UPLOAD_MAX_MEMORY_SIZE) and the multipart framing.
FRAMING_BYTES = 64 * 1024
API_PREFIX = "/api/"


def default_limit():
    return int(settings.BIDAYA_UPLOAD_MAX_BYTES)


def upload_limit(limit):
    """Mark a view as an upload route whose files may weigh ``limit()`` bytes in all."""

    def mark(view):
        view.upload_limit = limit
        return view

    return mark


# API upload routes by URL name: django-ninja serves every operation of a path through
# one view of its own, which carries no mark (accounts.api.uploads fills this).
API_ROUTE_LIMITS = {}


def route_limit(request, view_func):
    """The file limit a route declared (a view function, a view class, an API route)."""
    limit = getattr(view_func, "upload_limit", None)
    if limit is None:
        limit = getattr(getattr(view_func, "view_class", None), "upload_limit", None)
    match = getattr(request, "resolver_match", None)
    if limit is None and match is not None and request.path_info.startswith(API_PREFIX):
        limit = API_ROUTE_LIMITS.get(match.url_name)
    return limit() if limit is not None else default_limit()


def body_allowance(limit):
    """The largest body a request with files of ``limit`` bytes can honestly have."""
    return limit + (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) + FRAMING_BYTES


def announced_length(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def announced_too_large(request, limit):
    return announced_length(request) > body_allowance(limit)


def set_limit(request, limit):
    """The limit the upload handler applies when the body is parsed (once, later)."""
    request.upload_limit = limit
    request.upload_too_large = False


def too_large_message(limit):
    return _("This request is too large. Files may weigh at most %(limit)s.") % {
        "limit": filesizeformat(limit)
    }


def too_large_response(request, limit):
    """413, as problem details for the API and as a short page for people."""
    if request.path_info.startswith(API_PREFIX):
        from accounts.api.problems import problem

        return problem(413, "too_large", too_large_message(limit), limit=limit)
    html = render_to_string("413.html", {"message": too_large_message(limit)})
    return HttpResponse(html, status=413)


class RequestSizeMiddleware:
    """413 from the announced length, before the CSRF check or the view reads the body.

    It must come before ``CsrfViewMiddleware``: ``process_view`` runs in order, and the
    CSRF check parses a POST body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
            return None
        limit = route_limit(request, view_func)
        if announced_too_large(request, limit):
            return too_large_response(request, limit)
        set_limit(request, limit)
        return None


class LimitedUploadHandler(FileUploadHandler):
    """Stops reading the files of a request once they pass the route's limit.

    Django then drains what is left of the body without storing it (bounded, since the
    middleware refused an announced length over the limit), the files arrive empty and
    ``request.upload_too_large`` tells the view why.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.exceeded = False

    @property
    def limit(self):
        limit = getattr(self.request, "upload_limit", None)
        return limit if limit is not None else default_limit()

    def _stop(self):
        self.exceeded = True
        if self.request is not None:
            self.request.upload_too_large = True
        raise StopUpload(connection_reset=False)

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Without the middleware (a direct call, a test client), the announced length
        # still counts.
        if content_length and content_length > body_allowance(self.limit):
            self.exceeded = True

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.exceeded:
            self._stop()

    def receive_data_chunk(self, raw_data, start):
        # Counted over every file of the request, not per file.
        self.received += len(raw_data)
        if self.received > self.limit:
            self._stop()
        return raw_data

    def file_complete(self, file_size):
        return None
