"""Watched intervals: what part of a video a learner has really played.

The player reports the ranges it played since its last heartbeat. Keeping their union,
rather than the furthest position reached, is what makes seeking to the end worth
nothing: a jump adds no range. Intervals are ``(start, end)`` pairs of seconds with
``start < end``; a normalised list is sorted, disjoint and non-adjacent.
"""

import math

# Timestamps from players are rounded and the last segment can outlast the probed
# duration by a frame or so: that much past either end is clamped, more is refused.
TOLERANCE_SECONDS = 1.0
# Two ranges this close are one range (rounding between two beats).
JOIN_GAP_SECONDS = 0.25
DECIMALS = 3


class IntervalError(ValueError):
    """An interval that cannot come from playing this video."""

    def __init__(self, code, index=None):
        self.code = code
        self.index = index
        super().__init__(code)


def clean(raw, duration, tolerance=TOLERANCE_SECONDS):
    """Validate the intervals of one heartbeat against the video's duration.

    Returns a normalised list clamped to ``[0, duration]``. Raises :class:`IntervalError`
    with ``code`` ``"not_finite"``, ``"reversed"`` or ``"out_of_range"`` for the first
    interval that is not a range of this video.
    """
    duration = float(duration)
    cleaned = []
    for index, pair in enumerate(raw):
        start, end = float(pair[0]), float(pair[1])
        if not (math.isfinite(start) and math.isfinite(end)):
            raise IntervalError("not_finite", index)
        if end < start:
            raise IntervalError("reversed", index)
        if start < -tolerance or end > duration + tolerance:
            raise IntervalError("out_of_range", index)
        start, end = max(0.0, start), min(duration, end)
        if end > start:
            cleaned.append((start, end))
    return merge(cleaned)


def merge(*lists):
    """The union of any number of interval lists, normalised."""
    pairs = sorted((float(s), float(e)) for intervals in lists for s, e in intervals if e > s)
    merged = []
    for start, end in pairs:
        if merged and start <= merged[-1][1] + JOIN_GAP_SECONDS:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [[round(s, DECIMALS), round(e, DECIMALS)] for s, e in merged]


def total(intervals):
    """Seconds covered by a normalised list."""
    return round(sum(end - start for start, end in intervals), DECIMALS)


def raw_total(raw):
    """Seconds claimed by a heartbeat, overlaps counted twice (time spent, not coverage)."""
    return sum(max(0.0, float(e) - float(s)) for s, e in raw)


def difference(intervals, minus):
    """The parts of normalised ``intervals`` that normalised ``minus`` does not cover."""
    parts = []
    for start, end in intervals:
        cursor = start
        for other_start, other_end in minus:
            if other_end <= cursor:
                continue
            if other_start >= end:
                break
            if other_start > cursor:
                parts.append([cursor, other_start])
            cursor = max(cursor, other_end)
            if cursor >= end:
                break
        if cursor < end:
            parts.append([cursor, end])
    return parts


def earliest(intervals, seconds):
    """The first ``seconds`` of a normalised list, in playback order."""
    kept = []
    left = seconds
    for start, end in intervals:
        if left <= 0:
            break
        stop = round(start + min(end - start, left), DECIMALS)
        if stop > start:
            kept.append([start, stop])
        left -= end - start
    return kept
