"""Counts the lesson scripts show come with every plural form of the page's language."""

from django.utils import translation

from learning.templatetags.learning_tags import ui_strings


def test_attempts_left_reach_the_quiz_script_in_each_arabic_plural_category():
    with translation.override("ar"):
        forms = ui_strings()["attemptsLeft"]
    # Keyed as Intl.PluralRules names them, so the script picks the form by the number.
    assert set(forms) == {"zero", "one", "two", "few", "many", "other"}
    assert forms["one"] == "بقيت محاولة واحدة"
    assert forms["two"] == "بقيت محاولتان"
    assert forms["few"] % {"counter": 3} == "بقيت 3 محاولات"
    assert forms["many"] % {"counter": 11} == "بقيت 11 محاولة"


def test_english_and_french_have_their_two_forms():
    with translation.override("en"):
        forms = ui_strings()["attemptsLeft"]
    assert (forms["one"], forms["other"]) == (
        "%(counter)s attempt left",
        "%(counter)s attempts left",
    )
    with translation.override("fr"):
        forms = ui_strings()["attemptsLeft"]
    assert forms["one"] != forms["other"]
