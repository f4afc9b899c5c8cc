"""Upload limits hold before the body is read, on a real socket.

The live-server tests announce a body and send little or none of it: a server that
waited for the body before answering would never answer, and the socket's timeout
turns that into a failure. No temporary upload file may be left behind.
"""

import json
import socket
from urllib.parse import urlsplit

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation

from accounts.models import AccessToken
from config.uploads import RequestSizeMiddleware, body_allowance
from mentoring.models import SubmissionVersion
from tests.learning.conftest import csrf_token
from tests.mentoring.helpers import make_user

HUGE = 400 * 1024**2  # 400 MiB, as in the report
BOUNDARY = "bidaya-limits-boundary"
# Long enough for any honest answer on a loaded machine; a server that waits for a body
# that never comes hangs here instead of answering.
HANG_GUARD_SECONDS = 30


def raw_post(live_server, path, content_length, headers=(), body=b""):
    """POST over a raw socket, announcing ``content_length`` and sending only ``body``.

    Returns (status, headers, body) of the answer; the socket is closed afterwards,
    the rest of the announced body never sent.
    """
    parts = urlsplit(live_server.url)
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {parts.hostname}:{parts.port}",
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}",
        f"Content-Length: {content_length}",
        *headers,
    ]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=HANG_GUARD_SECONDS) as sock:
        sock.sendall(head + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        answer_headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in header_lines)
        }
        length = int(answer_headers.get("content-length", "0"))
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    return int(status_line.split()[1]), answer_headers, rest


def file_part_start(name="big.pdf"):
    return (
        (
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + b"%PDF-1.4\n"
        + b"x" * (1024 * 1024)
    )


def api_upload_path(lesson):
    return f"/api/v1/assignments/{lesson.pk}/{lesson.assignment_id}/draft/file"


def bearer(user):
    _row, secret = AccessToken.issue(user, "upload test")
    return f"Authorization: Bearer {secret}"


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return f"Cookie: sessionid={client.cookies['sessionid'].value}"


@pytest.fixture
def upload_temp_dir(settings, tmp_path):
    """Where Django would write temporary upload files; must stay empty."""
    folder = tmp_path / "upload-tmp"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def test_an_announced_huge_hand_in_is_refused_unread(
    transactional_db, live_server, roles, file_lesson, upload_temp_dir
):
    status, headers, body = raw_post(
        live_server,
        api_upload_path(file_lesson),
        HUGE,
        headers=[bearer(roles["learner"])],
        body=file_part_start(),
    )
    assert status == 413
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["code"] == "too_large"
    assert problem["limit"] == 10 * 1024**2  # mentoring.limits.max_file_bytes()
    assert list(upload_temp_dir.iterdir()) == []
    assert not SubmissionVersion.objects.exists()


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [
        ("nobody", 401, "not_authenticated"),
        ("other_learner_token", 403, "not_enrolled"),
        ("stranger_session", 403, "not_enrolled"),
    ],
)
def test_who_may_upload_is_settled_before_the_body(
    transactional_db, live_server, roles, file_lesson, upload_temp_dir, who, status, code
):
    # The body is announced within the limit but never sent: only an answer given
    # before reading it can arrive.
    stranger = make_user("stranger")
    headers = {
        "nobody": [],
        "other_learner_token": [bearer(stranger)],
        "stranger_session": [session_cookie(stranger)],
    }[who]
    answer, _headers, body = raw_post(
        live_server, api_upload_path(file_lesson), 5 * 1024**2, headers=headers
    )
    assert answer == status
    assert json.loads(body)["code"] == code
    assert list(upload_temp_dir.iterdir()) == []


def test_an_unknown_assignment_is_answered_before_the_body(
    transactional_db, live_server, roles, file_lesson, upload_temp_dir
):
    path = f"/api/v1/assignments/{file_lesson.pk}/no-such-block/draft/file"
    status, _headers, body = raw_post(
        live_server, path, 5 * 1024**2, headers=[bearer(roles["learner"])]
    )
    assert status == 404
    assert json.loads(body)["code"] == "not_found"


