"""Demo lesson videos made on this machine: Arabic slides with a synthetic voice.

Each slide is drawn with Pillow (its raqm layout engine shapes and orders Arabic; the
ffmpeg drawtext filter here cannot shape it), spoken by espeak-ng, and the slides are
joined by ffmpeg into one MP4 with captions timed to the narration. The result is kept
in a cache folder keyed by the script's content, so seeding again reuses it.
"""

import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1280, 720
FONT_DIRS = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/noto")]
FONT_REGULAR = "NotoNaskhArabic-Regular.ttf"
FONT_BOLD = "NotoNaskhArabic-Bold.ttf"
FONT_LATIN = "NotoSans-Regular.ttf"
PAUSE_SECONDS = 0.6
TRACK_COLOURS = {
    "pitching": ((37, 99, 235), (30, 58, 138)),
    "pricing": ((217, 119, 6), (120, 53, 15)),
    "specialising": ((124, 58, 237), (76, 29, 149)),
}


class DemoMediaError(RuntimeError):
    """A tool the demo videos need is missing; the message says which."""


@dataclass(frozen=True)
class Slide:
    heading: str
    lines: tuple
    narration: str
    narration_en: str
    # Not part of the cache key: a caption added later must not re-render the video.
    narration_fr: str = ""


@dataclass(frozen=True)
class DemoVideo:
    path: Path
    captions: dict  # language code → WebVTT text
    duration: float


def find_font(name):
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise DemoMediaError(f"font {name} not found; install the fonts-noto-core package")


def check_tools():
    missing = [tool for tool in ("ffmpeg", "ffprobe", "espeak-ng") if not shutil.which(tool)]
    if missing:
        raise DemoMediaError("missing programs: " + ", ".join(missing))
    if not features.check("raqm"):
        raise DemoMediaError("Pillow was built without raqm, which Arabic text needs")


def _font(name, size):
    return ImageFont.truetype(str(find_font(name)), size, layout_engine=ImageFont.Layout.RAQM)


