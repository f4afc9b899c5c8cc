"""Wagtail admin for the video library: list, upload, detail, retry, captions, delete."""

import django_filters

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.filters import CollectionFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.permissions import policy_registry

from .. import conf, storage
from ..forms import CaptionForm, VideoEditForm, VideoUploadForm
from ..models import Caption, Video
from ..tasks import enqueue_transcode
from .columns import DurationColumn, VideoStatusColumn


def policy():
    return policy_registry.get_by_type(Video)


def get_video_for(request, pk, action):
    video = get_object_or_404(Video, pk=pk)
    if not policy().user_has_permission_for_instance(request.user, action, video):
        raise PermissionDenied
    return video


class InstancePermissionMixin:
    """Generic views check the model-level permission; videos are owned per collection."""

    instance_action = "change"

    def get_object(self, queryset=None):
        video = super().get_object(queryset)
        if not policy().user_has_permission_for_instance(
            self.request.user, self.instance_action, video
        ):
            raise PermissionDenied
        return video


class VideoFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Video.Status.choices)

    class Meta:
        model = Video
        fields = ["status"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, **kwargs):
        super().__init__(data, queryset, request=request, prefix=prefix)
        collections = policy().collections_user_has_any_permission_for(
            request.user, ["add", "change"]
        )
        if collections.count() > 1:
            self.filters["collection_id"] = CollectionFilter(
                field_name="collection_id", label=_("Collection"), queryset=collections
            )


