"""Admin forms: the upload (size-limited, streamed to disk) and caption tracks."""

import os

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.collections import BaseCollectionMemberForm
from wagtail.permissions import policy_registry

from . import conf
from .models import Caption, Video

ACCEPT = "video/*,audio/*,.mkv,.webm,.mov,.mp4,.m4v,.3gp,.ts,.mts"


def too_large_message():
    return _(
        "The file is larger than %(limit)s, the most a video may weigh. Export it with a "
        "lower quality or cut it into shorter lessons."
    ) % {"limit": conf.human_size(conf.max_upload_bytes())}


class VideoUploadForm(BaseCollectionMemberForm):
    """Title, file and collection; everything else comes from the pipeline."""

    permission_policy = None  # set per request in __init__

    class Meta:
        model = Video
        fields = ["title", "file", "collection"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": ACCEPT})}

    def __init__(self, *args, user=None, upload_too_large=False, **kwargs):
        self.permission_policy = policy_registry.get_by_type(Video)
        self.upload_too_large = upload_too_large
        super().__init__(*args, user=user, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the file name.")
        self.fields["file"].label = _("Video or audio file")
        self.fields["file"].help_text = _(
            "Any video from a phone or camera, or an audio recording, up to %(limit)s."
        ) % {"limit": conf.human_size(conf.max_upload_bytes())}
        self.fields["file"].widget.attrs["data-max-bytes"] = str(conf.max_upload_bytes())
        self.fields["file"].widget.attrs["data-too-large"] = str(too_large_message())
        if upload_too_large:
            # The file was dropped on purpose: say why, not "this field is required".
            self.fields["file"].required = False

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if self.upload_too_large:
            raise forms.ValidationError(too_large_message(), code="too_large")
        if upload is None:
            return upload
        if upload.size == 0:
            raise forms.ValidationError(
                _("The file is empty (0 bytes). Choose the video again."), code="empty"
            )
        if upload.size > conf.max_upload_bytes():
            raise forms.ValidationError(too_large_message(), code="too_large")
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None and not cleaned.get("title"):
            cleaned["title"] = os.path.splitext(os.path.basename(upload.name))[0][:255]
        return cleaned

    def save(self, commit=True):
        video = super().save(commit=False)
        upload = self.cleaned_data["file"]
        video.original_filename = os.path.basename(upload.name)[:255]
        video.file_size = upload.size
        if commit:
            video.save()
        return video


class VideoEditForm(BaseCollectionMemberForm):
    permission_policy = None

    class Meta:
        model = Video
        fields = ["title", "collection"]

    def __init__(self, *args, user=None, **kwargs):
        self.permission_policy = policy_registry.get_by_type(Video)
        super().__init__(*args, user=user, **kwargs)


def caption_languages():
    return list(settings.LANGUAGES)


class CaptionForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=caption_languages)
    file = forms.FileField(
        label=_("WebVTT file (.vtt)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
    )

    def __init__(self, *args, video=None, **kwargs):
        self.video = video
        super().__init__(*args, **kwargs)

    def clean_language(self):
        language = self.cleaned_data["language"]
        if (
            self.video is not None
            and Caption.objects.filter(video=self.video, language=language).exists()
        ):
            raise forms.ValidationError(
                _(
                    "This video already has captions in this language. Delete them first to "
                    "replace them."
                ),
                code="duplicate",
            )
        return language

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = int(conf.get("BIDAYA_CAPTION_MAX_BYTES"))
        if upload.size > limit:
            raise forms.ValidationError(
                _("A caption file may weigh at most %(limit)s.")
                % {"limit": conf.human_size(limit)},
                code="too_large",
            )
        data = upload.read(limit + 1)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("The caption file must be saved as UTF-8 text."), code="encoding"
            ) from error
        first_line = text.split("\n", 1)[0].rstrip("\r")
        if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
            raise forms.ValidationError(
                _(
                    "This is not a WebVTT file: it must start with the word WEBVTT. SubRip (.srt) "
                    "files can be converted to WebVTT with most subtitle editors."
                ),
                code="not_webvtt",
            )
        if "-->" not in text:
            raise forms.ValidationError(
                _(
                    "The caption file has no cues (no line with a time range like "
                    "00:00:01.000 --> 00:00:04.000)."
                ),
                code="no_cues",
            )
        self.cleaned_data["text"] = text
        return upload
