"""The "Analytics" menu of the Wagtail admin, for Editors and Moderators.

Shown to whoever holds ``analytics.view_analytics`` (given to both groups by a data
migration, and to superusers); the pages check the same permission.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from analytics import urls
from analytics.views.base import SECTIONS, may_see


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


class AnalyticsSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [path("analytics/", include(urls, namespace="analytics"))]


@hooks.register("register_admin_menu_item")
def register_analytics_menu():
    items = [
        AnalyticsMenuItem(label, reverse(name), name=f"analytics-{slug}", order=order)
        for order, (slug, label, name) in enumerate(SECTIONS)
    ]
    return AnalyticsSubmenu(
        _("Analytics"), Menu(items=items), name="analytics", icon_name="table", order=230
    )
