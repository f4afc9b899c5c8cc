"""Charts drawn on the server as accessible SVG.

Each chart is an ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>`` (what it shows and its main figure, in words), always placed beside the data
table that holds every number it draws. In a right-to-left language the horizontal axis
is mirrored: time and order run from right to left, as Arabic is read. Values that the
privacy threshold hides (``None``) are drawn as gaps. Positions and text anchors are
computed here for either direction, so the SVG itself keeps the default left-to-right
text direction (an inherited ``rtl`` would swap the meaning of every anchor).

Colours come from the admin's own CSS variables with fallbacks, so the charts follow
its light and dark themes.
"""

import math
from dataclasses import dataclass
from itertools import count

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 480, 240
MARGIN_START, MARGIN_END, MARGIN_TOP, MARGIN_BOTTOM = 52, 12, 12, 40
FONT = 13
BAR = "var(--w-color-secondary, #2e1f5e)"
LINE = "var(--w-color-secondary, #2e1f5e)"
LINE_TWO = "var(--w-color-warning-100, #b45309)"
GRID = "var(--w-color-border-furniture, #c8c8c8)"
INK = "var(--w-color-text-context, #262626)"

_ids = count(1)


@dataclass
class Frame:
    """The plotting area, and where a value falls in it, mirrored when ``rtl``."""

    rtl: bool
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def left(self):
        return MARGIN_END if self.rtl else MARGIN_START

    @property
    def right(self):
        return self.width - (MARGIN_START if self.rtl else MARGIN_END)

    @property
    def top(self):
        return MARGIN_TOP

    @property
    def bottom(self):
        return self.height - MARGIN_BOTTOM

    def x(self, share):
        """Horizontal position of ``share`` (0 → 1 along the reading direction)."""
        span = self.right - self.left
        return self.right - share * span if self.rtl else self.left + share * span

    def y(self, share):
        return self.bottom - share * (self.bottom - self.top)

    @property
    def axis_x(self):
        """Where the vertical axis stands: at the start of the reading direction."""
        return self.right if self.rtl else self.left

    @property
    def label_x(self):
        return self.axis_x + 6 if self.rtl else self.axis_x - 6


def nice_top(value, minimum=4):
    """The smallest of 1, 2, 4, 6 or 8 × a power of ten at or above ``value``: the axis
    is labelled at its middle too, which then stays a whole number."""
    value = max(float(value or 0), minimum)
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 4, 6, 8, 10) if step * power >= value)


def _number(value, digits=0):
    return number_format(round(value, digits), digits, use_l10n=True, force_grouping=True)


def _svg(title, desc, body, frame):
    uid = next(_ids)
    return format_html(
        '<svg class="analytics-chart analytics-chart--{direction}" role="img" '
        'viewBox="0 0 {w} {h}" preserveAspectRatio="xMidYMid meet" '
        'aria-labelledby="chart-{uid}-title chart-{uid}-desc" focusable="false">'
        '<title id="chart-{uid}-title">{title}</title><desc id="chart-{uid}-desc">{desc}</desc>'
        "{body}</svg>",
        w=frame.width,
        h=frame.height,
        uid=uid,
        direction="rtl" if frame.rtl else "ltr",
        title=title,
        desc=desc,
        body=mark_safe(body),  # noqa: S308 - built below from escaped parts
    )


def _text(x, y, content, *, side, rtl):
    """A label whose ``side`` ("left", "right" or "middle") stands at ``x``.

    Each label carries its own direction, so Arabic words are laid out right to left
    and the anchor keeps meaning the side asked for.
    """
    direction = "rtl" if rtl else "ltr"
    if side == "middle":
        anchor = "middle"
    elif (side == "left") != rtl:
        anchor = "start"
    else:
        anchor = "end"
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{FONT}" fill="{INK}" '
        f'direction="{direction}" text-anchor="{anchor}">{escape(str(content))}</text>'
    )


