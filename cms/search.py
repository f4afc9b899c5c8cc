"""Arabic-aware search helpers.

People type Arabic without hamzas, with ه for ة and ي for ى, and sometimes with
harakat; editors write it properly. Neither the SQLite nor the PostgreSQL search
backend folds these variants, so the same normaliser runs on the indexed text and on
the query, and both sides meet in the middle.
"""

import re
import unicodedata

# Letters folded onto their bare form.
_LETTER_MAP = {
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0622": "\u0627",  # آ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0624": "\u0648",  # ؤ → و
    "\u0626": "\u064a",  # ئ → ي
    "\u0629": "\u0647",  # ة → ه
    "\u0649": "\u064a",  # ى → ي
}
# Harakat and other marks (U+064B–U+065F), the superscript alef (U+0670) and the
# tatweel (U+0640) carry no meaning for matching.
_REMOVED = [*range(0x064B, 0x0660), 0x0670, 0x0640]

_TABLE = str.maketrans({**_LETTER_MAP, **dict.fromkeys(map(chr, _REMOVED))})

# A query never needs to be longer than this; longer input is cut, not refused.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12
_NON_WORD = re.compile(r"[^\w]+")


def normalize_arabic(text):
    """Fold Arabic spelling variants so that "احمد" and "أحمد" compare equal.

    NFKC first turns presentation forms and decomposed letters (ا + hamza above) into
    the ordinary letters the table expects; Latin text passes through unchanged.
    """
    if not text:
        return ""
    return unicodedata.normalize("NFKC", str(text)).translate(_TABLE)


def clean_query(raw):
    """The terms to hand to the search backend, normalised like the index.

    Punctuation and operators are dropped (backends give some of them a meaning, and
    a visitor typing quotes or a minus sign means nothing by it); very long input is
    cut to a sane number of terms instead of failing.
    """
    text = normalize_arabic(str(raw or "")[: MAX_QUERY_CHARS * 5])
    terms = [term for term in _NON_WORD.sub(" ", text).split() if term.strip("_")]
    return " ".join(terms[:MAX_QUERY_TERMS])[:MAX_QUERY_CHARS].strip()


def searchable_text(*parts):
    """Join the given pieces of text into one normalised string for the index."""
    return normalize_arabic(" ".join(str(part) for part in parts if part))
