import io
import struct
import zlib

import pytest
from defusedxml.ElementTree import fromstring
from PIL import Image

from credentials.baking import (
    OB_NAMESPACE,
    BakingError,
    bake_png,
    bake_svg,
    extract_png,
    extract_svg,
)
from credentials.image import BadgeDesign, render_png, render_svg
from credentials.signing import sign, verify

from .samples import KEY_URL_TEMPLATE, make_credential

DESIGN = BadgeDesign("عرضي الأول", "My first proposal", "pitching")


@pytest.fixture(scope="module")
def png():
    return render_png(DESIGN, size=256)


@pytest.fixture(scope="module")
def svg():
    return render_svg(DESIGN)


@pytest.fixture
def jws(key_file):
    return sign(make_credential(), key_url_template=KEY_URL_TEMPLATE)


def chunks(data):
    """Walk a PNG independently of the code under test, checking every CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, found = 8, []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        found.append((kind, body))
        pos += 12 + length
    assert pos == len(data)
    return found


# -- PNG -----------------------------------------------------------------------------


def test_png_bake_then_extract_gives_the_same_credential(png, jws):
    baked = bake_png(png, jws)
    assert extract_png(baked) == jws
    result = verify(extract_png(baked))
    assert result.is_valid and result.credential == make_credential()


def test_baked_png_structure(png, jws):
    baked = bake_png(png, jws)
    found = chunks(baked)
    kinds = [kind for kind, _ in found]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    assert kinds[-2] == b"iTXt"
    itxt = [body for kind, body in found if kind == b"iTXt"]
    assert itxt == [b"openbadgecredential\x00\x00\x00\x00\x00" + jws.encode()]
    # the picture itself is untouched: every other chunk is byte-for-byte the original
    assert [c for c in found if c[0] != b"iTXt"] == chunks(png)


def test_pillow_opens_the_baked_png_and_reads_the_chunk(png, jws):
    image = Image.open(io.BytesIO(bake_png(png, jws)))
    image.load()
    assert image.size == (256, 256)
    assert image.text["openbadgecredential"] == jws
    original = Image.open(io.BytesIO(png))
    assert image.tobytes() == original.tobytes()


def test_png_that_already_carries_a_credential_is_refused(png, jws):
    with pytest.raises(BakingError) as error:
        bake_png(bake_png(png, jws), jws)
    assert error.value.code == "already_baked"


def test_unbaked_png_has_no_credential(png):
    assert extract_png(png) is None


def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda png: jpeg_bytes(), "not_png"),
        (lambda png: b"", "not_png"),
        (lambda png: "text", "not_png"),
        (lambda png: png[: len(png) // 2], "png_truncated"),
        (lambda png: png[:20] + bytes([png[20] ^ 0xFF]) + png[21:], "png_crc"),
        (lambda png: png[:8] + png[33:], "png_damaged"),  # IHDR removed
    ],
    ids=["jpeg", "empty", "str", "truncated", "crc", "no-ihdr"],
)
def test_not_a_usable_png_is_refused(png, jws, make, code):
    with pytest.raises(BakingError) as error:
        bake_png(make(png), jws)
    assert error.value.code == code
    assert str(error.value)  # a message the page can show


def test_oversized_image_is_refused(jws):
    huge = b"\x89PNG\r\n\x1a\n" + b"\x00" * (11 * 1024 * 1024)
    with pytest.raises(BakingError) as error:
        bake_png(huge, jws)
    assert error.value.code == "too_large"


def test_compressed_chunk_from_another_baker_is_still_read(png, jws):
    body = b"openbadgecredential\x00\x01\x00\x00\x00" + zlib.compress(jws.encode())
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
    iend = png.rindex(b"IEND") - 4
    assert extract_png(png[:iend] + chunk + png[iend:]) == jws


def test_decompression_bomb_is_refused(png):
    body = b"openbadgecredential\x00\x01\x00\x00\x00" + zlib.compress(b"a" * (8 * 1024 * 1024))
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
    iend = png.rindex(b"IEND") - 4
    with pytest.raises(BakingError) as error:
        extract_png(png[:iend] + chunk + png[iend:])
    assert error.value.code == "too_large"


# -- SVG -----------------------------------------------------------------------------


def test_svg_bake_then_extract_gives_the_same_credential(svg, jws):
    baked = bake_svg(svg, jws)
    assert extract_svg(baked) == jws
    assert verify(extract_svg(baked)).is_valid


def test_baked_svg_follows_the_ob3_layout(svg, jws):
    baked = bake_svg(svg, jws)
    root = fromstring(baked.encode())
    first = root[0]
    assert first.tag == f"{{{OB_NAMESPACE}}}credential"
    assert first.get("verify") == jws
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert "<openbadges:credential verify=" in baked
    # everything but the added declaration and element is the original text
    stripped = baked.replace(' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"', "", 1)
    stripped = stripped.replace(
        f'<openbadges:credential verify="{jws}"></openbadges:credential>', "", 1
    )
    assert stripped == svg


def test_svg_with_tricky_prolog_and_empty_root(jws):
    svg = (
        '<?xml version="1.0"?>\n<!-- an <svg> in a comment must be left alone -->\n'
        '<svg xmlns="http://www.w3.org/2000/svg" data-x="a>b" viewBox="0 0 1 1"/>'
    )
    baked = bake_svg(svg, jws)
    assert "<!-- an <svg> in a comment must be left alone -->" in baked
    assert extract_svg(baked) == jws
    assert fromstring(baked.encode()).get("data-x") == "a>b"


def test_svg_with_a_doctype_from_an_old_editor(jws):
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" '
        'height="10"/></svg>'
    )
    baked = bake_svg(svg, jws)
    assert baked.startswith(svg[: svg.index("<svg")])
    assert extract_svg(baked) == jws


def test_svg_that_already_carries_a_credential_is_refused(svg, jws):
    with pytest.raises(BakingError) as error:
        bake_svg(bake_svg(svg, jws), jws)
    assert error.value.code == "already_baked"


def test_unbaked_svg_has_no_credential(svg):
    assert extract_svg(svg) is None


def test_embedded_proof_json_body_is_read_too():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        '<openbadges:credential><![CDATA[{"id": "x"}]]></openbadges:credential></svg>'
    )
    assert extract_svg(svg) == '{"id": "x"}'


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not xml",
        "<html><body>hi</body></html>",
        b"\xff\xfe\x00<",
        # entity expansion ("billion laughs") and external entities are refused
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="urn:other"></svg>',
    ],
    ids=["empty", "text", "html", "binary", "entities", "external-entity", "prefix-taken"],
)
def test_not_a_usable_svg_is_refused(bad, jws):
    with pytest.raises(BakingError):
        bake_svg(bad, jws)
