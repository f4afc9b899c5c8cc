"""The e2e site's URLs plus the collected static files at /built-static/.

With the production storage, pages name static files by their hashed names, which only
exist in STATIC_ROOT after ``collectstatic``: the live server's own static handler looks
for the source names, so these are served from STATIC_ROOT like a web server would.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from tests.e2e.courses_urls import urlpatterns as course_urlpatterns


def built(request, path):
    # STATIC_ROOT is read per request: the test collects into its own folder.
    return serve(request, path, document_root=settings.STATIC_ROOT)


urlpatterns = [re_path(r"^built-static/(?P<path>.*)$", built), *course_urlpatterns]
