"""Ladder planning and the probe's reading of ffprobe output (no ffmpeg needed)."""

import pytest

from media_processing.errors import VideoRejected
from media_processing.pipeline.ladder import build_command, plan_ladder, target_fps
from media_processing.pipeline.probe import AudioStream, MediaInfo, _video_stream, check_usable


def stream(width, height, rate="30/1", avg=None, rotation=None, sar="1:1", **extra):
    data = {
        "index": 0,
        "codec_type": "video",
        "codec_name": "h264",
        "width": width,
        "height": height,
        "r_frame_rate": rate,
        "avg_frame_rate": avg or rate,
        "sample_aspect_ratio": sar,
        "pix_fmt": "yuv420p",
        **extra,
    }
    if rotation is not None:
        data["side_data_list"] = [{"side_data_type": "Display Matrix", "rotation": rotation}]
    return _video_stream(data)


def sound():
    return AudioStream(index=1, codec="aac", channels=2, sample_rate=48000)


def sizes(video):
    return [(r.name, r.width, r.height) for r in plan_ladder(video)]


def test_full_hd_gets_every_rung():
    assert sizes(stream(1920, 1080)) == [
        ("240p", 426, 240),
        ("360p", 640, 360),
        ("480p", 854, 480),
        ("720p", 1280, 720),
    ]


def test_phone_held_upright_is_sized_by_its_short_side():
    video = stream(1920, 1080, rotation=-90)
    assert (video.display_width, video.display_height, video.rotation) == (1080, 1920, 90)
    assert sizes(video)[-1] == ("720p", 720, 1280)
    assert sizes(video)[0] == ("240p", 240, 426)


def test_never_upscale_and_tiny_sources_keep_their_size():
    assert [name for name, *_ in sizes(stream(854, 480))] == ["240p", "360p", "480p"]
    assert sizes(stream(176, 144)) == [("144p", 176, 144)]


def test_non_square_pixels_are_made_square():
    video = stream(720, 576, sar="64:45")  # PAL 16:9
    assert (video.display_width, video.display_height) == (1024, 576)
    assert sizes(video)[-1] == ("480p", 854, 480)


@pytest.mark.parametrize(
    ("rate", "avg", "expected"),
    [
        ("30/1", "30/1", "30/1"),
        ("30000/1001", "30000/1001", "30000/1001"),
        ("25/1", "25/1", "25/1"),
        ("60/1", "60/1", "30"),
        ("60000/1001", "60000/1001", "29.97"),
        ("50/1", "50/1", "25"),
        ("240/1", "240/1", "30"),
        ("30/1", "1800/61", "30"),  # variable: keep the nominal rate
        ("5/1", "5/1", "10"),
    ],
)
def test_frame_rate(rate, avg, expected):
    assert target_fps(stream(1280, 720, rate=rate, avg=avg)) == expected


def test_limits_are_read_at_call_time(settings):
    info = MediaInfo(format_name="mov", duration=30.0, size=1, video=stream(3840, 2160))
    check_usable(info)
    settings.BIDAYA_VIDEO_MAX_PIXELS = 1920 * 1080
    with pytest.raises(VideoRejected) as rejected:
        check_usable(info)
    assert rejected.value.code == "too_many_pixels"
    assert rejected.value.params["width"] == 3840


def test_command_decodes_once_and_aligns_keyframes(tmp_path):
    info = MediaInfo(format_name="mov", duration=10.0, size=1, video=stream(1920, 1080))
    args = build_command("in.mp4", str(tmp_path), info, plan_ladder(info.video), poster_at=2.5)
    assert args.count("-i") == 1
    graph = args[args.index("-filter_complex") + 1]
    assert "split=5" in graph  # four rungs and the poster from the same decoded frames
    assert args[args.index("-force_key_frames") + 1] == "expr:gte(t,n_forced*2)"
    assert args[args.index("-sc_threshold") + 1] == "0"
    assert args[args.index("-hls_time") + 1] == "2"
    assert args[args.index("-format_whitelist") + 1].startswith("mov,")
    assert "hls" not in args[args.index("-format_whitelist") + 1].split(",")


def test_each_picture_rung_carries_the_sound_decoded_once(tmp_path):
    info = MediaInfo(
        format_name="mov", duration=10.0, size=1, video=stream(1280, 720), audio=sound()
    )
    args = build_command("in.mp4", str(tmp_path), info, plan_ladder(info.video))
    assert args.count("-i") == 1
    stream_map = args[args.index("-var_stream_map") + 1].split()
    assert stream_map == [
        "v:0,a:0,name:240p",
        "v:1,a:1,name:360p",
        "v:2,a:2,name:480p",
        "v:3,a:3,name:720p",
        "a:4,name:audio",
    ]
    assert "agroup" not in " ".join(args)
    # The one sound track of the input, mapped once per output stream.
    maps = [args[i + 1] for i, arg in enumerate(args) if arg == "-map"]
    assert maps.count("0:1") == 5


def box(kind, payload=b""):
    import struct

    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def test_segment_is_uploaded_only_once_whole(tmp_path):
    from media_processing.pipeline.publish import is_whole_fragment

    segment = box(b"styp", b"msdh") + box(b"moof", b"\0" * 40) + box(b"mdat", b"\1" * 500)
    whole = tmp_path / "whole.m4s"
    whole.write_bytes(segment)
    assert is_whole_fragment(whole)
    for cut in (10, 60, len(segment) - 1):  # inside a header, after moof, inside mdat
        partial = tmp_path / f"cut-{cut}.m4s"
        partial.write_bytes(segment[:cut])
        assert not is_whole_fragment(partial)
    init = tmp_path / "init.mp4"
    init.write_bytes(box(b"ftyp", b"iso5") + box(b"moov", b"\0" * 20))
    assert not is_whole_fragment(init)
