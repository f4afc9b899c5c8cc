from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        # Remembered page routes are retired when the page tree changes.
        from cms import admin_frame, routing, workflow_names  # noqa: F401

        # The editorial workflow's names follow the admin's language.
        workflow_names.connect()
        # Kept admin sidebars are retired when permissions or the page tree change.
        admin_frame.connect()
