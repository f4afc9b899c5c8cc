"""Baking a signed credential into a badge image, and reading it back (OB 3.0 §Baked Badge).

PNG: one uncompressed ``iTXt`` chunk with keyword ``openbadgecredential`` whose text is
the compact JWS, placed before ``IEND``. SVG: an ``xmlns:openbadges`` declaration on the
root and, directly after the ``<svg>`` start tag, ``<openbadges:credential verify="…"/>``
(a VC-JWT goes in the ``verify`` attribute; only an embedded-proof JSON credential goes in
the element's body).

The images are edited as bytes, never re-encoded, so the picture a learner downloads is
exactly the one we drew. Uploaded images are hostile input: sizes are capped, every PNG
CRC is checked, and SVG is parsed with defusedxml (no entities, no external DTDs).
"""

import re
import struct
import zlib
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from django.utils.translation import gettext_lazy as _

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_KEYWORD = b"openbadgecredential"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
OB_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_CREDENTIAL_BYTES = 1024 * 1024


class BakingError(ValueError):
    """The image cannot be baked or read; the message is safe to show a user."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


# -- PNG ----------------------------------------------------------------------------


def _png_chunks(data):
    """Yield (type, body, start, end) for every chunk, checking structure and CRCs."""
    if not isinstance(data, bytes | bytearray) or not data.startswith(PNG_SIGNATURE):
        raise BakingError(_("This file is not a PNG image."), "not_png")
    if len(data) > MAX_IMAGE_BYTES:
        raise BakingError(_("The image is too large."), "too_large")
    pos = len(PNG_SIGNATURE)
    first = True
    while True:
        if pos + 12 > len(data):
            raise BakingError(_("The PNG image is truncated."), "png_truncated")
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunk_type = bytes(data[pos + 4 : pos + 8])
        end = pos + 12 + length
        if length > 0x7FFFFFFF or not chunk_type.isalpha():
            raise BakingError(_("The PNG image is damaged."), "png_damaged")
        if end > len(data):
            raise BakingError(_("The PNG image is truncated."), "png_truncated")
        body = bytes(data[pos + 8 : pos + 8 + length])
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(chunk_type + body) != crc:
            raise BakingError(_("The PNG image is damaged (checksum mismatch)."), "png_crc")
        if first and chunk_type != b"IHDR":
            raise BakingError(_("The PNG image is damaged."), "png_damaged")
        first = False
        yield chunk_type, body, pos, end
        if chunk_type == b"IEND":
            return
        pos = end


def _chunk(chunk_type, body):
    return (
        struct.pack(">I", len(body))
        + chunk_type
        + body
        + struct.pack(">I", zlib.crc32(chunk_type + body))
    )


def _itxt_keyword(body):
    return body.split(b"\x00", 1)[0]


def bake_png(image, jws):
    """The PNG with the credential added; refuses an image that already carries one."""
    text = _credential_text(jws)
    iend_start = None
    for chunk_type, body, start, _end in _png_chunks(image):
        if chunk_type == b"iTXt" and _itxt_keyword(body) == PNG_KEYWORD:
            raise BakingError(_("This image already carries a credential."), "already_baked")
        if chunk_type == b"IEND":
            iend_start = start
    # keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty
    # translated keyword NUL, then the UTF-8 text.
    body = PNG_KEYWORD + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")
    return bytes(image[:iend_start]) + _chunk(b"iTXt", body) + bytes(image[iend_start:])


def extract_png(image):
    """The credential text (compact JWS or JSON) of a baked PNG, or None if it has none."""
    for chunk_type, body, _start, _end in _png_chunks(image):
        if chunk_type == b"iTXt" and _itxt_keyword(body) == PNG_KEYWORD:
            return _parse_itxt(body)
    return None


def _parse_itxt(body):
    try:
        _keyword, rest = body.split(b"\x00", 1)
        compressed, method = rest[0], rest[1]
        _language, rest = rest[2:].split(b"\x00", 1)
        _translated, text = rest.split(b"\x00", 1)
    except (ValueError, IndexError) as error:
        raise BakingError(_("The credential in this image is damaged."), "bad_chunk") from error
    if compressed:
        if method != 0:
            raise BakingError(_("The credential in this image is damaged."), "bad_chunk")
        inflater = zlib.decompressobj()
        try:
            text = inflater.decompress(text, MAX_CREDENTIAL_BYTES)
        except zlib.error as error:
            raise BakingError(_("The credential in this image is damaged."), "bad_chunk") from error
        if inflater.unconsumed_tail:
            raise BakingError(_("The credential in this image is too large."), "too_large")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BakingError(_("The credential in this image is damaged."), "bad_chunk") from error


# -- SVG ----------------------------------------------------------------------------

_SVG_START_TAG = re.compile(
    r"<(?P<prefix>[A-Za-z_][\w.-]*:)?svg(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S
)
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.S)


def _root_start_tag(svg):
    """The root element's start tag, found after the XML declaration, a DOCTYPE,
    processing instructions and comments (a ``<svg`` inside a comment must not be
    touched)."""
    pos = 1 if svg.startswith("\ufeff") else 0
    while match := _PROLOG_ITEM.match(svg, pos):
        pos = match.end()
    return _SVG_START_TAG.match(svg, pos)


def _parse_svg(svg):
    if isinstance(svg, bytes):
        try:
            svg = svg.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BakingError(_("This file is not an SVG image."), "not_svg") from error
    if not isinstance(svg, str) or not svg.strip():
        raise BakingError(_("This file is not an SVG image."), "not_svg")
    if len(svg.encode("utf-8")) > MAX_IMAGE_BYTES:
        raise BakingError(_("The image is too large."), "too_large")
    try:
        # A plain DOCTYPE (old editors write one) is fine; entities and external
        # references are what defusedxml refuses.
        root = safe_fromstring(svg.encode("utf-8"))
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise BakingError(_("This file is not an SVG image."), "not_svg") from error
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise BakingError(_("This file is not an SVG image."), "not_svg")
    return svg, root


def bake_svg(svg, jws):
    """The SVG text with the credential added right after the ``<svg>`` start tag."""
    text = _credential_text(jws)
    svg, root = _parse_svg(svg)
    if root.find(f".//{{{OB_NAMESPACE}}}credential") is not None:
        raise BakingError(_("This image already carries a credential."), "already_baked")
    match = _root_start_tag(svg)
    if match is None:
        raise BakingError(_("This file is not an SVG image."), "not_svg")
    start_tag = match.group(0)
    declaration = re.search(r"\sxmlns:openbadges\s*=\s*([\"'])(.*?)\1", start_tag)
    if declaration and declaration.group(2) != OB_NAMESPACE:
        raise BakingError(_("This SVG uses the openbadges prefix for something else."), "prefix")
    if not declaration:
        close = len(start_tag) - (2 if start_tag.endswith("/>") else 1)
        start_tag = f'{start_tag[:close]} xmlns:openbadges="{OB_NAMESPACE}"{start_tag[close:]}'
    element = f"<openbadges:credential verify={quoteattr(text)}></openbadges:credential>"
    if start_tag.endswith("/>"):  # an empty <svg/>: open it so it can hold the credential
        start_tag = start_tag[:-2].rstrip() + ">"
        closing = f"</{match.group('prefix') or ''}svg>"
        baked = svg[: match.start()] + start_tag + element + closing + svg[match.end() :]
    else:
        baked = svg[: match.start()] + start_tag + element + svg[match.end() :]
    if extract_svg(baked) != text:  # never hand out an image we cannot read back
        raise BakingError(_("This file is not an SVG image."), "not_svg")
    return baked


def extract_svg(svg):
    """The credential text of a baked SVG (the ``verify`` attribute, or the JSON body
    of an embedded-proof credential), or None if it has none."""
    _svg, root = _parse_svg(svg)
    element = root.find(f".//{{{OB_NAMESPACE}}}credential")
    if element is None:
        return None
    value = element.get("verify")
    if value is None:
        value = (element.text or "").strip()
    if not value:
        raise BakingError(_("The credential in this image is empty."), "empty")
    if len(value.encode("utf-8")) > MAX_CREDENTIAL_BYTES:
        raise BakingError(_("The credential in this image is too large."), "too_large")
    return value


def _credential_text(jws):
    if not isinstance(jws, str) or not jws.strip():
        raise ValueError("Nothing to bake: the credential text is empty.")
    if len(jws.encode("utf-8")) > MAX_CREDENTIAL_BYTES:
        raise ValueError("The credential text is too large to bake.")
    return jws
