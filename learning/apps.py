from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        # Drop cached lesson summaries when lessons are (un)published.
        from learning import receivers  # noqa: F401