def _wrap(draw, text, font, width):
    """Greedy word wrap measured with the shaped text, so Arabic widths are right."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font, direction="rtl") > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def render_slide(slide, path, *, track, course_title, number, total):
    top, bottom = TRACK_COLOURS.get(track, ((15, 118, 110), (11, 89, 83)))
    image = Image.new("RGB", (WIDTH, HEIGHT), bottom)
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):  # a vertical gradient, cheap and legible
        mix = y / HEIGHT
        colour = tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    margin = 90
    small = _font(FONT_REGULAR, 30)
    heading_font = _font(FONT_BOLD, 60)
    body_font = _font(FONT_REGULAR, 40)
    draw.text(
        (WIDTH - margin, 60),
        course_title,
        font=small,
        fill=(255, 255, 255),
        anchor="ra",
        direction="rtl",
        language="ar",
    )
    draw.text(
        (margin, 60),
        f"{number} / {total}",
        font=_font(FONT_LATIN, 30),
        fill=(255, 255, 255),
        anchor="la",
    )
    y = 170
    for line in _wrap(draw, slide.heading, heading_font, WIDTH - 2 * margin):
        draw.text(
            (WIDTH - margin, y),
            line,
            font=heading_font,
            fill=(255, 255, 255),
            anchor="ra",
            direction="rtl",
            language="ar",
        )
        y += 90
    y += 30
    for item in slide.lines:
        for index, line in enumerate(_wrap(draw, item, body_font, WIDTH - 2 * margin - 50)):
            if index == 0:
                draw.ellipse(
                    [WIDTH - margin - 18, y + 24, WIDTH - margin, y + 42], fill=(253, 230, 138)
                )
            draw.text(
                (WIDTH - margin - 40, y),
                line,
                font=body_font,
                fill=(255, 255, 255),
                anchor="ra",
                direction="rtl",
                language="ar",
            )
            y += 62
        y += 14
    draw.text(
        (margin, HEIGHT - 60),
        "بداية",
        font=small,
        fill=(255, 255, 255),
        anchor="ls",
        direction="rtl",
        language="ar",
    )
    image.save(path)


def _run(args):
    result = subprocess.run(args, capture_output=True, text=True, check=False, timeout=300)
    if result.returncode != 0:
        raise DemoMediaError(f"{args[0]} failed: {result.stderr[-800:]}")
    return result.stdout


def _duration(path):
    out = _run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)]
    )
    return float(json.loads(out)["format"]["duration"])


def _timestamp(seconds):
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def cache_key(slides, track, course_title):
    payload = json.dumps(
        [
            track,
            course_title,
            [[s.heading, list(s.lines), s.narration, s.narration_en] for s in slides],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def build_video(slides, *, track, course_title, cache_dir):
    """The MP4 and its captions for these slides, from the cache when already made."""
    cache_dir = Path(cache_dir)
    key = cache_key(slides, track, course_title)
    target = cache_dir / f"lesson-{key}.mp4"
    captions_file = cache_dir / f"lesson-{key}.captions.json"
    if target.exists() and captions_file.exists():
        data = json.loads(captions_file.read_text(encoding="utf-8"))
        return DemoVideo(target, data["captions"], data["duration"])
    check_tools()
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bidaya-demo-") as work:
        work = Path(work)
        segments, cues, start = [], [], 0.0
        for number, slide in enumerate(slides, start=1):
            png, wav, segment = (
                work / f"{number}.png",
                work / f"{number}.wav",
                work / f"{number}.mp4",
            )
            render_slide(
                slide, png, track=track, course_title=course_title, number=number, total=len(slides)
            )
            _run(["espeak-ng", "-v", "ar", "-s", "140", "-w", str(wav), slide.narration])
            length = _duration(wav) + PAUSE_SECONDS
            _run(
                [
                    "ffmpeg",
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-y",
                    "-loop",
                    "1",
                    "-framerate",
                    "25",
                    "-i",
                    str(png),
                    "-i",
                    str(wav),
                    "-filter_complex",
                    f"[1:a]apad=pad_dur={PAUSE_SECONDS},aresample=48000[a]",
                    "-map",
                    "0:v",
                    "-map",
                    "[a]",
                    "-t",
                    f"{length:.3f}",
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-tune",
                    "stillimage",
                    "-pix_fmt",
                    "yuv420p",
                    "-r",
                    "25",
                    "-g",
                    "50",
                    "-c:a",
                    "aac",
                    "-b:a",
                    "96k",
                    "-ac",
                    "1",
                    str(segment),
                ]
            )
            segments.append(segment)
            actual = _duration(segment)
            cues.append((start, start + actual, slide))
            start += actual
        listing = work / "segments.txt"
        listing.write_text("".join(f"file '{s.name}'\n" for s in segments), encoding="utf-8")
        joined = work / "joined.mp4"
        _run(
            [
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                str(listing),
                "-c",
                "copy",
                "-movflags",
                "+faststart",
                str(joined),
            ]
        )
        duration = _duration(joined)
        captions = {
            "ar": _webvtt((a, b, s.narration) for a, b, s in cues),
            "en": _webvtt((a, b, s.narration_en) for a, b, s in cues),
        }
        if all(s.narration_fr for s in slides):
            captions["fr"] = _webvtt((a, b, s.narration_fr) for a, b, s in cues)
        shutil.move(str(joined), target)
    captions_file.write_text(
        json.dumps({"captions": captions, "duration": duration}, ensure_ascii=False),
        encoding="utf-8",
    )
    return DemoVideo(target, captions, duration)


def retell_captions(webvtt, texts):
    """The same cues as ``webvtt`` (one per slide, as ``build_video`` writes them) with
    ``texts`` in their place: a caption in a new language for a video already made."""
    blocks = webvtt.strip().split("\n\n")[1:]
    if len(blocks) != len(texts):
        raise DemoMediaError("the captions have another number of cues than the slides")
    timings = [block.splitlines()[1].split(" --> ") for block in blocks]
    return _vtt((start, end, text) for (start, end), text in zip(timings, texts, strict=True))


def _webvtt(cues):
    return _vtt((_timestamp(start), _timestamp(end), text) for start, end, text in cues)


def _vtt(cues):
    parts = ["WEBVTT", ""]
    for index, (start, end, text) in enumerate(cues, start=1):
        parts += [str(index), f"{start} --> {end}", text, ""]
    return "\n".join(parts)


def build_checklist_pdf(heading, items, *, language, target):
    """A one-page A4 checklist as a PDF (drawn like the slides, so Arabic is shaped)."""
    target = Path(target)
    if target.exists():
        return target
    check_tools()
    target.parent.mkdir(parents=True, exist_ok=True)
    width, height, margin = 1240, 1754, 110  # A4 at 150 dpi
    rtl = language == "ar"
    regular = _font(FONT_REGULAR if rtl else FONT_LATIN, 34)
    bold = _font(FONT_BOLD if rtl else "NotoSans-Bold.ttf", 52)
    direction = "rtl" if rtl else "ltr"
    x = width - margin if rtl else margin
    anchor = "ra" if rtl else "la"
    image = Image.new("RGB", (width, height), (251, 250, 247))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 24], fill=(15, 118, 110))
    y = 120
    for line in _wrap(draw, heading, bold, width - 2 * margin):
        draw.text((x, y), line, font=bold, fill=(29, 36, 51), anchor=anchor, direction=direction)
        y += 78
    y += 40
    box = 34
    for item in items:
        box_x = width - margin - box if rtl else margin
        draw.rectangle([box_x, y + 8, box_x + box, y + 8 + box], outline=(15, 118, 110), width=4)
        text_x = box_x - 30 if rtl else box_x + box + 30
        for line in _wrap(draw, item, regular, width - 2 * margin - box - 30):
            draw.text(
                (text_x, y),
                line,
                font=regular,
                fill=(29, 36, 51),
                anchor=anchor,
                direction=direction,
            )
            y += 54
        y += 30
    draw.text(
        (x, height - 90),
        "بداية" if rtl else "Bidaya",
        font=regular,
        fill=(75, 85, 101),
        anchor=anchor,
        direction=direction,
    )
    image.save(target, "PDF", resolution=150)
    return target
