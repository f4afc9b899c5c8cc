"""Checking a hand-in file before it is stored.

The type is decided by the bytes (``filetype`` reads the signature; plain text is
recognised by decoding it), never by the name or the browser's Content-Type. A file
whose name claims another type than its content is refused rather than renamed: a
learner who sends ``cv.pdf`` that is really a PNG has probably picked the wrong file.
"""

import posixpath
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

import filetype

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from mentoring.limits import max_file_bytes

TEXT_TYPE = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"

# Sniffed content type -> (extension it is stored under, extensions a name may carry).
ALLOWED_TYPES = {
    "application/pdf": ("pdf", {"pdf"}),
    "image/png": ("png", {"png"}),
    "image/jpeg": ("jpg", {"jpg", "jpeg"}),
    DOCX: ("docx", {"docx"}),
    ODT: ("odt", {"odt"}),
    "application/zip": ("zip", {"zip"}),
    TEXT_TYPE: ("txt", {"txt", "md", "text"}),
}
ZIP_BASED = {DOCX, ODT, "application/zip"}
ALLOWED_LABEL = "PDF, PNG, JPEG, DOCX, ODT, ZIP, TXT"
MAX_NAME_LENGTH = 120
TEXT_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    size: int
    display_name: str


def too_large_error():
    return ValidationError(
        _("This file is too large. The limit is %(limit)s."),
        code="too_large",
        params={"limit": filesizeformat(max_file_bytes())},
    )


def safe_display_name(name):
    """The last path segment of the client's name, stripped of anything a browser or a
    shell would read specially. Only shown to people; never used as a storage path."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        ch
        for ch in name
        if ch.isprintable() and unicodedata.category(ch)[0] not in ("C", "Z") or ch == " "
    )
    name = name.strip(" .")
    if len(name) > MAX_NAME_LENGTH:
        stem, ext = posixpath.splitext(name)
        name = stem[: MAX_NAME_LENGTH - len(ext)] + ext
    return name or "file"


def _extension(name):
    return posixpath.splitext(name)[1].lstrip(".").lower()


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start < len(head) - 3:
            return False
    return True


def sniff(uploaded):
    """The content type read from the file's first bytes, or None."""
    uploaded.seek(0)
    head = uploaded.read(TEXT_SNIFF_BYTES)
    uploaded.seek(0)
    if not head:
        return None
    kind = filetype.guess(head[:8192])
    if kind is not None:
        return kind.mime
    if _looks_like_text(head):
        return TEXT_TYPE
    return None


def check_upload(uploaded):
    """Validate an uploaded file; return what will be stored, or raise ValidationError."""
    display_name = safe_display_name(getattr(uploaded, "name", ""))
    size = uploaded.size
    if size is None or size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    if size > max_file_bytes():
        raise too_large_error()
    content_type = sniff(uploaded)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            _("This kind of file is not accepted. Send one of: %(types)s."),
            code="type",
            params={"types": ALLOWED_LABEL},
        )
    extension, name_extensions = ALLOWED_TYPES[content_type]
    claimed = _extension(display_name)
    if claimed and claimed not in name_extensions:
        raise ValidationError(
            _(
                "The file is named .%(claimed)s but its content is %(actual)s. "
                "Check that you picked the right file."
            ),
            code="mismatch",
            params={"claimed": claimed, "actual": extension.upper()},
        )
    if content_type in ZIP_BASED:
        uploaded.seek(0)
        try:
            if not zipfile.is_zipfile(uploaded):
                raise ValidationError(_("This file is damaged."), code="damaged")
        finally:
            uploaded.seek(0)
    if not claimed:
        display_name = f"{display_name}.{extension}"
    return CheckedFile(
        content_type=content_type, extension=extension, size=size, display_name=display_name
    )


def storage_name(submission_uuid, extension):
    """A fresh name that says nothing about the learner or their file name."""
    return f"submissions/{submission_uuid}/{uuid.uuid4().hex}.{extension}"
