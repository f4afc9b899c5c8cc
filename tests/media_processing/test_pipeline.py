"""Every kind of upload through the real pipeline (real ffmpeg, local file storage)."""

import os

import pytest

from django.core.files.storage import default_storage

from media_processing import storage
from media_processing.models import Rendition, Video
from media_processing.pipeline import process_video, segments
from tests.media_processing.helpers import (
    check_published_ladder,
    ffprobe,
    read_published,
    video_streams,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def run(make_video, media, kind, **fields):
    video = make_video(media.path(kind), **fields)
    outcome = process_video(video.pk)
    video = Video.objects.get(pk=video.pk)
    return video, outcome


def local(name):
    return default_storage.path(name)


def assert_ready(video, duration, width, height, rungs, audio=True):
    assert video.status == Video.Status.READY, video.error_detail
    assert video.progress == 100
    assert video.duration == pytest.approx(duration, abs=0.5)
    assert (video.width, video.height) == (width, height)
    names = [r.name for r in video.sorted_renditions]
    assert names == rungs + (["audio"] if audio else [])
    check_published_ladder(video, read_published, rungs, expect_audio=audio)
    # The published ladder, read back by ffprobe, has the duration of the source.
    probe = ffprobe(local(video.master_path))
    assert float(probe["format"]["duration"]) == pytest.approx(duration, abs=0.5)
    assert video.sound_in_rungs is (audio and bool(rungs))
    for rendition in video.video_renditions:
        probed = ffprobe(local(rendition.playlist_path))
        # Each picture rung carries its own sound, so hls.js's light build plays it.
        sounds = [s for s in probed["streams"] if s["codec_type"] == "audio"]
        assert [s["codec_name"] for s in sounds] == (["aac"] if audio else [])
        stream = video_streams(probed)[0]
        assert stream["codec_name"] == "h264"
        assert stream["pix_fmt"] == "yuv420p"
        assert stream["profile"] == "Main"
        assert (stream["width"], stream["height"]) == (rendition.width, rendition.height)
        assert not stream.get("side_data_list")  # no rotation left for the player to apply
    return video


def test_landscape_phone_video(make_video, media, work_dir):
    video, outcome = run(make_video, media, "landscape")
    assert outcome["status"] == "ready"
    assert_ready(video, 4.0, 640, 360, ["240p", "360p"])
    small, medium, audio = video.sorted_renditions
    assert (small.width, small.height) == (426, 240)
    assert (medium.width, medium.height) == (640, 360)
    assert small.bandwidth <= 300_000
    assert audio.kind == Rendition.Kind.AUDIO and audio.bandwidth <= 70_000
    # Bytes to watch include the sound track.
    assert small.bytes > audio.bytes and medium.bytes > small.bytes
    poster = ffprobe(local(video.poster))["streams"][0]
    assert (poster["codec_name"], poster["width"], poster["height"]) == ("mjpeg", 640, 360)
    download = ffprobe(local(video.download_mp4))
    kinds = {s["codec_type"]: s for s in download["streams"]}
    assert (kinds["video"]["width"], kinds["video"]["height"]) == (426, 240)
    assert kinds["audio"]["codec_name"] == "aac"
    assert float(download["format"]["duration"]) == pytest.approx(4.0, abs=0.5)
    assert list(work_dir.iterdir()) == []  # the worker's temporary folder is gone


def test_rotated_phone_video_stays_portrait(make_video, media):
    video, _ = run(make_video, media, "rotated")
    assert_ready(video, 4.0, 360, 640, ["240p", "360p"])
    assert video.orientation == "portrait"
    assert [(r.width, r.height) for r in video.video_renditions] == [(240, 426), (360, 640)]


def test_variable_frame_rate_becomes_constant(make_video, media):
    video, _ = run(make_video, media, "vfr")
    assert_ready(video, 3.9, 320, 240, ["240p"])
    stream = video_streams(ffprobe(local(video.video_renditions[0].playlist_path)))[0]
    assert stream["r_frame_rate"] == "30/1"
    assert video.source_info["video"]["variable_frame_rate"] is True


def test_hdr_10bit_hevc_becomes_8bit_sdr_h264(make_video, media):
    video, _ = run(make_video, media, "hdr")
    assert video.source_info["video"]["bit_depth"] == 10
    assert video.source_info["video"]["color_transfer"] == "smpte2084"
    assert_ready(video, 3.0, 640, 360, ["240p", "360p"])
    stream = video_streams(ffprobe(local(video.video_renditions[-1].playlist_path)))[0]
    assert stream["color_transfer"] == "bt709"
    assert stream["color_primaries"] == "bt709"


def test_odd_dimensions(make_video, media):
    video, _ = run(make_video, media, "odd")
    assert_ready(video, 3.0, 321, 241, ["240p"])
    assert (video.video_renditions[0].width, video.video_renditions[0].height) == (320, 240)


def test_video_without_sound(make_video, media):
    video, _ = run(make_video, media, "noaudio")
    assert_ready(video, 3.0, 320, 240, ["240p"], audio=False)
    assert video.has_audio is False
    download = ffprobe(local(video.download_mp4))
    assert [s["codec_type"] for s in download["streams"]] == ["video"]


def test_audio_only_upload_gets_an_audio_ladder(make_video, media):
    video, _ = run(make_video, media, "audioonly")
    assert video.status == Video.Status.READY, video.error_detail
    assert video.is_audio_only and video.poster == "" and video.poster_url == ""
    assert (video.width, video.height) == (None, None)
    assert [r.name for r in video.sorted_renditions] == ["audio"]
    check_published_ladder(video, read_published, [], expect_audio=True)
    assert video.download_mp4.endswith(".m4a")
    probe = ffprobe(local(video.master_path))
    assert float(probe["format"]["duration"]) == pytest.approx(4.0, abs=0.5)


def test_mp3_with_cover_picture_is_published_as_sound(make_video, media):
    video, _ = run(make_video, media, "cover_mp3")
    assert video.status == Video.Status.READY, video.error_detail
    assert video.is_audio_only
    assert [r.name for r in video.sorted_renditions] == ["audio"]


def test_webm_vp9(make_video, media):
    video, _ = run(make_video, media, "webm")
    assert_ready(video, 3.0, 320, 240, ["240p"])
    assert video.source_info["video"]["codec"] == "vp9"


def test_arabic_file_name_with_spaces(make_video, media):
    path = media.path("arabic")
    video, _ = run(make_video, media, "arabic", title=None)
    assert video.original_filename == os.path.basename(path)
    assert "الدرس" in video.file.name
    assert_ready(video, 4.0, 640, 360, ["240p", "360p"])


REJECTIONS = [
    ("empty", "empty", {}),
    ("text", "not_media", {}),
    ("playlist", "not_media", {}),
    ("truncated", "truncated", {}),
    ("corrupt", "corrupt", {}),
    ("still_png", "still_image", {}),
    ("one_frame", "still_image", {}),
    ("landscape", "too_long", {"BIDAYA_VIDEO_MAX_DURATION_SECONDS": 2}),
    ("landscape", "too_many_pixels", {"BIDAYA_VIDEO_MAX_PIXELS": 640 * 360 - 1}),
]


@pytest.mark.parametrize(
    ("kind", "code", "overrides"), REJECTIONS, ids=[r[1] + "-" + r[0] for r in REJECTIONS]
)
def test_unusable_uploads_fail_with_a_reason_and_leave_nothing(
    make_video, media, settings, work_dir, kind, code, overrides
):
    for name, value in overrides.items():
        setattr(settings, name, value)
    video, outcome = run(make_video, media, kind)
    assert outcome == {"video": video.pk, "status": "failed", "error": code}
    assert video.status == Video.Status.FAILED
    assert video.error_code == code
    assert video.error and video.error != code  # a sentence, not a code
    assert video.pending_prefix == "" and video.hls_prefix == ""
    assert video.renditions.count() == 0
    assert storage.list_prefix(f"videos/hls/{video.pk}/") == []
    assert list(work_dir.iterdir()) == []
    assert default_storage.exists(video.file.name)  # the original is kept for a retry


def test_reason_is_shown_in_the_readers_language(make_video, media):
    from django.utils import translation

    video, _ = run(make_video, media, "still_png")
    with translation.override("en"):
        english = video.error
    assert "still picture" in english
    assert video.error_params == {}


def test_a_published_ladder_is_announced_once_committed(
    make_video, media, django_capture_on_commit_callbacks
):
    from media_processing.signals import video_ready

    heard = []

    def listener(sender, video_id, **kwargs):
        heard.append(video_id)

    video_ready.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            video, _ = run(make_video, media, "odd")
        assert video.status == Video.Status.READY
        assert heard == []  # nothing before the commit
        for callback in callbacks:
            callback()
        assert heard == [video.pk]
    finally:
        video_ready.disconnect(listener)


def test_a_short_first_segment_then_six_second_ones(make_video, media, work_dir):
    """The first segment is one 2 s piece (a quick first frame on a weak link), the
    rest are three pieces joined; every rung is cut alike and nothing else is published."""
    video, _outcome = run(make_video, media, "long")
    assert_ready(video, 24.0, 640, 360, ["240p", "360p"])
    cuts = {}
    for rendition in video.sorted_renditions:
        playlist = read_published(rendition.playlist_path).decode("utf-8")
        lines = playlist.splitlines()
        lengths = [float(line[8:].split(",")[0]) for line in lines if line.startswith("#EXTINF:")]
        assert lengths[0] == pytest.approx(2.0, abs=0.05)
        assert all(length == pytest.approx(6.0, abs=0.1) for length in lengths[1:-1])
        assert sum(lengths) == pytest.approx(24.0, abs=0.2)
        target = int(playlist.split("#EXT-X-TARGETDURATION:")[1].split()[0])
        assert target == 6 or (rendition.name == "audio" and target == 7)
        cuts[rendition.name] = [round(length) for length in lengths]
        names = [line for line in playlist.splitlines() if line and not line.startswith("#")]
        assert names == [f"seg_{number:05d}.m4s" for number in range(len(lengths))]
        # A joined segment opens with one styp, then holds its three fragments.
        folder = rendition.playlist_path.rsplit("/", 1)[0]
        data = read_published(f"{folder}/seg_00001.m4s")
        kinds = [kind for kind, _start, _end in segments._boxes(data)]
        assert kinds.count(b"styp") == kinds[:1].count(b"styp") <= 1
        assert kinds.count(b"moof") == 3 and kinds[-1] == b"mdat"
    assert cuts["240p"] == cuts["360p"]
    published = [name for name, _size in storage.list_prefix(video.hls_prefix)]
    assert [name for name in published if name.endswith(".m4s")]
    assert not [name for name in published if "piece_" in name or name.endswith(".part")]
