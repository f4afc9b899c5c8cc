"""What a page costs before anything is played: one stylesheet, and fonts cut down to the
characters the site writes."""

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from django.conf import settings

from tests.config.test_catalogues import entries

ROOT = Path(settings.BASE_DIR)
CSS = ROOT / "static" / "css"
FONTS = ROOT / "static" / "fonts"


def makefile_list(name):
    text = (ROOT / "Makefile").read_text().replace("\\\n", " ")
    return re.search(rf"^{name} := (.*)$", text, re.M).group(1).split()


def test_the_stylesheet_is_its_parts_in_order():
    """Edit a part without `make css` and this fails: the bundle is what pages link."""
    bundle = (CSS / "bidaya.css").read_text()
    parts = makefile_list("CSS_PARTS")
    assert {"static/css/site.css", "static/css/fonts.css"} <= set(parts)
    expected = "".join(f"/* --- {Path(p).name} */\n" + (ROOT / p).read_text() for p in parts)
    assert bundle.split("\n", 1)[1] == expected
    # Every stylesheet in static/css is in the bundle (a new one must be added to it).
    assert {p.name for p in CSS.glob("*.css")} - {"bidaya.css"} == {Path(p).name for p in parts}


def covered(weight):
    characters = set()
    for name in ("arabic", "latin"):
        font = TTFont(FONTS / f"plex-{name}-{weight}.woff2")
        characters |= set(map(chr, font.getBestCmap()))
    return characters


def site_text():
    """Every character of the Arabic and French catalogues and of the templates."""
    text = []
    for language in ("ar", "fr"):
        for _msgid, _plural, translation in entries(language):
            forms = translation.values() if isinstance(translation, dict) else [translation]
            text.extend(forms)
    for template in (ROOT / "templates").rglob("*.html"):
        text.append(template.read_text(encoding="utf-8"))
    return "".join(text)


@pytest.mark.parametrize("weight", [400, 700])
def test_the_subset_fonts_cover_every_character_the_site_writes(weight):
    # Emoji, arrows and symbols come from the system's fonts on purpose.
    written = {c for c in site_text() if c.isalpha() or c.isdigit() or c in "،؛؟«»…–—’ "}
    missing = sorted(written - covered(weight))
    assert missing == [], "".join(missing)


def test_the_subset_fonts_are_smaller_than_the_ones_they_come_from():
    source = ROOT / "node_modules" / "@fontsource" / "ibm-plex-sans-arabic" / "files"
    for weight in (400, 700):
        for name in ("arabic", "latin"):
            ours = (FONTS / f"plex-{name}-{weight}.woff2").stat().st_size
            theirs = (source / f"ibm-plex-sans-arabic-{name}-{weight}-normal.woff2").stat().st_size
            assert ours < theirs
    # What an Arabic page fetches (both subsets, both weights) stays under 70 KB.
    assert sum(f.stat().st_size for f in FONTS.glob("*.woff2")) < 70_000
