"""The generated badge design: one layout drawn as SVG and as PNG.

The layout (shapes and text lines) is computed once in Python, then written either as
SVG elements or drawn with Pillow, so both files show the same badge. Text is measured
with the real fonts so a long name shrinks or wraps instead of spilling out of the
circle, and the same sizes are written into the SVG.

Arabic must come out shaped (joined letters) and right to left. In the SVG the viewer
shapes the text, so each Arabic line carries ``direction="rtl"`` and a font list
that starts with Noto Naskh Arabic and falls back to fonts every system has. The PNG is
drawn by Pillow through libraqm (HarfBuzz + FriBiDi); without it Pillow would draw
isolated letters left to right, so we refuse to render rather than produce that.
"""

import io
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont, features

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from credentials.design import (  # noqa: F401 (re-exported for the renderers' callers)
    ICONS,
    TRACK_COLOURS,
    TRACK_ICONS,
    BadgeDesign,
    BadgeDesignError,
    validate_hex_colour,
)

CANVAS = 512
DEFAULT_ARABIC_FONT = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf"
DEFAULT_LATIN_FONT = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
SVG_ARABIC_FAMILIES = (
    "'Noto Naskh Arabic', 'Noto Sans Arabic', 'IBM Plex Sans Arabic', 'Geeza Pro', "
    "'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif"
)
SVG_LATIN_FAMILIES = "'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
LATIN_TEXT_COLOUR = "#1f2937"
WHITE = "#ffffff"
_SUPERSAMPLE = 4


# -- fonts --------------------------------------------------------------------------


def _font_path(setting, default):
    path = Path(getattr(settings, setting, "") or default)
    if not path.is_file():
        raise ImproperlyConfigured(
            f"{setting} points to {path}, which does not exist. Install Debian's "
            "fonts-noto-core or set the variable to a TrueType font file."
        )
    return str(path)


def _require_raqm():
    if not features.check("raqm"):
        raise ImproperlyConfigured(
            "Pillow cannot shape Arabic text here: libraqm with FriBiDi is missing "
            "(Debian package libfribidi0)."
        )


@lru_cache(maxsize=64)
def _font(path, size):
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)


def arabic_font(size):
    return _font(_font_path("BIDAYA_BADGE_FONT", DEFAULT_ARABIC_FONT), size)


def latin_font(size):
    return _font(_font_path("BIDAYA_BADGE_LATIN_FONT", DEFAULT_LATIN_FONT), size)


def text_width(text, font, rtl=False):
    """Shaped advance width of ``text`` (what the eye sees, joined letters included)."""
    if rtl:
        return font.getlength(text, direction="rtl", language="ar")
    return font.getlength(text)


# -- layout -------------------------------------------------------------------------


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float
    y: float
    size: int
    colour: str
    rtl: bool


def _clean(text):
    """Drop control and format characters that would break XML or reorder the text."""
    cleaned = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf"})
    return " ".join(cleaned.split())


def _fit(text, font_for, rtl, max_width, single_sizes, double_sizes):
    """Lines and size for ``text``: one line if any single size fits, else the best
    two-line split, else the second line is cut with an ellipsis."""
    for size in single_sizes:
        if text_width(text, font_for(size), rtl) <= max_width:
            return [text], size
    words = text.split(" ")
    for size in double_sizes:
        font = font_for(size)
        best = None
        for cut in range(1, len(words)):
            first, second = " ".join(words[:cut]), " ".join(words[cut:])
            widest = max(text_width(first, font, rtl), text_width(second, font, rtl))
            if widest <= max_width and (best is None or widest < best[0]):
                best = (widest, [first, second])
        if best:
            return best[1], size
    size = double_sizes[-1]
    font = font_for(size)
    first, rest = (words[0], " ".join(words[1:])) if len(words) > 1 else ("", text)
    lines = [first] if first else []
    if first and text_width(first, font, rtl) > max_width:
        lines, rest = [], text
    while rest and text_width(rest + "…", font, rtl) > max_width:
        rest = rest[:-1].rstrip()
    lines.append(rest + "…")
    return lines[:2], size


