"""Listing columns shared by the index view and the chooser."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

from ..errors import format_duration


class VideoStatusColumn(Column):
    """A status badge, with a live progress bar while the video is processing."""

    cell_template_name = "media_processing/admin/status_cell.html"

    def __init__(self, name="status", **kwargs):
        kwargs.setdefault("label", _("Status"))
        kwargs.setdefault("sort_key", "status")
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["video"] = instance
        return context


class DurationColumn(Column):
    def __init__(self, name="duration", **kwargs):
        kwargs.setdefault("label", _("Duration"))
        kwargs.setdefault("sort_key", "duration")
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return format_duration(instance.duration) if instance.duration else ""