def test_the_page_form_refuses_an_announced_huge_hand_in_unread(
    transactional_db, live_server, roles, file_lesson, upload_temp_dir
):
    path = reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": file_lesson.pk, "assignment_id": file_lesson.assignment_id},
    )
    status, headers, body = raw_post(
        live_server,
        path,
        HUGE,
        headers=[session_cookie(roles["learner"])],
        body=file_part_start(),
    )
    assert status == 413
    assert headers["content-type"].startswith("text/html")
    with translation.override("ar"):  # the page's language, from its address
        assert filesizeformat(10 * 1024**2) in body.decode()
    assert list(upload_temp_dir.iterdir()) == []


def test_the_video_upload_has_its_own_limit(
    transactional_db, live_server, django_user_model, settings, upload_temp_dir
):
    settings.BIDAYA_VIDEO_MAX_UPLOAD_BYTES = 1000 * 1000 * 1000
    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "x")
    status, _headers, body = raw_post(
        live_server,
        "/admin/videos/new/",
        1100 * 1000 * 1000,
        headers=[session_cookie(admin), "Accept-Language: en"],
    )
    assert status == 413
    with translation.override("en"):
        assert filesizeformat(1000 * 1000 * 1000) in body.decode()
    assert list(upload_temp_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/admin/videos/new/", 1000 * 1000 * 1000),  # the media app's own limit
        ("/ar/profile/", 64 * 1024**2),  # BIDAYA_UPLOAD_MAX_BYTES
        ("/api/v1/assignments/1/a1/draft/file", 10 * 1024**2),  # mentoring.limits
    ],
)
def test_each_route_is_held_to_its_own_limit(db, settings, rf, path, limit):
    settings.BIDAYA_VIDEO_MAX_UPLOAD_BYTES = 1000 * 1000 * 1000
    settings.BIDAYA_UPLOAD_MAX_BYTES = 64 * 1024**2
    match = resolve(path)
    middleware = RequestSizeMiddleware(lambda request: None)
    within = rf.post(path, CONTENT_LENGTH=str(limit), content_type="multipart/form-data")
    within.resolver_match = match
    assert middleware.process_view(within, match.func, (), {}) is None
    assert within.upload_limit == limit
    over = rf.post(path, CONTENT_LENGTH=str(body_allowance(limit) + 1))
    over.resolver_match = match
    assert middleware.process_view(over, match.func, (), {}).status_code == 413


def test_a_route_without_a_limit_of_its_own_has_the_default(
    transactional_db, live_server, roles, upload_temp_dir, settings
):
    status, _headers, body = raw_post(
        live_server,
        "/en/profile/",
        settings.BIDAYA_UPLOAD_MAX_BYTES * 2,
        headers=[session_cookie(roles["learner"])],
        body=file_part_start(),
    )
    assert status == 413
    with translation.override("en"):
        assert filesizeformat(settings.BIDAYA_UPLOAD_MAX_BYTES) in body.decode()
    assert list(upload_temp_dir.iterdir()) == []


# --- a body within the announced allowance whose file runs over the limit -----------


def test_the_api_cuts_a_file_over_the_limit_and_answers_413(
    roles, file_lesson, settings, upload_temp_dir
):
    settings.BIDAYA_SUBMISSION_MAX_BYTES = 2048
    client = Client(enforce_csrf_checks=True)
    client.force_login(roles["learner"])
    response = client.post(
        api_upload_path(file_lesson),
        {"file": SimpleUploadedFile("big.txt", b"x" * 3 * 1024**2)},
        HTTP_X_CSRFTOKEN=csrf_token(client),
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "too_large"
    assert response.json()["limit"] == 2048
    assert list(upload_temp_dir.iterdir()) == []
    assert not SubmissionVersion.objects.exists()


def test_the_api_still_takes_a_file_within_the_limit(roles, file_lesson, upload_temp_dir):
    client = Client(enforce_csrf_checks=True)
    client.force_login(roles["learner"])
    response = client.post(
        api_upload_path(file_lesson),
        {"file": SimpleUploadedFile("notes.txt", "عرضي".encode() * 100_000)},
        HTTP_X_CSRFTOKEN=csrf_token(client),
    )
    assert response.status_code == 200
    assert response.json()["draft"]["file_name"] == "notes.txt"
    assert list(upload_temp_dir.iterdir()) == []  # the temporary file is gone once stored


def test_the_api_upload_still_checks_csrf_for_a_session(roles, file_lesson):
    client = Client(enforce_csrf_checks=True)
    client.force_login(roles["learner"])
    response = client.post(
        api_upload_path(file_lesson), {"file": SimpleUploadedFile("notes.txt", b"text")}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
