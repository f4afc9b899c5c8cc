"""The video chooser modal behind ``VideoChooserBlock`` and video ForeignKeys."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic.base import View

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.chooser import (
    BaseChooseView,
    ChooseResultsViewMixin,
    ChooseViewMixin,
    ChosenResponseMixin,
    ChosenViewMixin,
    CreationFormMixin,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permissions import policy_registry

from ..models import Video
from .columns import DurationColumn, VideoStatusColumn


class BaseVideoChooseView(BaseChooseView):
    ordering = "-created_at"
    per_page = 12
    results_template_name = "media_processing/admin/chooser_results.html"

    def get_object_list(self):
        # Failed videos cannot be shown to learners; everything else can be placed in a
        # lesson (one still processing shows a "being prepared" notice until it is ready).
        return (
            policy_registry.get_by_type(Video)
            .instances_user_has_any_permission_for(self.request.user, ["choose"])
            .exclude(status=Video.Status.FAILED)
            .select_related("collection")
        )

    @cached_property
    def collections(self):
        collections = policy_registry.get_by_type(Video).collections_user_has_permission_for(
            self.request.user, "choose"
        )
        return collections if len(collections) > 1 else None

    def empty_reason(self):
        """Why the list is empty, so an editor knows what to do rather than seeing
        "no results": no permission, only failed videos, or no video yet."""
        policy = policy_registry.get_by_type(Video)
        user = self.request.user
        if not policy.collections_user_has_permission_for(user, "choose").exists():
            return _(
                "You may not choose videos yet: an administrator has to give your group "
                "the “choose” permission on a video collection."
            )
        if policy.instances_user_has_any_permission_for(user, ["choose"]).exists():
            return _(
                "Every video you may choose failed to process. Open Videos to see why, "
                "then upload the file again."
            )
        if policy.user_has_permission(user, "add"):
            return _("There are no videos yet. Upload one under Videos, then choose it here.")
        return _("There are no videos yet, and your group may not upload them.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context.get("results") and not context.get("is_searching"):
            context["empty_reason"] = self.empty_reason()
        return context

    @property
    def columns(self):
        columns = super().columns + [
            VideoStatusColumn(sort_key=None),
            DurationColumn(sort_key=None),
            DateColumn("created_at", label=_("Uploaded"), width="16%"),
        ]
        if self.collections:
            columns.insert(1, Column("collection", label=_("Collection")))
        return columns


class VideoChooseView(ChooseViewMixin, CreationFormMixin, BaseVideoChooseView):
    pass


class VideoChooseResultsView(ChooseResultsViewMixin, CreationFormMixin, BaseVideoChooseView):
    pass


class VideoChosenView(ChosenViewMixin, ChosenResponseMixin, View):
    def get_object(self, pk):
        video = Video.objects.get(pk=pk)
        if not policy_registry.get_by_type(Video).user_has_permission_for_instance(
            self.request.user, "choose", video
        ):
            raise PermissionDenied
        return video


class VideoChooserViewSet(ChooserViewSet):
    model = Video
    icon = "media"
    choose_one_text = _("Choose a video")
    choose_another_text = _("Choose another video")
    edit_item_text = _("Edit this video")
    choose_view_class = VideoChooseView
    choose_results_view_class = VideoChooseResultsView
    chosen_view_class = VideoChosenView


viewset = VideoChooserViewSet("media_processing_video_chooser", url_prefix="video-chooser")
