"""The frame every analytics page shares: permission, sections, a chooser, CSV export."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from analytics import privacy

PERMISSION = "analytics.view_analytics"
MAX_KEY_LENGTH = 140

SECTIONS = [
    ("courses", _("Courses and tracks"), "analytics:courses"),
    ("videos", _("Videos"), "analytics:videos"),
    ("quizzes", _("Quizzes"), "analytics:quizzes"),
    ("mentoring", _("Mentoring"), "analytics:mentoring"),
    ("outcomes", _("Outcomes"), "analytics:outcomes"),
]


def may_see(user):
    return bool(user and user.is_active and user.has_perm(PERMISSION))


class AnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "analytics/page.html"
    header_icon = "table"
    section = ""
    # The query parameter naming the course, video or quiz shown in detail.
    choice_param = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return {s: label for s, label, _url in SECTIONS}[self.section]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("analytics:courses"), "label": _("Analytics")},
            {"url": "", "label": self.get_page_title()},
        ]

    # -- what a page defines --------------------------------------------------------

    def choices(self):
        """``[(key, label)]`` the chooser offers (empty: no chooser)."""
        return []

    def tables(self, chosen):
        """The page's tables (each with its chart), for the chosen item."""
        return []

    def computed_at(self):
        return None

    # -- the frame ------------------------------------------------------------------

    def chosen(self, choices):
        wanted = (self.request.GET.get(self.choice_param) or "")[:MAX_KEY_LENGTH]
        keys = [key for key, _label in choices]
        if wanted in keys:
            return wanted
        return keys[0] if keys else None

    def get(self, request, *args, **kwargs):
        choices = self.choices()
        chosen = self.chosen(choices)
        tables = self.tables(chosen)
        wanted = request.GET.get("csv")
        if wanted is not None:
            table = next((t for t in tables if t.slug == wanted), None)
            if table is None:
                raise Http404
            return table.as_csv(f"{self.section}-{chosen or 'all'}")
        computed = self.computed_at()
        context = self.get_context_data(
            sections=[
                {
                    "slug": slug,
                    "label": label,
                    "url": reverse(name),
                    "current": slug == self.section,
                }
                for slug, label, name in SECTIONS
            ],
            choices=choices,
            chosen=chosen,
            choice_param=self.choice_param,
            tables=tables,
            computed_at=date_format(computed, "DATETIME_FORMAT") if computed else None,
            min_learners=privacy.min_learners(),
            rtl=get_language_bidi(),
        )
        return self.render_to_response(context)
