"""The HLS ladder and the one ffmpeg command that writes all of it from a single decode.

Rungs are named and sized by the picture's *short* side, so a portrait phone video
becomes 240x426 … 720x1280 and stays portrait. Rungs above the source are dropped
(never upscale). Every rung gets keyframes at the same instants (every 2 s, scene-cut
detection off), so the segments line up and a player can switch between rungs at any
segment boundary. ffmpeg writes pieces of one keyframe interval, which ``segments.py``
joins into a 2 s first segment (a quick first frame) and 6 s segments after it.

Each picture rung carries its own sound: the decoded sound track is encoded once per
rung (AAC is cheap next to x264) and once more for the sound-only rung that data saver
plays. A player then needs no alternate-audio support, so the lesson page loads hls.js's
light build (about 390 KB where the full one is 620 KB); the cost is 64 kb/s of stored
sound per rung, which no learner downloads twice.
"""

import os
from dataclasses import dataclass

import ffmpeg

from .. import conf
from .probe import INPUT_OPTIONS
from .segments import GROUP, PIECE_PATTERN

KEYFRAME_SECONDS = 2
SEGMENT_SECONDS = GROUP * KEYFRAME_SECONDS  # every segment but the first
AUDIO_KBPS = 64
MAX_FPS = 30
# Downscaling filter: zscale runs on several threads (swscale does not in Debian's
# ffmpeg 5.1) and bilinear is plenty for downscaling.
SCALE_FILTER = "bilinear"


@dataclass(frozen=True)
class Rung:
    name: str
    short_side: int
    maxrate_kbps: int
    bufsize_kbps: int
    crf: int


# The 240p rung is capped so that picture + 64 kb/s of sound stays under 300 kb/s even
# in its busiest segment: with a one-second VBV buffer (bufsize = maxrate) the 2 s first
# segment carries at most 3/2 of maxrate (150 * 1.5 + 64 = 289), a 6 s one 7/6.
LADDER = (
    Rung("240p", 240, 150, 150, 26),
    Rung("360p", 360, 450, 600, 24),
    Rung("480p", 480, 800, 1200, 23),
    Rung("720p", 720, 1600, 2400, 23),
)


@dataclass(frozen=True)
class PlannedRung:
    name: str
    width: int
    height: int
    maxrate_kbps: int
    bufsize_kbps: int
    crf: int


def _even(value):
    return max(2, int(round(value / 2.0)) * 2)


def plan_ladder(video):
    """The rungs for this picture, smallest first."""
    short = min(video.display_width, video.display_height)
    long_ = max(video.display_width, video.display_height)
    portrait = video.display_height > video.display_width
    rungs = [rung for rung in LADDER if rung.short_side <= short]
    if not rungs:
        # Smaller than 240p: keep the source size, with the lowest rung's budget.
        smallest = LADDER[0]
        rungs = [
            Rung(f"{_even(short)}p", _even(short), smallest.maxrate_kbps, smallest.bufsize_kbps, 26)
        ]
    planned = []
    for rung in rungs:
        side = _even(rung.short_side)
        other = _even(long_ * rung.short_side / short)
        width, height = (side, other) if portrait else (other, side)
        planned.append(
            PlannedRung(rung.name, width, height, rung.maxrate_kbps, rung.bufsize_kbps, rung.crf)
        )
    return planned


def target_fps(video):
    """A constant frame rate no higher than 30: halve 50/60 fps, keep 23.976-30 as is.

    For variable frame rate (phones drop frames in low light) the nominal rate is kept,
    so the full-rate stretches keep their motion and the slow ones repeat frames.
    """
    fps, text = video.fps or 30.0, video.frame_rate
    if video.variable_frame_rate and 0 < video.nominal_fps <= 120:
        fps, text = video.nominal_fps, video.nominal_frame_rate
    if fps > MAX_FPS + 0.5:
        half = fps / 2
        return f"{half:.3f}".rstrip("0").rstrip(".") if half <= MAX_FPS + 0.5 else str(MAX_FPS)
    if fps < 10:
        return "10"
    if not video.variable_frame_rate and text and "/" in text:
        return text
    return str(int(round(fps)))


def fps_value(text):
    if "/" in text:
        numerator, denominator = text.split("/", 1)
        return float(numerator) / float(denominator)
    return float(text)