def _value_axis(frame, top_value, suffix=""):
    """Grid lines and labels at 0, ½ and the top of the value axis."""
    parts = []
    for share in (0, 0.5, 1):
        y = frame.y(share)
        parts.append(
            f'<line x1="{frame.left}" x2="{frame.right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            # Numbers read left to right in every language.
            + _text(
                frame.label_x,
                y + 4,
                f"{_number(top_value * share)}{suffix}",
                side="left" if frame.rtl else "right",
                rtl=False,
            )
        )
    return "".join(parts)


def _category_labels(frame, labels, every):
    parts = []
    slot = 1 / max(1, len(labels))
    for index, label in enumerate(labels):
        if index % every:
            continue
        x = frame.x((index + 0.5) * slot)
        parts.append(_text(x, frame.bottom + 18, label, side="middle", rtl=frame.rtl))
    return "".join(parts)


def bar_chart(title, desc, labels, values, *, rtl, suffix="", top=None):
    """Vertical bars, one per label, in reading order; ``None`` values left out."""
    frame = Frame(rtl)
    known = [v for v in values if v is not None]
    top = top or nice_top(max(known, default=0))
    slot = 1 / max(1, len(values))
    bars = []
    for index, value in enumerate(values):
        if value is None:
            continue
        x_one, x_two = (
            frame.x(index * slot + slot * 0.15),
            frame.x((index + 1) * slot - slot * 0.15),
        )
        height = frame.bottom - frame.y(min(1, value / top))
        bars.append(
            f'<rect x="{min(x_one, x_two):.1f}" y="{frame.bottom - height:.1f}" '
            f'width="{abs(x_two - x_one):.1f}" height="{height:.1f}" fill="{BAR}" rx="2"/>'
        )
    every = max(1, round(len(labels) / 8))
    body = _value_axis(frame, top, suffix) + "".join(bars) + _category_labels(frame, labels, every)
    return _svg(title, desc, body, frame)


def line_chart(title, desc, series, *, length, rtl, x_labels=(), top=100, suffix=" %"):
    """Lines over ``length`` evenly spaced points; ``series`` is ``[(values, dashed)]``.

    ``x_labels`` are ``[(share along the axis, text)]``. A ``None`` value breaks a line.
    """
    frame = Frame(rtl)
    paths = []
    for number, (values, dashed) in enumerate(series):
        segments, current = [], []
        for index, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            share = index / max(1, length - 1)
            current.append(f"{frame.x(share):.1f},{frame.y(min(1, value / top)):.1f}")
        if current:
            segments.append(current)
        colour = LINE if number == 0 else LINE_TWO
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        for points in segments:
            paths.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} '
                f'points="{" ".join(points)}"/>'
            )
    ticks = "".join(
        _text(frame.x(share), frame.bottom + 18, text, side="middle", rtl=False)
        for share, text in x_labels
    )
    body = _value_axis(frame, top, suffix) + "".join(paths) + ticks
    return _svg(title, desc, body, frame)


def hbar_chart(title, desc, labels, values, *, rtl, top=None):
    """Horizontal bars growing in the reading direction, one row per label (a funnel)."""
    rows = max(1, len(values))
    frame = Frame(rtl, height=max(120, 28 * rows + MARGIN_TOP + 12))
    known = [v for v in values if v is not None]
    top = top or max(known, default=0) or 1
    label_width = 190
    start = MARGIN_END if rtl else label_width
    end = WIDTH - (label_width if rtl else MARGIN_END)
    parts = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = MARGIN_TOP + index * 28
        short = str(label) if len(str(label)) <= 26 else str(label)[:25] + "…"
        # The label at the start of the line: the right edge in Arabic.
        parts.append(
            _text(WIDTH - 6 if rtl else 6, y + 17, short, side="right" if rtl else "left", rtl=rtl)
        )
        if value is None:
            continue
        length = (end - start) * min(1, value / top)
        x = end - length if rtl else start
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 4}" width="{length:.1f}" height="18" fill="{BAR}" rx="2"/>'
        )
    return _svg(title, desc, "".join(parts), frame)
