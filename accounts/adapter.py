"""How django-allauth fits a multilingual site served from one canonical address.

allauth builds e-mail links from the request's Host header and sends people to "/"
after logging in. Here links always use ``SITE_URL`` (a forged Host header cannot
redirect a password reset to another domain, and a worker without a request still
gets the right address), paths keep the visitor's language prefix because they are
reversed while that language is active, and redirects land on the visitor's own
language home instead of bouncing through the Accept-Language redirect at "/".
"""

from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal import flows
from allauth.account.utils import get_next_redirect_url

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def language_home():
    """The home page of the active language, e.g. ``/fr/``."""
    return f"/{get_language() or settings.LANGUAGE_CODE}/"


def with_next(url, next_url):
    """``url`` carrying ``next_url`` as its ``next`` parameter (unchanged without one)."""
    if not next_url:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': next_url})}"


def confirmation_next(request):
    """Where the confirmation link leads once the address is confirmed.

    The page the learner signed up from (the form's ``next``), reached through the
    login page: the link is often opened in another browser (a phone's mail app),
    where she is not signed in yet. In the browser she signed up in, allauth resumes
    her pending login and sends her to that page directly.
    """
    if request is None:
        return ""
    target = get_next_redirect_url(request)
    if not target:
        return ""
    return with_next(reverse("account_login"), target)


def canonical_url(url):
    """``url`` with the scheme and host of ``SITE_URL``, keeping path, query and fragment."""
    site = urlsplit(settings.SITE_URL)
    parts = urlsplit(url)
    return urlunsplit((site.scheme, site.netloc, parts.path, parts.query, parts.fragment))


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return language_home()

    def get_signup_redirect_url(self, request):
        return language_home()

    def get_logout_redirect_url(self, request):
        return language_home()

    def get_email_confirmation_url(self, request, emailconfirmation):
        url = canonical_url(super().get_email_confirmation_url(request, emailconfirmation))
        return with_next(url, confirmation_next(request))

    def get_reset_password_from_key_url(self, key):
        return canonical_url(super().get_reset_password_from_key_url(key))

    def send_account_already_exists_mail(self, email):
        # Same message as allauth's, with links on the canonical host.
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": canonical_url(flows.signup.get_signup_url(self.request)),
                "password_reset_url": canonical_url(
                    flows.password_reset.get_reset_password_url(self.request)
                ),
            },
        )

    def send_mail(self, template_prefix, email, context):
        # allauth greets with the Sites framework's name, which is the raw host name
        # without django.contrib.sites; the e-mail should speak with the product's name.
        context = {"current_site": self.site(), **context}
        super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        return f"[{self.site().name}] {subject}"

    @staticmethod
    def site():
        return SimpleNamespace(name=_("Bidaya"), domain=urlsplit(settings.SITE_URL).netloc)