def layout_text(design):
    """The positioned text lines of the badge (names, then the ribbon wordmark)."""
    colour = design.resolved_colour()
    name_ar, name_latin = _clean(design.name_ar), _clean(design.name_latin)
    if not name_ar or not name_latin:
        raise BadgeDesignError("A badge needs its name in Arabic and in Latin letters.")
    ar_lines, ar_size = _fit(name_ar, arabic_font, True, 330, range(44, 29, -2), range(34, 21, -2))
    la_lines, la_size = _fit(
        name_latin, latin_font, False, 320, range(26, 17, -2), range(22, 13, -2)
    )
    ar_step, la_step, gap = round(ar_size * 1.35), round(la_size * 1.3), 8
    total = len(ar_lines) * ar_step + gap + len(la_lines) * la_step
    top = 294 - total / 2
    dark = _shade(colour, 0.35)
    lines = []
    for index, text in enumerate(ar_lines):
        lines.append(TextLine(text, 256, top + ar_step * (index + 0.5), ar_size, dark, True))
    top += len(ar_lines) * ar_step + gap
    for index, text in enumerate(la_lines):
        y = top + la_step * (index + 0.5)
        lines.append(TextLine(text, 256, y, la_size, LATIN_TEXT_COLOUR, False))
    lines.append(TextLine(_clean(design.wordmark_ar), 300, 402, 24, WHITE, True))
    lines.append(TextLine(_clean(design.wordmark_latin), 206, 403, 17, WHITE, False))
    return lines


