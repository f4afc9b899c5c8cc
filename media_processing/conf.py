"""Read the video settings at call time, so tests and operators can change them per run."""

from django.conf import settings

DEFAULTS = {
    "BIDAYA_VIDEO_MAX_UPLOAD_BYTES": 2 * 1024**3,
    "BIDAYA_VIDEO_MAX_DURATION_SECONDS": 3 * 3600,
    "BIDAYA_VIDEO_MAX_PIXELS": 7680 * 4320,
    "BIDAYA_VIDEO_LEASE_SECONDS": 300,
    "BIDAYA_VIDEO_WORK_DIR": None,
    "BIDAYA_VIDEO_X264_PRESET": "veryfast",
    "BIDAYA_FFMPEG_BINARY": "ffmpeg",
    "BIDAYA_FFPROBE_BINARY": "ffprobe",
    "BIDAYA_CAPTION_MAX_BYTES": 1024 * 1024,
    "BIDAYA_MEDIA_CDN_URL": "",
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])


def max_upload_bytes():
    return int(get("BIDAYA_VIDEO_MAX_UPLOAD_BYTES"))


def max_duration():
    return float(get("BIDAYA_VIDEO_MAX_DURATION_SECONDS"))


def max_pixels():
    return int(get("BIDAYA_VIDEO_MAX_PIXELS"))


def lease_seconds():
    return int(get("BIDAYA_VIDEO_LEASE_SECONDS"))


def ffmpeg_binary():
    return get("BIDAYA_FFMPEG_BINARY")


def ffprobe_binary():
    return get("BIDAYA_FFPROBE_BINARY")


def cdn_url():
    return (get("BIDAYA_MEDIA_CDN_URL") or "").rstrip("/")


def human_size(num_bytes):
    """Sizes as editors read them: 1.5 GB, 300 MB (decimal units, like phones show)."""
    value = float(num_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"
