from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaProcessingConfig(AppConfig):
    name = "media_processing"
    verbose_name = _("Video library")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import Video
        from .permissions import get_permission_policy
        from .storage import register_mimetypes

        register_mimetypes()
        register_permission_policy(Video, get_permission_policy())
