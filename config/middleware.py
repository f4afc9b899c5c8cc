"""Site middleware: the CSP with one documented exception for the admin, locales, and
the reader's time zone."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.middleware.locale import LocaleMiddleware
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from accounts import timezones
from accounts.api.problems import problem
from config.addresses import address

API_PREFIX = "/api/"


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with inline scripts allowed under the admin only.

    The public site runs with ``script-src 'self'``. Wagtail 8's admin still renders
    a few form widgets with an inline ``<script>`` that calls their initialiser (date
    and date-time pickers in listing filters and the publishing schedule dialog, the
    page chooser of "move page"). Wagtail puts no nonce on them and their content
    changes with every field id, so neither a nonce nor a hash can allow them. Only
    paths under the admin get ``'unsafe-inline'``; scripts from other origins stay
    blocked there too. tests/accounts/test_security_headers.py notices when Wagtail
    stops needing it.
    """

    ADMIN_UPDATE = {"script-src": ["'unsafe-inline'"]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and self.is_admin(request):
            # A nonce in the header makes browsers ignore 'unsafe-inline'.
            update = dict(parts.update or {})
            for directive, sources in self.ADMIN_UPDATE.items():
                update[directive] = [*update.get(directive, []), *sources]
            return PolicyParts(
                config=parts.config, update=update, replace=parts.replace, nonce=None
            )
        return parts

    @staticmethod
    def is_admin(request):
        try:
            return request.path_info.startswith(address("wagtailadmin_home"))
        except NoReverseMatch:  # a URLconf without the admin
            return False


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus the "missing language prefix" redirect where a
    404 is an answer.

    With ``prefix_default_language`` Django answers a 404 on an unprefixed path by
    redirecting to ``/<lang>/path/`` if Wagtail's catch-all would match there. That
    turned every API 404 (an unknown lesson, someone else's enrolment) and every unknown
    id on the badges' machine addresses (status lists, keys, credentials) into a 302 to
    an HTML page. The redirect is kept for paths no view matched (an old link without
    its language); a 404 from a view that matched stays a 404. Unknown paths under the
    API answer problem details like the rest of it. API paths still vary on
    Accept-Language, since error messages are translated.
    """

    API_PREFIX = API_PREFIX

    def process_response(self, request, response):
        if request.path_info.startswith(self.API_PREFIX):
            if response.status_code == 404 and request.resolver_match is None:
                response = problem(404, "not_found", _("There is nothing at this address."))
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        if (
            response.status_code == 404
            and request.resolver_match is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class ReaderTimezoneMiddleware:
    """Times on the pages in the reader's time zone, not the server's UTC.

    The zone chosen in the account profile (Wagtail's user profile, which staff set in
    the admin's account settings) comes first; else the browser's, which
    ``static/js/timezone.js`` keeps in the ``bidaya_tz`` cookie. Without either (a first
    visit before the script ran) times stay in ``TIME_ZONE``. Stored times are UTC
    whatever the zone; only their display changes.
    """

    COOKIE = "bidaya_tz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            # The API answers with ISO times that carry their offset; no lookup needed.
            return self.get_response(request)
        user = getattr(request, "user", None)
        zone, from_cookie = None, False
        if user is not None and user.is_authenticated:
            zone = timezones.profile_zone(user)
        if zone is None:
            zone = timezones.zone_named(request.COOKIES.get(self.COOKIE))
            from_cookie = zone is not None
        if zone is None:
            return self.get_response(request)
        timezone.activate(zone)
        try:
            response = self.get_response(request)
        finally:
            timezone.deactivate()
        if from_cookie:
            patch_vary_headers(response, ("Cookie",))
        return response
