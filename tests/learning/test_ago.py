"""How long ago, with each language's plural forms (Arabic has six)."""

from datetime import timedelta

from django.utils import timezone, translation

from learning.templatetags.learning_tags import ago


def minutes_ago(minutes, language):
    with translation.override(language):
        return str(ago(timezone.now() - timedelta(minutes=minutes, seconds=5)))


def test_arabic_counts_take_their_own_forms():
    assert minutes_ago(3, "ar") == "منذ 3\xa0دقائق"
    assert minutes_ago(11, "ar") == "منذ 11\xa0دقيقة"
    assert minutes_ago(60 * 24 * 3, "ar") == "منذ 3\xa0أيام"


def test_english_and_french():
    assert minutes_ago(3, "en") == "3\xa0minutes ago"
    assert minutes_ago(3, "fr") == "il y a 3\xa0minutes"


def test_under_a_minute_is_just_now():
    with translation.override("fr"):
        assert ago(timezone.now() - timedelta(seconds=20)) == "à l’instant"
    assert ago(None) == ""
