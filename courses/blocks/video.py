"""The video block: a video from the library, with what watching it costs in data.

Many learners pay for every megabyte, so each quality is listed with the data a full
viewing takes before they press play. The markup is a plain ``<video>`` that plays
the MP4 where HLS is not native; ``data-master-url`` and ``data-video-id`` are what the
adaptive player script hooks onto.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from media_processing.blocks import VideoChooserBlock


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("video"))
    title = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    note = blocks.TextBlock(
        label=_("what to watch for"),
        required=False,
        max_length=500,
        rows=2,
        help_text=_("One or two sentences shown under the video."),
    )

    class Meta:
        label = _("video")
        icon = "media"
        template = "courses/blocks/video.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        video = value.get("video")
        ready = bool(video is not None and video.is_ready)
        context["video"] = video
        context["ready"] = ready
        context["data_sizes"] = data_sizes(video) if ready else []
        context["captions"] = [c for c in video.captions.all() if c.url] if ready else []
        return context


def data_sizes(video):
    """``[{"label", "bytes", "audio_only"}]`` from the smallest picture up, sound-only last."""
    return [
        {
            "label": rendition.label,
            "bytes": rendition.bytes,
            "audio_only": rendition.kind == rendition.Kind.AUDIO,
        }
        for rendition in video.sorted_renditions
        if rendition.bytes
    ]