def _shade(colour, amount):
    """``colour`` mixed with black by ``amount`` (0..1), for text and the ribbon."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in rgb)


def shapes(design):
    """The badge's shapes in drawing order, in CANVAS units.

    Each is ("circle", cx, cy, r, fill, stroke, width), ("polygon", points, fill) or
    ("rect", x, y, w, h, radius, fill).
    """
    colour = design.resolved_colour()
    ribbon, tail = _shade(colour, 0.25), _shade(colour, 0.45)
    result = [
        ("circle", 256, 256, 250, colour, None, 0),
        ("circle", 256, 256, 233, None, WHITE, 4),
        ("circle", 256, 256, 216, WHITE, None, 0),
        ("circle", 256, 148, 64, colour, None, 0),
        ("polygon", [(40, 370), (96, 370), (96, 436), (40, 436), (58, 403)], tail),
        ("polygon", [(472, 370), (416, 370), (416, 436), (472, 436), (454, 403)], tail),
        ("rect", 72, 376, 368, 54, 8, ribbon),
        ("circle", 253, 403, 3, WHITE, None, 0),
    ]
    result.extend(_icon(design.resolved_icon(), 256, 148, 84, colour))
    return result


def _icon(name, cx, cy, box, colour):
    """A white pictogram in a ``box``-sized square centred on (cx, cy); details that
    must show through are drawn in the badge colour."""
    scale = box / 100

    def p(x, y):
        return (cx + (x - 50) * scale, cy + (y - 50) * scale)

    def circle(x, y, r, fill):
        px, py = p(x, y)
        return ("circle", px, py, r * scale, fill, None, 0)

    if name == "speech":
        x0, y0 = p(8, 14)
        return [
            ("rect", x0, y0, 84 * scale, 56 * scale, 16 * scale, WHITE),
            ("polygon", [p(24, 64), p(20, 90), p(46, 68)], WHITE),
            circle(30, 42, 6.5, colour),
            circle(50, 42, 6.5, colour),
            circle(70, 42, 6.5, colour),
        ]
    if name == "tag":
        return [
            ("polygon", [p(44, 8), p(92, 8), p(92, 56), p(48, 100), p(0, 52)], WHITE),
            circle(74, 26, 8, colour),
        ]
    if name == "target":
        return [
            circle(50, 50, 46, WHITE),
            circle(50, 50, 33, colour),
            circle(50, 50, 21, WHITE),
            circle(50, 50, 9, colour),
        ]
    points = []
    for index in range(10):
        radius = 48 if index % 2 == 0 else 20
        angle = -math.pi / 2 + index * math.pi / 5
        points.append(p(50 + radius * math.cos(angle), 54 + radius * math.sin(angle)))
    return [("polygon", points, WHITE)]


# -- SVG ----------------------------------------------------------------------------


def _num(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def render_svg(design):
    """The badge as a standalone SVG document (UTF-8 text)."""
    lines = layout_text(design)
    title = f"{_clean(design.name_ar)} — {_clean(design.name_latin)}"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CANVAS}" height="{CANVAS}" '
        f'viewBox="0 0 {CANVAS} {CANVAS}" role="img" aria-labelledby="badge-title">',
        f'<title id="badge-title">{escape(title)}</title>',
    ]
    for shape in shapes(design):
        kind = shape[0]
        if kind == "circle":
            _kind, cx, cy, r, fill, stroke, width = shape
            paint = f'fill="{fill}"' if fill else 'fill="none"'
            if stroke:
                paint += f' stroke="{stroke}" stroke-width="{_num(width)}"'
            out.append(f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" {paint}/>')
        elif kind == "polygon":
            points = " ".join(f"{_num(x)},{_num(y)}" for x, y in shape[1])
            out.append(f'<polygon points="{points}" fill="{shape[2]}"/>')
        else:
            _kind, x, y, w, h, radius, fill = shape
            out.append(
                f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
                f'rx="{_num(radius)}" fill="{fill}"/>'
            )
    for line in lines:
        if line.rtl:
            attrs = (
                f'xml:lang="ar" direction="rtl" unicode-bidi="embed" '
                f"font-family={quoteattr(SVG_ARABIC_FAMILIES)}"
            )
        else:
            attrs = f'xml:lang="en" font-family={quoteattr(SVG_LATIN_FAMILIES)}'
        out.append(
            f'<text x="{_num(line.x)}" y="{_num(line.y)}" {attrs} font-size="{line.size}" '
            f'font-weight="700" fill="{line.colour}" text-anchor="middle" '
            f'dominant-baseline="central">{escape(line.text)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


# -- PNG ----------------------------------------------------------------------------


def render_png(design, size=CANVAS):
    """The badge as PNG bytes (``size`` pixels square), Arabic shaped by libraqm."""
    _require_raqm()
    if not 64 <= size <= 2048:
        raise BadgeDesignError("PNG size must be between 64 and 2048 pixels.")
    lines = layout_text(design)
    factor = size * _SUPERSAMPLE / CANVAS
    big = Image.new("RGBA", (round(CANVAS * factor),) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)

    def s(value):
        return value * factor

    for shape in shapes(design):
        kind = shape[0]
        if kind == "circle":
            _kind, cx, cy, r, fill, stroke, width = shape
            box = [s(cx - r), s(cy - r), s(cx + r), s(cy + r)]
            draw.ellipse(box, fill=fill, outline=stroke, width=round(s(width)) if stroke else 0)
        elif kind == "polygon":
            draw.polygon([(s(x), s(y)) for x, y in shape[1]], fill=shape[2])
        else:
            _kind, x, y, w, h, radius, fill = shape
            draw.rounded_rectangle([s(x), s(y), s(x + w), s(y + h)], radius=s(radius), fill=fill)
    for line in lines:
        pixel_size = round(s(line.size))
        if line.rtl:
            font = arabic_font(pixel_size)
            draw.text(
                (s(line.x), s(line.y)),
                line.text,
                font=font,
                fill=line.colour,
                anchor="mm",
                direction="rtl",
                language="ar",
            )
        else:
            draw.text(
                (s(line.x), s(line.y)),
                line.text,
                font=latin_font(pixel_size),
                fill=line.colour,
                anchor="mm",
            )
    image = big.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