class VideoIndexView(generic.IndexView):
    filterset_class = VideoFilterSet
    default_ordering = "-created_at"
    any_permission_required = ["add", "change", "delete"]

    def get_base_queryset(self):
        return (
            policy()
            .instances_user_has_any_permission_for(self.request.user, ["change", "delete"])
            .select_related("collection")
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("title"),
            VideoStatusColumn(),
            DurationColumn(),
            Column("resolution", label=_("Picture"), accessor=_resolution),
            Column("file_size", label=_("Upload size"), accessor=_upload_size_cell),
            Column("collection", label=_("Collection"), accessor="collection.name"),
            DateColumn("created_at", label=_("Uploaded"), sort_key="created_at"),
        ]

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # The title opens the detail page, where editors go: qualities, captions, retry.
        return self._get_title_column_class(column_class)(
            "title",
            label=_("Title"),
            sort_key="title",
            get_url=lambda video: reverse(self.inspect_url_name, args=(video.pk,)),
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["status_url"] = reverse("media_processing_video:status")
        context["media"] = context.get("media", forms.Media()) + _status_media()
        return context


def _resolution(video):
    if video.is_audio_only:
        return gettext("Sound only")
    if video.width and video.height:
        # Isolated left to right, or Arabic pages show 640×360 as 360×640.
        return format_html('<bdi dir="ltr">{}×{}</bdi>', video.width, video.height)
    return ""


def _upload_size(video):
    return conf.human_size(video.file_size) if video.file_size else ""


def _upload_size_cell(video):
    size = _upload_size(video)
    return format_html('<bdi dir="ltr">{}</bdi>', size) if size else ""


def _status_media():
    return forms.Media(
        js=["media_processing/js/video-status.js"],
        css={"all": ["media_processing/css/video-admin.css"]},
    )


class VideoUploadView(generic.CreateView):
    """Upload with a progress bar (XMLHttpRequest), and a plain POST without JavaScript.

    The file streams to a temporary file on disk, up to the video limit: a body
    announced over it is answered 413 unread, and one that runs over it is cut off
    (config/uploads.py reads ``upload_limit``).
    """

    upload_limit = staticmethod(conf.max_upload_bytes)

    template_name = "media_processing/admin/upload.html"
    form_class = VideoUploadForm
    submit_button_label = _("Upload")
    submit_button_active_label = _("Uploading…")
    page_title = _("Upload a video")

    def get_action(self, request):
        return "create"

    @property
    def is_xhr(self):
        return self.request.headers.get("X-Requested-With") == "XMLHttpRequest"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("for_user", None)
        kwargs["user"] = self.request.user
        kwargs["upload_too_large"] = getattr(self.request, "upload_too_large", False)
        return kwargs

    def get_initial_form_instance(self):
        return Video(uploaded_by_user=self.request.user)

    def save_instance(self):
        video = self.form.save(commit=False)
        video.uploaded_by_user = self.request.user
        video.save()
        enqueue_transcode(video)
        return video

    def get_success_url(self):
        return reverse("media_processing_video:inspect", args=(self.object.pk,))

    def get_success_message(self, instance):
        return gettext("“%(title)s” was uploaded. It is being prepared for streaming.") % {
            "title": instance.title
        }

    def get_success_buttons(self):
        return []

    def form_valid(self, form):
        self.form = form
        with transaction.atomic():
            self.object = self.save_instance()
        messages.success(self.request, self.get_success_message(self.object))
        if self.is_xhr:
            return JsonResponse({"success": True, "redirect": self.get_success_url()})
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        if self.is_xhr:
            errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
            return JsonResponse({"success": False, "errors": errors}, status=400)
        self.form = form
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["max_upload_bytes"] = conf.max_upload_bytes()
        context["max_upload_human"] = conf.human_size(conf.max_upload_bytes())
        return context


class VideoEditView(InstancePermissionMixin, generic.EditView):
    form_class = VideoEditForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("for_user", None)
        kwargs["user"] = self.request.user
        return kwargs

    def get_success_url(self):
        return reverse("media_processing_video:inspect", args=(self.object.pk,))


class VideoDeleteView(InstancePermissionMixin, generic.DeleteView):
    instance_action = "delete"

    def delete_action(self):
        video = self.object
        # Collected before the rows go; removed only once the deletion is committed.
        captions = list(video.captions.all())

        def remove_files():
            for prefix in {video.hls_prefix, video.pending_prefix} - {""}:
                storage.delete_prefix(prefix)
            for caption in captions:
                caption.delete_file()
            if video.file:
                video.file.storage.delete(video.file.name)

        with transaction.atomic():
            super().delete_action()
            transaction.on_commit(remove_files)


class VideoDetailView(InstancePermissionMixin, generic.InspectView):
    """Status, failure reason, renditions with sizes, poster, captions and retry."""

    template_name = "media_processing/admin/detail.html"
    any_permission_required = ["add", "change", "delete"]

    def get_object(self, queryset=None):
        video = get_object_or_404(Video.objects.select_related("collection"), pk=self.pk)
        if not policy().user_has_permission_for_instance(self.request.user, "change", video):
            raise PermissionDenied
        return video

    def get_page_subtitle(self):
        return self.object.title

    def get_page_title(self):
        return _("Video")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        video = self.object
        can_change = policy().user_has_permission_for_instance(self.request.user, "change", video)
        context.update(
            {
                "video": video,
                "renditions": video.sorted_renditions,
                "captions": list(video.captions.all()),
                "caption_form": kwargs.get("caption_form") or CaptionForm(video=video),
                "can_change": can_change,
                "status_url": reverse("media_processing_video:status"),
                "retry_url": reverse("media_processing_video:retry", args=(video.pk,)),
                "original_url": video.original_url() if can_change else "",
                "upload_size": _upload_size(video),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        """Upload a caption track (the form sits on the detail page)."""
        video = self.object
        if not policy().user_has_permission_for_instance(request.user, "change", video):
            raise PermissionDenied
        form = CaptionForm(request.POST, request.FILES, video=video)
        if not form.is_valid():
            context = self.get_context_data(caption_form=form)
            return self.render_to_response(context, status=400)
        Caption.store(video, form.cleaned_data["language"], form.cleaned_data["text"])
        messages.success(request, gettext("Captions added."))
        return redirect("media_processing_video:inspect", video.pk)


@require_POST
def retry(request, pk):
    video = get_video_for(request, pk, "change")
    with transaction.atomic():
        video = Video.objects.select_for_update().get(pk=video.pk)
        if not video.can_retry:
            messages.error(
                request,
                gettext("This video is being processed or is ready; there is nothing to retry."),
            )
            return redirect("media_processing_video:inspect", video.pk)
        Video.objects.filter(pk=video.pk).update(
            status=Video.Status.UPLOADED,
            progress=0,
            error_code="",
            error_params={},
            error_detail="",
            lease_token="",
            lease_expires_at=None,
        )
        enqueue_transcode(video)
    messages.success(request, gettext("Processing will start again in a moment."))
    return redirect("media_processing_video:inspect", video.pk)


@require_POST
def delete_caption(request, pk, caption_pk):
    video = get_video_for(request, pk, "change")
    caption = get_object_or_404(Caption, pk=caption_pk, video=video)
    with transaction.atomic():
        caption.delete()
        transaction.on_commit(caption.delete_file)
    messages.success(request, gettext("Captions deleted."))
    return redirect("media_processing_video:inspect", video.pk)


def status(request):
    """Status and progress of the requested videos, for the polling script."""
    try:
        ids = [int(value) for value in request.GET.getlist("id")[:100]]
    except ValueError:
        return JsonResponse({"error": "id must be a number"}, status=400)
    videos = policy().instances_user_has_any_permission_for(
        request.user, ["change", "delete", "choose"]
    )
    data = {}
    for video in videos.filter(pk__in=ids):
        data[str(video.pk)] = {
            "status": video.status,
            "label": str(video.get_status_display_long()),
            "progress": video.progress,
            "stale": video.is_stale,
            "error": video.error,
        }
    return JsonResponse({"videos": data})
