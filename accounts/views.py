"""The admin's sign-in address, handed to allauth's login.

Wagtail serves its own login form at ``/admin/login/``; that form knows nothing of
allauth's e-mail verification, failed-login lockout or rate limits, so it let any
account in, learners too. There is one login here, allauth's: the admin's address only
sends the visitor there (in their language), with the admin page they wanted as
``next``. Credentials posted to the old address are ignored.

Wagtail sends a signed-in visitor without the ``access_admin`` permission back to its
login URL; allauth would send them on to ``next`` (the admin) again, so such a visitor
gets a 403 here instead of a redirect loop.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

ADMIN_PERMISSION = "wagtailadmin.access_admin"


def _next_url(request):
    candidate = request.GET.get("next", "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def admin_login(request):
    target = _next_url(request)
    if request.user.is_authenticated:
        if request.user.has_perm(ADMIN_PERMISSION):
            return redirect(target)
        raise PermissionDenied
    # LocaleMiddleware has activated the visitor's language (cookie or browser), so
    # the login page is reversed under that language's prefix.
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
