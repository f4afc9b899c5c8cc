"""What is in an upload, and whether it can become a lesson.

ffprobe only reads headers, and a file cut off during upload still reports its full
duration; a plain decode of it even exits 0. So the transcode's own single decode runs
with ffmpeg's error log captured, and :func:`check_decoded` reads that log and compares
how far the decode got with what the headers promised.
"""

import json
import math
import os
import re
from dataclasses import asdict, dataclass, field
from fractions import Fraction

import ffmpeg

from .. import conf
from ..errors import VideoRejected, format_duration

# Demuxers an upload may use. Everything else (HLS and concat playlists above all, which
# make ffmpeg open other files or URLs named inside the upload) is refused.
DEMUXERS = (
    "mov,matroska,webm,avi,mpegts,mpeg,flv,asf,ogg,wav,mp3,aac,flac,amr,caf,aiff,w64,"
    "image2,png_pipe,jpeg_pipe,webp_pipe,bmp_pipe,tiff_pipe,gif,gif_pipe,"
    "heif,ivf,m4v,h264,hevc,mjpeg"
)
INPUT_OPTIONS = {"format_whitelist": DEMUXERS, "protocol_whitelist": "file,pipe"}
IMAGE_FORMATS = {"image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe"}
IMAGE_CODECS = {"png", "mjpeg", "bmp", "tiff", "webp", "jpeg2000", "jpegls", "gif"}
HDR_TRANSFERS = {"smpte2084", "arib-std-b67"}
MIN_DURATION = 0.5


@dataclass
class VideoStream:
    index: int
    codec: str
    width: int
    height: int
    display_width: int
    display_height: int
    rotation: int
    fps: float
    frame_rate: str
    nominal_fps: float
    nominal_frame_rate: str
    variable_frame_rate: bool
    pix_fmt: str
    bit_depth: int
    color_transfer: str
    color_primaries: str
    color_space: str
    frames: int | None

    @property
    def is_hdr(self):
        return self.color_transfer in HDR_TRANSFERS

    @property
    def pixels(self):
        return self.width * self.height


@dataclass
class AudioStream:
    index: int
    codec: str
    channels: int
    sample_rate: int


@dataclass
class MediaInfo:
    format_name: str
    duration: float
    size: int
    video: VideoStream | None = None
    audio: AudioStream | None = None
    raw: dict = field(default_factory=dict, repr=False)

    def summary(self):
        data = {"format": self.format_name, "duration": self.duration, "size": self.size}
        if self.video:
            data["video"] = asdict(self.video)
        if self.audio:
            data["audio"] = asdict(self.audio)
        return data


def _fraction(value, default=0.0):
    """ffprobe writes rates as 30000/1001 and aspect ratios as 64:45."""
    try:
        number = Fraction(str(value).replace(":", "/"))
    except (TypeError, ValueError, ZeroDivisionError):
        return default
    return float(number) if number else default


def _float(value, default=0.0):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _rotation(stream):
    """Degrees clockwise the picture must be turned for display (0, 90, 180 or 270)."""
    degrees = None
    for side_data in stream.get("side_data_list") or ():
        if "rotation" in side_data:
            # The display matrix rotation is counter-clockwise.
            degrees = -_float(side_data["rotation"])
    if degrees is None:
        degrees = _float((stream.get("tags") or {}).get("rotate"))
    return int(round(degrees / 90.0)) * 90 % 360


def _bit_depth(stream):
    raw = stream.get("bits_per_raw_sample")
    if raw and str(raw).isdigit():
        return int(raw)
    match = re.search(r"p(\d+)(le|be)$", stream.get("pix_fmt") or "")
    return int(match.group(1)) if match else 8


def _video_stream(stream):
    width, height = int(stream.get("width") or 0), int(stream.get("height") or 0)
    sar = _fraction(stream.get("sample_aspect_ratio"), 1.0) or 1.0
    rotation = _rotation(stream)
    shown_width = round(width * sar) if sar != 1.0 else width
    if rotation in (90, 270):
        display_width, display_height = height, shown_width
    else:
        display_width, display_height = shown_width, height
    average = _fraction(stream.get("avg_frame_rate"))
    nominal = _fraction(stream.get("r_frame_rate"))
    fps = average or nominal
    frames = stream.get("nb_frames")
    return VideoStream(
        index=int(stream["index"]),
        codec=stream.get("codec_name") or "",
        width=width,
        height=height,
        display_width=display_width,
        display_height=display_height,
        rotation=rotation,
        fps=fps,
        frame_rate=stream.get("avg_frame_rate") or stream.get("r_frame_rate") or "",
        nominal_fps=nominal,
        nominal_frame_rate=stream.get("r_frame_rate") or "",
        variable_frame_rate=bool(average and nominal and abs(average - nominal) > 0.01),
        pix_fmt=stream.get("pix_fmt") or "",
        bit_depth=_bit_depth(stream),
        color_transfer=stream.get("color_transfer") or "",
        color_primaries=stream.get("color_primaries") or "",
        color_space=stream.get("color_space") or "",
        frames=int(frames) if frames and str(frames).isdigit() else None,
    )


