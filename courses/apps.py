from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Video and caption changes retire the lesson blocks kept in the cache.
        from courses import receivers  # noqa: F401
