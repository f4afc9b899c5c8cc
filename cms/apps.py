from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        # Remembered page routes are retired when the page tree changes.
        from cms import routing  # noqa: F401