def _pick(streams, codec_type):
    candidates = [
        stream
        for stream in streams
        if stream.get("codec_type") == codec_type
        and not (stream.get("disposition") or {}).get("attached_pic")
    ]
    defaults = [s for s in candidates if (s.get("disposition") or {}).get("default")]
    return (defaults or candidates or [None])[0]


def _looks_like_mp4(path):
    with open(path, "rb") as handle:
        head = handle.read(12)
    return head[4:8] in (b"ftyp", b"mdat", b"moov", b"free", b"wide", b"skip")


def probe(path):
    """Read the container and stream headers; raise VideoRejected if there are none."""
    size = os.path.getsize(path)
    if size == 0:
        raise VideoRejected("empty")
    try:
        data = ffmpeg.probe(str(path), cmd=conf.ffprobe_binary(), **INPUT_OPTIONS)
    except ffmpeg.Error as error:
        stderr = (error.stderr or b"").decode("utf-8", "replace")
        # An MP4 whose index (written when recording stops) never arrived, as opposed
        # to some other file that merely has an .mp4 name.
        code = (
            "truncated"
            if "moov atom not found" in stderr and _looks_like_mp4(path)
            else "not_media"
        )
        raise VideoRejected(code, detail=stderr[-2000:]) from error
    except json.JSONDecodeError as error:
        raise VideoRejected("not_media", detail=str(error)) from error

    streams = data.get("streams") or []
    container = data.get("format") or {}
    video = _pick(streams, "video")
    audio = _pick(streams, "audio")
    info = MediaInfo(
        format_name=container.get("format_name") or "",
        duration=_float(container.get("duration")),
        size=size,
        raw=data,
    )
    if video is not None and int(video.get("width") or 0) > 0:
        info.video = _video_stream(video)
    if audio is not None:
        info.audio = AudioStream(
            index=int(audio["index"]),
            codec=audio.get("codec_name") or "",
            channels=int(audio.get("channels") or 2),
            sample_rate=int(audio.get("sample_rate") or 48000),
        )
    if not info.duration:
        stream_durations = [_float(s.get("duration")) for s in streams]
        info.duration = max(stream_durations, default=0.0)
    return info


def expected_duration(info):
    """How long the streams we use last, from the headers (0 when they do not say)."""
    streams = {s.get("index"): s for s in info.raw.get("streams") or []}
    durations = [
        _float(streams.get(chosen.index, {}).get("duration"))
        for chosen in (info.video, info.audio)
        if chosen is not None
    ]
    return max(durations, default=0.0) or info.duration


def is_still_image(info):
    if not info.video:
        return False
    if info.format_name in IMAGE_FORMATS or info.video.codec in IMAGE_CODECS - {"mjpeg", "gif"}:
        return True
    return info.video.frames == 1


def check_usable(info):
    """Reject what the ladder cannot be built from, with a reason the editor can act on."""
    if not info.video and not info.audio:
        raise VideoRejected("not_media", detail=f"no audio or video stream ({info.format_name})")
    if is_still_image(info):
        if not info.audio:
            raise VideoRejected("still_image")
        # A picture with a sound track (a podcast cover): publish the sound.
        info.video = None
    if info.video and info.video.pixels > conf.max_pixels():
        raise VideoRejected(
            "too_many_pixels",
            width=info.video.width,
            height=info.video.height,
            limit=f"{conf.max_pixels():,}",
        )
    limit = conf.max_duration()
    if info.duration > limit:
        raise VideoRejected(
            "too_long", duration=format_duration(info.duration), limit=format_duration(limit)
        )
    if 0 < info.duration < MIN_DURATION:
        if info.video and not info.audio:
            raise VideoRejected("still_image", detail=f"duration {info.duration:.3f}s")
        raise VideoRejected("too_short", minimum=MIN_DURATION)
    return info


# Lines ffmpeg logs at "error" level when the data is cut off or damaged.
DAMAGE = re.compile(
    r"partial file|File ended prematurely|Invalid data found|corrupt|Error while decoding|"
    r"Error splitting|Invalid NAL|missing picture|decode_slice_header error|concealing|"
    r"Truncat|End of file|EBML header parsing failed|Read error|error reading",
    re.IGNORECASE,
)
CUT_OFF = re.compile(r"partial file|File ended prematurely|End of file|Truncat", re.IGNORECASE)
# A handful of decode errors happen in files that play fine (a broken first GOP in a
# cut recording); many mean the picture is visibly damaged.
DAMAGE_LIMIT = 10


def check_decoded(info, stderr, returncode, decoded_seconds):
    """Judge the transcode's single decode: was the whole file there, and readable?

    ffmpeg exits 0 on a truncated file, so the error log and how far the decode got are
    what tell. Raises VideoRejected for a damaged upload; returns False when ffmpeg
    failed for some other reason (the caller treats that as a server-side failure).
    """
    damage = [line for line in stderr.splitlines() if DAMAGE.search(line)]
    expected = expected_duration(info)
    cut_short = expected > 0 and decoded_seconds < expected - max(1.0, 0.05 * expected)
    if CUT_OFF.search(stderr) or (returncode == 0 and cut_short):
        raise VideoRejected("truncated", detail=stderr[-4000:])
    if len(damage) >= DAMAGE_LIMIT or (returncode != 0 and damage):
        raise VideoRejected("corrupt", detail=stderr[-4000:])
    return returncode == 0
