"""Hostile and ordinary uploads, checked by content and stored under names we make."""

import io
import zipfile
from pathlib import Path

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation

from mentoring import files, services
from mentoring.models import Submission, SubmissionVersion
from tests.mentoring.helpers import PASSWORD, assignment_of

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("proposal.pdf", PDF, ("application/pdf", "pdf")),
        ("screen.PNG", PNG, ("image/png", "png")),
        ("cv.docx", docx_bytes(), (files.DOCX, "docx")),
        ("notes.txt", "عرضي: أعرّب القوالب".encode(), ("text/plain", "txt")),
        ("no-extension", PDF, ("application/pdf", "pdf")),
    ],
)
def test_accepted_files_are_typed_by_their_bytes(name, content, expected):
    checked = files.check_upload(upload(name, content, "application/x-whatever"))
    assert (checked.content_type, checked.extension) == expected
    assert checked.size == len(content)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.pdf", b"", "empty"),
        ("invoice.pdf", EXE, "type"),  # a Windows program named like a PDF
        ("photo.jpg", ELF, "type"),
        ("report.pdf", PNG, "mismatch"),  # a real PNG claiming to be a PDF
        ("cv.docx", PDF, "mismatch"),
        ("page.html", b"<html><script>alert(1)</script></html>", "mismatch"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 26 + b"word/x" + b"\x00" * 50, "damaged"),
    ],
)
def test_hostile_files_are_refused_with_a_reason(name, content, code):
    with pytest.raises(ValidationError) as refused:
        files.check_upload(upload(name, content, "application/pdf"))
    assert refused.value.code == code
    assert refused.value.messages[0]


def test_oversized_files_are_refused(settings):
    settings.BIDAYA_SUBMISSION_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        files.check_upload(upload("big.txt", b"a" * 1001))
    assert refused.value.code == "too_large"
    assert files.check_upload(upload("ok.txt", b"a" * 1000)).size == 1000


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\win.ini.txt", "win.ini.txt"),
        ("/var/www/index.txt", "index.txt"),
        ("C:\\Users\\me\\عرضي.txt", "عرضي.txt"),
        ("\u202egnp.txt", "gnp.txt"),  # right-to-left override stripped
        ("a\x00b\n.txt", "ab.txt"),
    ],
)
def test_client_names_are_only_shown_never_used_as_paths(name, shown):
    assert files.check_upload(upload(name, b"plain text")).display_name == shown


def test_a_name_of_dots_becomes_a_neutral_name():
    # Django's upload parser refuses ".." before the check runs; the check does not rely on it.
    assert files.safe_display_name("..") == "file"
    assert files.safe_display_name("../..") == "file"


def test_a_stored_file_gets_a_fresh_private_name(roles, file_lesson, settings, tmp_path):
    assignment = assignment_of(file_lesson)
    submission = services.start_submission(roles["learner"], assignment, "ar")
    draft = services.save_draft(
        submission, upload=upload("../../../../evil.pdf", PDF), assignment=assignment
    )
    name = draft.file.name
    assert name.startswith(f"submissions/{submission.uuid}/") and name.endswith(".pdf")
    assert "evil" not in name and ".." not in name
    stored = Path(settings.BIDAYA_PRIVATE_MEDIA_ROOT) / name
    assert stored.read_bytes() == PDF
    # Nothing of it under MEDIA_ROOT, which the web server may serve.
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    assert draft.file_name == "evil.pdf"


def test_replacing_a_draft_file_removes_the_unused_one(
    roles, file_lesson, settings, django_capture_on_commit_callbacks
):
    assignment = assignment_of(file_lesson)
    submission = services.start_submission(roles["learner"], assignment, "ar")
    first = services.save_draft(submission, upload=upload("a.pdf", PDF), assignment=assignment)
    first_path = Path(settings.BIDAYA_PRIVATE_MEDIA_ROOT) / first.file.name
    with pytest.raises(ValidationError):
        services.save_draft(submission, upload=upload("b.pdf", EXE), assignment=assignment)
    assert first_path.exists()  # a refused upload changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        second = services.save_draft(submission, upload=upload("b.png", PNG), assignment=assignment)
    assert second.pk == first.pk
    assert not first_path.exists()
    assert (Path(settings.BIDAYA_PRIVATE_MEDIA_ROOT) / second.file.name).exists()


def workspace_url(lesson):
    return reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": lesson.pk, "assignment_id": lesson.assignment_id},
    )


def test_an_oversized_upload_is_cut_off_and_the_typed_text_kept(
    client, roles, file_lesson, settings
):
    settings.BIDAYA_SUBMISSION_MAX_BYTES = 2048
    client.login(username="learner", password=PASSWORD)
    response = client.post(
        workspace_url(file_lesson),
        {
            "text": "نص لا يضيع",
            "link": "",
            "file": upload("huge.txt", b"x" * 50_000),
            "action": "save",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "نص لا يضيع" in page
    with translation.override("ar"):
        assert filesizeformat(2048) in page  # the limit is stated
    assert not SubmissionVersion.objects.exists()
    assert not list(Path(settings.BIDAYA_PRIVATE_MEDIA_ROOT).rglob("*"))


def test_a_disguised_upload_through_the_page_is_refused(client, roles, file_lesson):
    client.login(username="learner", password=PASSWORD)
    response = client.post(
        workspace_url(file_lesson),
        {"text": "عرضي", "file": upload("cv.pdf", EXE, "application/pdf"), "action": "submit"},
    )
    assert response.status_code == 400
    assert "عرضي" in response.content.decode()
    assert not Submission.objects.filter(state="submitted").exists()
    assert not SubmissionVersion.objects.exclude(file="").exists()


def test_a_file_the_assignment_does_not_take_is_refused(roles, lesson):
    assignment = assignment_of(lesson)  # text and link only
    submission = services.start_submission(roles["learner"], assignment, "ar")
    with pytest.raises(ValidationError) as refused:
        services.save_draft(submission, upload=upload("a.pdf", PDF), assignment=assignment)
    assert "file" in refused.value.message_dict