def encoder_threads():
    """x264 threads per rung. On two cores, two each was fastest (measured: one each
    serialises the encoders in ffmpeg's main thread, three each oversubscribes)."""
    cores = os.cpu_count() or 1
    return 1 if cores == 1 else max(2, cores // 2)


def _video_chain(stream, video, top):
    if video.is_hdr:
        # PQ/HLG to SDR BT.709: linearise, tone-map, then back to BT.709 limited range.
        stream = (
            stream.filter(
                "zscale",
                t="linear",
                npl=100,
                tin=video.color_transfer,
                pin=video.color_primaries or "bt2020",
                min=video.color_space or "bt2020nc",
            )
            .filter("format", "gbrpf32le")
            .filter("zscale", p="bt709")
            .filter("tonemap", tonemap="hable", desat=0)
            .filter("zscale", t="bt709", m="bt709", r="tv")
            .filter("format", "yuv420p")
        )
    stream = stream.filter("fps", fps=target_fps(video))
    if video.width % 2 or video.height % 2:
        # zscale refuses 4:2:0 pictures with odd sides; swscale copes.
        stream = stream.filter("scale", w=top.width, h=top.height, flags=SCALE_FILTER)
    else:
        stream = stream.filter("zscale", w=top.width, h=top.height, filter=SCALE_FILTER)
    return stream.filter("format", "yuv420p").filter("setsar", 1)


def build_command(source, out_dir, info, rungs, poster_at=None):
    """ffmpeg arguments for the whole ladder (plus a poster frame) in one process."""
    source_input = ffmpeg.input(str(source), **INPUT_OPTIONS)
    streams = []
    options = {
        "f": "hls",
        # One piece per keyframe interval; segments.py joins them.
        "hls_time": KEYFRAME_SECONDS,
        "hls_playlist_type": "vod",
        "hls_segment_type": "fmp4",
        "hls_flags": "independent_segments",
        "hls_fmp4_init_filename": "init.mp4",
        "hls_segment_filename": os.path.join(out_dir, "%v", PIECE_PATTERN),
        "master_pl_name": "master.m3u8",
        # Phone files whose sound starts well after the picture would otherwise stop
        # with "Too many packets buffered for output stream".
        "max_muxing_queue_size": 4096,
    }
    stream_map = []
    poster_stream = None
    video = info.video
    audio = info.audio
    # Each picture rung's own copy of the sound is output stream a:<number>.
    sound = ",a:{}" if audio else ""

    if video:
        top = rungs[-1]
        chain = _video_chain(source_input[str(video.index)], video, top)
        outputs = len(rungs) + (1 if poster_at is not None else 0)
        split = chain.filter_multi_output("split", outputs)
        fps = fps_value(target_fps(video))
        gop = max(1, int(round(fps * KEYFRAME_SECONDS)))
        for number, rung in enumerate(rungs):
            branch = split.stream(number)
            if (rung.width, rung.height) != (top.width, top.height):
                branch = branch.filter("zscale", w=rung.width, h=rung.height, filter=SCALE_FILTER)
            streams.append(branch)
            options.update(
                {
                    f"crf:v:{number}": rung.crf,
                    f"maxrate:v:{number}": f"{rung.maxrate_kbps}k",
                    f"bufsize:v:{number}": f"{rung.bufsize_kbps}k",
                }
            )
            stream_map.append(f"v:{number}{sound.format(number)},name:{rung.name}")
        if poster_at is not None:
            # Exactly one frame: every frame let through would be converted for the JPEG
            # encoder (about a tenth of the encode time on two cores) and then dropped.
            poster_stream = split.stream(len(rungs)).filter(
                "select", f"isnan(prev_selected_t)*gte(t,{poster_at:.3f})"
            )
        options.update(
            {
                "c:v": "libx264",
                "preset": conf.get("BIDAYA_VIDEO_X264_PRESET"),
                "profile:v": "main",
                "pix_fmt": "yuv420p",
                "g": gop,
                "keyint_min": gop,
                "sc_threshold": 0,
                "force_key_frames": f"expr:gte(t,n_forced*{KEYFRAME_SECONDS})",
                "threads:v": encoder_threads(),
            }
        )
        if video.is_hdr:
            options.update(
                {"color_primaries": "bt709", "color_trc": "bt709", "colorspace": "bt709"}
            )
    if audio:
        # One decode of the sound feeds every encoder: ffmpeg decodes a mapped input
        # stream once however many outputs take it.
        copies = (len(rungs) if video else 0) + 1
        streams.extend(source_input[str(audio.index)] for _copy in range(copies))
        options.update(
            {
                "c:a": "aac",
                "b:a": f"{AUDIO_KBPS}k",
                "ac": min(2, max(1, audio.channels)),
                "ar": audio.sample_rate if audio.sample_rate in (44100, 48000) else 48000,
            }
        )
        stream_map.append(f"a:{copies - 1},name:audio")
    options["var_stream_map"] = " ".join(stream_map)

    hls = ffmpeg.output(*streams, os.path.join(out_dir, "%v", "index.m3u8"), **options)
    outputs = [hls]
    if poster_stream is not None:
        outputs.append(
            ffmpeg.output(
                poster_stream, os.path.join(out_dir, "poster.jpg"), vframes=1, **{"q:v": 3}
            )
        )
    spec = ffmpeg.merge_outputs(*outputs).global_args(
        "-nostdin",
        "-hide_banner",
        "-v",
        "error",
        "-nostats",
        "-progress",
        "pipe:1",
        "-filter_complex_threads",
        str(os.cpu_count() or 1),
    )
    return ffmpeg.compile(spec, cmd=conf.ffmpeg_binary(), overwrite_output=True)
