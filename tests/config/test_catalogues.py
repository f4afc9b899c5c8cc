"""The message catalogues: every count has all the plural forms its language needs.

Arabic has six (none, one, two, a few, many, other): "دقيقة واحدة", "دقيقتان",
"3 دقائق", "11 دقيقة", "100 دقيقة". An entry with fewer forms falls back to the
English text or to a wrong form for some numbers, which no page test would notice.
"""

import re
from pathlib import Path

import pytest

from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
ARABIC_PLURALS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"
)
PLURAL_COUNT = {"ar": 6, "fr": 2}
# Placeholders that hold a number of things: a sentence with one of them names a
# count, so it needs ngettext ("Lesson %(number)s of %(total)s" names none).
COUNT_NAMES = {"count", "counter", "minutes", "hours", "seconds", "minimum", "days"}
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _text(lines):
    return "".join(QUOTED.findall(" ".join(lines))).replace('\\"', '"').replace("\\n", "\n")


def entries(language):
    """(msgid, msgid_plural, {index: msgstr}) for each live entry of a catalogue."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for chunk in text.split("\n\n"):
        fields, key = {}, None
        for line in chunk.splitlines():
            if line.startswith("#"):
                continue  # comments, and obsolete entries ("#~")
            match = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) ", line)
            if match:
                key = match.group(1)
                fields[key] = []
            if key:
                fields[key].append(line)
        if "msgid" not in fields:
            continue
        forms = {
            int(name[7:-1]): _text(lines)
            for name, lines in fields.items()
            if name.startswith("msgstr[")
        }
        plural = _text(fields["msgid_plural"]) if "msgid_plural" in fields else None
        single = _text(fields.get("msgstr", []))
        yield _text(fields["msgid"]), plural, forms or single


def test_the_arabic_header_names_six_plural_forms():
    header = next(translation for msgid, _p, translation in entries("ar") if msgid == "")
    assert f"Plural-Forms: {ARABIC_PLURALS}" in header.replace("\n", "")


@pytest.mark.parametrize("language", sorted(PLURAL_COUNT))
def test_every_plural_entry_fills_every_form(language):
    plural_entries = [(m, forms) for m, p, forms in entries(language) if p is not None]
    assert plural_entries, "the catalogue has no plural entries at all"
    short = [
        msgid
        for msgid, forms in plural_entries
        if sorted(forms) != list(range(PLURAL_COUNT[language])) or not all(forms.values())
    ]
    assert short == [], f"{language} plural entries without all {PLURAL_COUNT[language]} forms"


@pytest.mark.parametrize("language", sorted(PLURAL_COUNT))
def test_no_count_is_translated_as_a_single_sentence(language):
    singles = [
        msgid
        for msgid, plural, _forms in entries(language)
        if plural is None and COUNT_NAMES & set(re.findall(r"%\((\w+)\)", msgid))
    ]
    assert singles == [], "counts that do not go through ngettext"
