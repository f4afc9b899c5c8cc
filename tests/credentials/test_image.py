import io
from collections import deque

import pytest
from defusedxml.ElementTree import fromstring
from PIL import Image, ImageDraw, ImageFont

from django.core.exceptions import ImproperlyConfigured, ValidationError

from credentials import image as badge_image
from credentials.image import (
    TRACK_COLOURS,
    BadgeDesign,
    BadgeDesignError,
    arabic_font,
    latin_font,
    layout_text,
    render_png,
    render_svg,
    text_width,
    validate_hex_colour,
)

SVG = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def open_png(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("track", ["pitching", "pricing", "specialising"])
def test_png_uses_the_track_colour(track):
    image = open_png(render_png(BadgeDesign("تسعير", "Pricing", track)))
    assert image.format == "PNG" and image.size == (512, 512) and image.mode == "RGBA"
    ring = image.getpixel((256, 12))  # inside the outer coloured ring
    assert all(abs(a - b) <= 2 for a, b in zip(ring[:3], rgb(TRACK_COLOURS[track]), strict=True))
    assert image.getpixel((2, 2))[3] == 0  # corners stay transparent
    assert image.getpixel((110, 256))[:3] == (255, 255, 255)  # white face


def test_custom_colour_and_icon():
    design = BadgeDesign("مرشد متميز", "Outstanding mentor", "custom", colour="#BE123C", icon="tag")
    image = open_png(render_png(design))
    assert image.getpixel((256, 12))[:3] == rgb("#be123c")
    assert 'fill="#be123c"' in render_svg(design)


def ink_components(image, box, min_area):
    """Connected blobs of dark pixels (text ink) in ``box``, ignoring dots and specks."""
    crop = image.crop(box).convert("L")
    width, height = crop.size
    dark = {(x, y) for y in range(height) for x in range(width) if crop.getpixel((x, y)) < 150}
    areas = []
    while dark:
        queue = deque([dark.pop()])
        area = 0
        while queue:
            x, y = queue.popleft()
            area += 1
            for nx in (x - 1, x, x + 1):
                for ny in (y - 1, y, y + 1):
                    if (nx, ny) in dark:
                        dark.remove((nx, ny))
                        queue.append((nx, ny))
        areas.append(area)
    return sorted(a for a in areas if a >= min_area)


def test_arabic_in_the_png_is_shaped_into_joined_letters():
    """تسعير joins all five letters into one stroke; unshaped it would be five glyphs."""
    design = BadgeDesign("تسعير", "Pricing", "pricing")
    line = next(line for line in layout_text(design) if line.rtl)
    image = open_png(render_png(design)).convert("RGB")
    box = (256 - 150, int(line.y - line.size), 256 + 150, int(line.y + line.size))
    shaped = ink_components(image, box, min_area=120)
    assert len(shaped) == 1

    # the same word drawn without shaping, as a viewer without HarfBuzz would
    basic_font = ImageFont.truetype(arabic_font(line.size).path, line.size, layout_engine=0)
    plain = Image.new("RGB", (300, line.size * 2), "white")
    ImageDraw.Draw(plain).text(
        (150, line.size), "تسعير", font=basic_font, fill="black", anchor="mm"
    )
    assert len(ink_components(plain, (0, 0, *plain.size), min_area=120)) >= 4


def test_svg_is_well_formed_with_rtl_arabic_and_latin_text():
    svg = render_svg(BadgeDesign("أساسيات كتابة العروض", "Pitching foundations", "pitching"))
    root = fromstring(svg.encode())
    assert root.tag == f"{SVG}svg" and root.get("viewBox") == "0 0 512 512"
    texts = root.findall(f"{SVG}text")
    arabic = [t for t in texts if t.get(XML_LANG) == "ar"]
    latin = [t for t in texts if t.get(XML_LANG) == "en"]
    assert [t.text for t in arabic] == ["أساسيات كتابة العروض", "بداية"]
    assert all(t.get("direction") == "rtl" for t in arabic)
    assert all(t.get("font-family").startswith("'Noto Naskh Arabic'") for t in arabic)
    assert [t.text for t in latin] == ["Pitching foundations", "BIDAYA"]
    assert root.find(f"{SVG}title").text == "أساسيات كتابة العروض — Pitching foundations"
    assert f'fill="{TRACK_COLOURS["pitching"]}"' in svg


def test_hostile_names_are_escaped_in_svg():
    design = BadgeDesign('<script>alert("x")</script> & co', "A\x00B\u202eC <b>", "custom")
    root = fromstring(render_svg(design).encode())
    assert root.find(f".//{SVG}script") is None and root.find(f".//{SVG}b") is None
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[0].startswith('<script>alert("x")')
    assert "ABC <b>" in texts  # NUL and the bidi override are dropped


def test_long_names_wrap_to_two_lines_that_fit():
    design = BadgeDesign(
        "التسعير الذكي للخدمات الصغيرة في خمسات ومستقل",
        "Smart pricing for small fixed-price services on Khamsat and Mostaql",
        "pricing",
    )
    lines = layout_text(design)
    arabic = [line for line in lines if line.rtl and line.colour != "#ffffff"]
    latin = [line for line in lines if not line.rtl and line.colour != "#ffffff"]
    assert len(arabic) == 2 and len(latin) == 2
    assert " ".join(line.text for line in arabic) == design.name_ar
    for line in arabic:
        assert text_width(line.text, arabic_font(line.size), rtl=True) <= 330
    for line in latin:
        assert text_width(line.text, latin_font(line.size)) <= 320


def test_absurdly_long_names_are_cut_with_an_ellipsis():
    design = BadgeDesign("كلمة" * 60, "Word" * 80, "custom")
    lines = [line for line in layout_text(design) if line.colour != "#ffffff"]
    assert lines[0].text.endswith("…") and lines[-1].text.endswith("…")
    assert all(
        text_width(line.text, (arabic_font if line.rtl else latin_font)(line.size), line.rtl) <= 330
        for line in lines
    )


@pytest.mark.parametrize(
    "design",
    [
        BadgeDesign("اسم", "Name", "marketing"),
        BadgeDesign("اسم", "Name", "custom", colour="red"),
        BadgeDesign("اسم", "Name", "custom", icon="skull"),
        BadgeDesign("  ", "Name", "custom"),
        BadgeDesign("اسم", "\x00", "custom"),
    ],
)
def test_bad_designs_are_refused(design):
    with pytest.raises(BadgeDesignError):
        render_svg(design)


def test_missing_font_fails_clearly(settings, tmp_path):
    settings.BIDAYA_BADGE_FONT = str(tmp_path / "missing.ttf")
    with pytest.raises(ImproperlyConfigured, match="BIDAYA_BADGE_FONT"):
        render_png(BadgeDesign("اسم", "Name", "custom"))


def test_png_refuses_to_draw_unshaped_arabic(monkeypatch):
    """Pillow without libraqm would draw isolated letters left to right."""
    monkeypatch.setattr(badge_image.features, "check", lambda name: name != "raqm")
    with pytest.raises(ImproperlyConfigured, match="libraqm"):
        render_png(BadgeDesign("اسم", "Name", "custom"))


def test_png_size_is_bounded():
    with pytest.raises(BadgeDesignError):
        render_png(BadgeDesign("اسم", "Name", "custom"), size=10_000)
    assert open_png(render_png(BadgeDesign("اسم", "Name", "custom"), size=128)).size == (128, 128)


def test_colour_validator_for_editors():
    validate_hex_colour("#0f766e")
    for bad in ("red", "#fff", "#12345g", "", None, "#1234567"):
        with pytest.raises(ValidationError):
            validate_hex_colour(bad)
