from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaProcessingConfig(AppConfig):
    name = "media_processing"
    verbose_name = _("Video library")
