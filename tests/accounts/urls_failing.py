"""A URLconf with one view that fails, to see the real 500 handler at work."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path


def fail(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = i18n_patterns(path("fail/", fail), prefix_default_language=True)
