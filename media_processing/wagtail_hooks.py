from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms.collections import collection_member_permission_formset_factory
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Video
from .views import admin as views
from .views.chooser import viewset as chooser_viewset


class VideoViewSet(ModelViewSet):
    model = Video
    icon = "media"
    menu_label = _("Videos")
    menu_order = 450
    add_to_admin_menu = True
    url_prefix = "videos"
    name = "media_processing_video"
    index_view_class = views.VideoIndexView
    add_view_class = views.VideoUploadView
    edit_view_class = views.VideoEditView
    delete_view_class = views.VideoDeleteView
    inspect_view_class = views.VideoDetailView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["title", "collection"]
    search_fields = ["title", "original_filename"]
    search_backend_name = None
    list_per_page = 25

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(form_class=views.VideoUploadForm, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(form_class=views.VideoEditForm, **kwargs)

    def get_permissions_to_register(self):
        # Video permissions are given per collection (the panel below), like images;
        # the ownership policy treats "delete" as "change".
        return Permission.objects.none()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("retry/<int:pk>/", views.retry, name="retry"),
            path(
                "captions/<int:pk>/delete/<int:caption_pk>/",
                views.delete_caption,
                name="delete_caption",
            ),
            path("status/", views.status, name="status"),
        ]


video_viewset = VideoViewSet()


@hooks.register("register_admin_viewset")
def register_video_viewsets():
    return [video_viewset, chooser_viewset]


@hooks.register("register_group_permission_panel")
def register_video_permissions_panel():
    return collection_member_permission_formset_factory(
        Video,
        [
            ("add_video", _("Add"), _("Upload videos and edit the ones you uploaded")),
            ("change_video", _("Edit"), _("Edit any video")),
            ("choose_video", _("Choose"), _("Put videos in lessons")),
        ],
        "media_processing/admin/permissions_formset.html",
    )


@hooks.register("describe_collection_contents")
def describe_collection_videos(collection):
    from django.urls import reverse
    from django.utils.translation import ngettext

    count = Video.objects.filter(collection=collection).count()
    if count:
        return {
            "count": count,
            "count_text": ngettext("%(count)s video", "%(count)s videos", count) % {"count": count},
            "url": reverse("media_processing_video:index") + f"?collection_id={collection.id}",
        }
