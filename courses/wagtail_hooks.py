"""Admin registration: instructors and mentors as translatable snippets."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import Instructor


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    icon = "user"
    menu_label = _("Instructors and mentors")
    menu_order = 250
    add_to_admin_menu = False
    list_display = ["name", "headline", "user", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "headline"]
    search_backend_name = None


register_snippet(InstructorViewSet)
