"""Unit tests of interval merging: the arithmetic behind "seeking does not count"."""

import math

import pytest

from learning.progress import intervals as iv


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        ([[]], []),
        ([[[0, 10]]], [[0, 10]]),
        ([[[0, 10], [20, 30]]], [[0, 10], [20, 30]]),
        # overlapping and contained ranges collapse
        ([[[0, 10], [5, 15]]], [[0, 15]]),
        ([[[0, 30], [5, 15]]], [[0, 30]]),
        # order does not matter
        ([[[20, 30]], [[0, 10]]], [[0, 10], [20, 30]]),
        # touching and nearly touching (rounding between beats) join
        ([[[0, 10], [10, 20]]], [[0, 20]]),
        ([[[0, 10], [10.2, 20]]], [[0, 20]]),
        # a real gap stays a gap
        ([[[0, 10], [11, 20]]], [[0, 10], [11, 20]]),
        # empty and reversed pairs carry nothing
        ([[[5, 5], [7, 3]]], []),
        # union across several lists (stored + new beat)
        ([[[0, 10], [40, 50]], [[8, 42]]], [[0, 50]]),
    ],
)
def test_merge(lists, expected):
    assert iv.merge(*lists) == expected


def test_merge_is_idempotent_and_commutative():
    a = [[0, 12.5], [30, 45]]
    b = [[10, 31], [60, 61]]
    once = iv.merge(a, b)
    assert iv.merge(once, once) == once
    assert iv.merge(b, a) == once
    assert iv.total(once) == pytest.approx(46)


def test_total_counts_each_second_once():
    assert iv.total(iv.merge([[0, 60]], [[0, 60]], [[30, 90]])) == 90


def test_seeking_to_the_end_adds_only_what_was_played():
    # Watched 10 s, jumped to the end, watched the last 5 s.
    watched = iv.clean([[0, 10], [115, 120]], duration=120)
    assert iv.total(watched) == 15


def test_clean_clamps_within_tolerance():
    assert iv.clean([[-0.4, 10], [119.5, 120.8]], duration=120) == [[0, 10], [119.5, 120]]


@pytest.mark.parametrize(
    ("raw", "code", "index"),
    [
        ([[0, 10], [-5, 3]], "out_of_range", 1),
        ([[0, 130]], "out_of_range", 0),
        ([[500, 600]], "out_of_range", 0),
        ([[10, 5]], "reversed", 0),
        ([[0, math.inf]], "not_finite", 0),
        ([[math.nan, 4]], "not_finite", 0),
    ],
)
def test_clean_refuses_ranges_outside_the_video(raw, code, index):
    with pytest.raises(iv.IntervalError) as error:
        iv.clean(raw, duration=120)
    assert error.value.code == code
    assert error.value.index == index


def test_raw_total_counts_rewatching():
    assert iv.raw_total([[0, 10], [0, 10]]) == 20


def test_difference_keeps_what_is_not_yet_covered():
    assert iv.difference([[0, 30], [50, 70]], [[10, 20], [25, 55], [65, 80]]) == [
        [0, 10],
        [20, 25],
        [55, 65],
    ]
    assert iv.difference([[0, 10]], []) == [[0, 10]]
    assert iv.difference([[0, 10]], [[0, 10]]) == []


def test_earliest_takes_seconds_in_playback_order():
    assert iv.earliest([[0, 10], [20, 40]], 15) == [[0, 10], [20, 25]]
    assert iv.earliest([[0, 10]], 0) == []
    assert iv.earliest([[0, 10]], 50) == [[0, 10]]
