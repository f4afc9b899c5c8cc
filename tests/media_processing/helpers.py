"""Reading a published ladder back the way a player would, and checking it."""

import json
import os
import posixpath
import subprocess
import urllib.request

from django.core.files import File
from django.core.files.storage import default_storage

from media_processing.pipeline.hls import parse_attributes, parse_master_playlist


def make_video_file(path, title=None, **fields):
    """A Video whose original is stored through default_storage, as an upload would be."""
    from media_processing.models import Video
    from tests.factories.media import root_collection

    name = os.path.basename(path)
    fields.setdefault("collection", root_collection())
    video = Video(title=title or name, original_filename=name, **fields)
    with open(path, "rb") as handle:
        video.file.save(name, File(handle, name=name), save=False)
    video.file_size = os.path.getsize(path)
    video.save()
    return video


def ffprobe(target):
    """ffprobe's JSON for a local path or an HTTP URL (the HLS demuxer for playlists)."""
    result = subprocess.run(
        [
            "ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json",
            "-protocol_whitelist", "file,http,tcp,crypto,data", str(target),
        ],
        capture_output=True,
        check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def video_streams(probe):
    return [s for s in probe["streams"] if s["codec_type"] == "video"]


def fetch(url):
    """GET over HTTP, or read from local storage for root-relative /media/ URLs."""
    if url.startswith("http"):
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.read(), response.headers
    raise ValueError(url)


def read_published(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def parse_media_playlist_text(text):
    segments, init, pending, ended = [], None, None, False
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == "#EXTM3U"
    for line in lines[1:]:
        if line.startswith("#EXT-X-MAP:"):
            init = parse_attributes(line.split(":", 1)[1])["URI"]
        elif line.startswith("#EXTINF:"):
            pending = float(line.split(":", 1)[1].split(",")[0])
        elif line == "#EXT-X-ENDLIST":
            ended = True
        elif not line.startswith("#"):
            segments.append((line, pending))
    return init, segments, ended


def check_published_ladder(video, read, expect_rungs, expect_audio=True):
    """Parse the master and every media playlist; return {name: (init, segments)}.

    ``read(name)`` returns the bytes of a stored object (from disk or over HTTP).
    """
    master = read(video.master_path).decode("utf-8")
    variants, media = parse_master_playlist(master)
    uris = [uri for _attributes, uri in variants]
    expected_uris = [f"{name}/index.m3u8" for name in expect_rungs]
    if expect_audio:
        expected_uris.append("audio/index.m3u8")
    assert uris == expected_uris
    # No alternate-audio group: each picture rung carries its own sound, which the light
    # build of hls.js plays.
    assert not media
    if expect_audio:
        audio_variant = variants[-1][0]
        assert audio_variant["CODECS"].startswith("mp4a.40.2")
        assert int(audio_variant["BANDWIDTH"]) <= 70_000
    video_variants = [attrs for attrs, uri in variants if not uri.startswith("audio/")]
    if video_variants:
        # The lowest rung, sound included, fits a 300 kb/s connection.
        assert int(video_variants[0]["BANDWIDTH"]) <= 300_000
        for attrs in video_variants:
            codecs = attrs["CODECS"].split(",")
            assert codecs[0].startswith("avc1.4d")  # H.264 Main profile
            assert codecs[1:] == (["mp4a.40.2"] if expect_audio else [])
            assert "AUDIO" not in attrs
            assert "RESOLUTION" in attrs
    playlists = {}
    for uri in uris:
        text = read(posixpath.join(video.hls_prefix, uri)).decode("utf-8")
        init, segments, ended = parse_media_playlist_text(text)
        assert ended and init and segments
        assert max(duration for _s, duration in segments) <= 6.5
        folder = posixpath.join(video.hls_prefix, posixpath.dirname(uri))
        assert read(posixpath.join(folder, init))
        assert read(posixpath.join(folder, segments[-1][0]))
        playlists[posixpath.dirname(uri)] = (init, segments)
    video_rungs = [name for name in playlists if name != "audio"]
    if len(video_rungs) > 1:
        # Keyframes aligned across rungs: every rung cuts its segments at the same times.
        first = [duration for _s, duration in playlists[video_rungs[0]][1]]
        for name in video_rungs[1:]:
            assert [duration for _s, duration in playlists[name][1]] == first
    return playlists
