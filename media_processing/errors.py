"""Failure reasons a person can act on.

A video stores a reason *code* and its parameters, not a sentence: the sentence is
rendered in the reader's language when it is shown (an Arabic editor and an English
operator see the same failure in their own language). The technical detail (ffmpeg's
stderr, a traceback) is kept separately for operators.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

MESSAGES = {
    "empty": _("The file is empty (0 bytes). Upload the video again."),
    "not_media": _(
        "This file is not a video or audio recording that can be read. Documents, "
        "pictures and damaged files cannot be used: check that you chose the right file."
    ),
    "truncated": _(
        "The file is incomplete: it stops before the end of the video. The recording or "
        "the copy was probably cut off. Upload the complete file again."
    ),
    "corrupt": _(
        "Parts of this file are damaged and cannot be decoded. Export or copy the video "
        "again from the phone or the editing program and upload the new file."
    ),
    "still_image": _(
        "This file is a still picture, not a video. Upload a video or an audio recording."
    ),
    "too_short": ngettext_lazy(
        "The video is too short: it lasts less than %(minimum)s second.",
        "The video is too short: it lasts less than %(minimum)s seconds.",
        "minimum",
    ),
    "too_long": _(
        "The video lasts %(duration)s; the limit is %(limit)s. Split it into shorter lessons."
    ),
    "too_many_pixels": _(
        "The picture is %(width)s×%(height)s pixels, more than the limit of %(limit)s "
        "pixels. Export the video at a lower resolution (1080p is plenty)."
    ),
    "missing_original": _("The uploaded file is missing from storage. Upload the video again."),
    "stalled": _("Processing stopped making progress and was cancelled. Try again."),
    "internal": _(
        "Processing failed because of a problem on the server. Try again; if it fails "
        "again, tell an administrator."
    ),
}


class VideoRejected(Exception):
    """The upload cannot become a lesson video; retrying will not help."""

    def __init__(self, code, detail="", **params):
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.params = params

    def __str__(self):
        return f"{self.code}: {message_for(self.code, self.params)}"


class ProcessingFailed(Exception):
    """Something on our side went wrong (ffmpeg crashed, storage refused); a retry may work."""

    def __init__(self, code="internal", detail="", **params):
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.params = params


class LeaseLost(Exception):
    """Another worker took this video over; stop without touching its state."""


def message_for(code, params=None):
    """The translated sentence for a reason code, in the active language."""
    template = MESSAGES.get(code, MESSAGES["internal"])
    try:
        return str(template % (params or {}))
    except (KeyError, TypeError, ValueError):
        return str(template)


def format_duration(seconds):
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
