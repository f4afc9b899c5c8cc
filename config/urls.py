from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from accounts import views as account_views
from cms import routing
from cms import views as cms_views
from config.api import api
from credentials import urls as credential_urls

urlpatterns = [
    # One login for every way in: the admin's login address leads to allauth's.
    path("admin/login/", account_views.admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Badges: addresses written into credentials and shared links (language-neutral).
    path("", include((credential_urls.public_patterns, "badges"))),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("allauth.urls")),
    path("search/", cms_views.search, name="search"),
    path("", include("learning.urls")),
    path("", include("mentoring.urls")),
    path("", include("notifications.urls")),
    path("", include("outcomes.urls")),
    path("", include((credential_urls.page_patterns, "badge_pages"))),
    path("", include("cms.urls")),
    # Pages: Wagtail's serve view with remembered routes; Wagtail's own URLs behind it
    # (password-protected pages, and the name ``wagtail_serve`` for page URLs).
    re_path(serve_pattern, routing.serve, name="page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
