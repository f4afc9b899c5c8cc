"""StreamField block for picking a library video (the chooser lives in the admin)."""

import copy

from django.utils.functional import cached_property

from wagtail.blocks import ChooserBlock


class VideoChooserBlock(ChooserBlock):
    """Chooses a :class:`media_processing.models.Video`.

    The value comes with its renditions and captions already fetched, since a lesson page
    shows the data cost of every rung and a ``<track>`` per caption.
    """

    target_model = "media_processing.Video"

    @cached_property
    def widget(self):
        from .views.chooser import viewset

        return viewset.widget_class()

    def _queryset(self):
        return self.model_class.objects.prefetch_related("renditions", "captions")

    def to_python(self, value):
        if value is None:
            return None
        return self._queryset().filter(pk=value).first()

    def bulk_to_python(self, values):
        objects = self._queryset().in_bulk([value for value in values if value is not None])
        seen, result = set(), []
        for value in values:
            instance = objects.get(value)
            if instance is not None and value in seen:
                instance = copy.copy(instance)
            result.append(instance)
            seen.add(value)
        return result

    def get_form_state(self, value):
        return self.widget.get_value_data(value)

    class Meta:
        icon = "media"
