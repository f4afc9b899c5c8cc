"""Counts read as a speaker would say them, in each of Arabic's six plural forms."""

import pytest

from django.utils import translation

from courses.templatetags.courses_tags import duration


@pytest.mark.parametrize(
    ("seconds", "arabic"),
    [
        (60, "دقيقة واحدة"),
        (120, "دقيقتان"),
        (600, "10 دقائق"),
        (660, "11 دقيقة"),
        (20, "20 ثانية"),
        (5, "5 ثوانٍ"),
        (7200, "ساعتان"),
        (3 * 3600 + 4 * 60, "3 ساعات و4 دقائق"),
        (3600 + 15 * 60, "ساعة واحدة و15 دقيقة"),
    ],
)
def test_durations_in_arabic_use_the_plural_form_of_their_number(seconds, arabic):
    with translation.override("ar"):
        assert duration(seconds) == arabic


@pytest.mark.parametrize(
    ("seconds", "english", "french"),
    [(600, "10 min", "10 min"), (5, "5 sec", "5 s"), (3 * 3600 + 4 * 60, "3 h 4 min", "3 h 4 min")],
)
def test_durations_in_english_and_french(seconds, english, french):
    with translation.override("en"):
        assert duration(seconds) == english
    with translation.override("fr"):
        assert duration(seconds) == french
