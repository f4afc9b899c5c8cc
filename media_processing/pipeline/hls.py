"""Reading the playlists ffmpeg wrote, measuring each rung, and writing the master playlist.

ffmpeg's own master playlist declares BANDWIDTH from the configured caps plus 10 %; the
HLS spec asks for the *measured* peak segment bit rate (sound included) and players pick
rungs from it, so the master is rewritten from the measured figures. The codec strings
ffmpeg derived from the encoded streams are kept.
"""

import os
import re
from dataclasses import dataclass, field

# Seconds: a whole 2 s piece or more; a clip's shorter last segment does not set the peak.
FULL_SEGMENT = 1.95
ATTRIBUTE = re.compile(r'([A-Z0-9-]+)=("[^"]*"|[^,]*)')


def parse_attributes(text):
    return {key: value.strip('"') for key, value in ATTRIBUTE.findall(text)}


@dataclass
class MediaPlaylist:
    path: str
    target_duration: float = 0.0
    init: str = ""
    segments: list = field(default_factory=list)  # (uri, duration)
    ended: bool = False
    version: int = 0

    @property
    def duration(self):
        return sum(duration for _uri, duration in self.segments)


def parse_media_playlist(path):
    playlist = MediaPlaylist(path=path)
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle if line.strip()]
    if not lines or lines[0] != "#EXTM3U":
        raise ValueError(f"{path} is not an M3U8 playlist")
    pending = None
    for line in lines[1:]:
        if line.startswith("#EXT-X-TARGETDURATION:"):
            playlist.target_duration = float(line.split(":", 1)[1])
        elif line.startswith("#EXT-X-VERSION:"):
            playlist.version = int(line.split(":", 1)[1])
        elif line.startswith("#EXT-X-MAP:"):
            playlist.init = parse_attributes(line.split(":", 1)[1])["URI"]
        elif line.startswith("#EXTINF:"):
            pending = float(line.split(":", 1)[1].split(",", 1)[0])
        elif line == "#EXT-X-ENDLIST":
            playlist.ended = True
        elif not line.startswith("#"):
            if pending is None:
                raise ValueError(f"{path}: segment {line} has no #EXTINF")
            playlist.segments.append((line, pending))
            pending = None
    return playlist


def parse_master_playlist(text):
    """[(attributes, uri)] for the variants and [attributes] for the renditions."""
    variants, media = [], []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or lines[0] != "#EXTM3U":
        raise ValueError("not an M3U8 playlist")
    pending = None
    for line in lines[1:]:
        if line.startswith("#EXT-X-STREAM-INF:"):
            pending = parse_attributes(line.split(":", 1)[1])
        elif line.startswith("#EXT-X-MEDIA:"):
            media.append(parse_attributes(line.split(":", 1)[1]))
        elif not line.startswith("#") and pending is not None:
            variants.append((pending, line))
            pending = None
    return variants, media


@dataclass
class RungStats:
    name: str
    playlist: MediaPlaylist
    files_bytes: int
    peak_bps: int
    average_bps: int

    @property
    def duration(self):
        return self.playlist.duration


def measure(out_dir, name):
    """Bytes, peak and average bit rate of one rung's folder."""
    folder = os.path.join(out_dir, name)
    playlist = parse_media_playlist(os.path.join(folder, "index.m3u8"))
    init_bytes = os.path.getsize(os.path.join(folder, playlist.init)) if playlist.init else 0
    segment_bits = []
    for uri, duration in playlist.segments:
        size = os.path.getsize(os.path.join(folder, uri))
        segment_bits.append((size * 8, duration))
    total_bytes = init_bytes + sum(bits for bits, _d in segment_bits) // 8
    # The last segment is often a fraction of a second, and a VBV-capped encoder may
    # spend a whole buffer on it: its rate says nothing about the sustained peak.
    rated = [(bits, d) for bits, d in segment_bits if d >= FULL_SEGMENT] or segment_bits
    peak = max((bits / d for bits, d in rated if d > 0), default=0)
    duration = playlist.duration
    # Media segments only, as AVERAGE-BANDWIDTH is defined; the init segment is fetched
    # once and counted in the bytes to watch instead.
    average = (sum(bits for bits, _d in segment_bits) / duration) if duration else 0
    # BANDWIDTH may never be below AVERAGE-BANDWIDTH (a clip shorter than one segment).
    peak = max(peak, average)
    return RungStats(name, playlist, total_bytes, int(round(peak)), int(round(average)))


def write_master(out_dir, video_rungs, audio_stats, codecs, frame_rate):
    """Write master.m3u8: every video rung (smallest first), then the audio-only one.

    The picture rungs carry their own sound (their measured figures include it), so there
    is no alternate-audio group; a player that has picture picks among the picture rungs.
    """
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"]
    audio_codec = codecs.get("audio", "mp4a.40.2")
    for rung, stats in video_rungs:
        peak, average = stats.peak_bps, stats.average_bps
        codec = codecs.get(rung.name, "avc1.4d401f")
        attributes = [
            f"BANDWIDTH={peak}",
            f"AVERAGE-BANDWIDTH={average}",
            f"RESOLUTION={rung.width}x{rung.height}",
            f"FRAME-RATE={frame_rate:.3f}",
            f'CODECS="{codec},{audio_codec}"' if audio_stats else f'CODECS="{codec}"',
        ]
        lines.append("#EXT-X-STREAM-INF:" + ",".join(attributes))
        lines.append(f"{rung.name}/index.m3u8")
    if audio_stats:
        lines.append(
            f"#EXT-X-STREAM-INF:BANDWIDTH={audio_stats.peak_bps},"
            f'AVERAGE-BANDWIDTH={audio_stats.average_bps},CODECS="{audio_codec}"'
        )
        lines.append("audio/index.m3u8")
    with open(os.path.join(out_dir, "master.m3u8"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def codecs_from_ffmpeg_master(out_dir):
    """Codec strings per rung name from the master ffmpeg wrote (it reads the SPS)."""
    path = os.path.join(out_dir, "master.m3u8")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        variants, _media = parse_master_playlist(handle.read())
    codecs = {}
    for attributes, uri in variants:
        name = uri.split("/", 1)[0]
        parts = [part for part in attributes.get("CODECS", "").split(",") if part]
        for part in parts:
            if part.startswith("mp4a"):
                codecs["audio"] = part
            elif part.startswith("avc1"):
                codecs[name] = part
    return codecs
