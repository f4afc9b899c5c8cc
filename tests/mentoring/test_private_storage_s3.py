"""Hand-in files on S3 (moto's server over HTTP on loopback): private objects, read only
through short-lived presigned URLs handed out after the permission check."""

import urllib.error
import urllib.request
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring import services
from tests.media_processing.conftest import MOTO_KEYS, moto_server, s3_client  # noqa: F401
from tests.mentoring.helpers import PASSWORD, assignment_of

PDF = b"%PDF-1.4\n% a proposal\n%%EOF\n"
EXPIRY = 120


@pytest.fixture
def private_s3(settings, moto_server):  # noqa: F811
    from botocore.config import Config

    bucket = f"bidaya-private-{uuid.uuid4().hex[:10]}"
    client = s3_client(moto_server)
    client.create_bucket(Bucket=bucket)
    settings.BIDAYA_PRIVATE_URL_EXPIRY_SECONDS = EXPIRY
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **MOTO_KEYS,
                "bucket_name": bucket,
                "endpoint_url": moto_server,
                "region_name": "us-east-1",
                "client_config": Config(
                    s3={"addressing_style": "path"},
                    signature_version="s3v4",
                    request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                ),
                "location": "private",
                "default_acl": "private",
                "file_overwrite": False,
                "querystring_auth": True,
                "querystring_expire": EXPIRY,
                "custom_domain": None,
            },
        },
    }
    return client, bucket


@pytest.fixture
def handed_in_file(roles, file_lesson, private_s3):
    learner = roles["learner"]
    assignment = assignment_of(file_lesson)
    submission = services.start_submission(learner, assignment, "ar")
    services.save_draft(
        submission,
        text="عرضي",
        link="https://khamsat.com/programming/1-service",
        upload=SimpleUploadedFile("عرض الخدمة.pdf", PDF),
        assignment=assignment,
    )
    services.submit(submission, learner, assignment=assignment)
    return submission.versions.get(number=1)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_the_file_is_a_private_object_under_the_private_prefix(handed_in_file, private_s3):
    client, bucket = private_s3
    key = f"private/{handed_in_file.file.name}"
    assert key.startswith(f"private/submissions/{handed_in_file.submission.uuid}/")
    assert client.get_object(Bucket=bucket, Key=key)["Body"].read() == PDF
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert all(g["Grantee"].get("Type") == "CanonicalUser" for g in grants)
    assert not any("AllUsers" in g["Grantee"].get("URI", "") for g in grants)


def test_a_mentor_gets_a_short_lived_presigned_url(client, handed_in_file, private_s3):
    client.login(username="mentor", password=PASSWORD)
    response = client.get(reverse("mentoring:submission-file", args=[handed_in_file.uuid]))
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    url = response["Location"]
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == [str(EXPIRY)]
    assert "X-Amz-Signature" in query
    assert "attachment" in query["response-content-disposition"][0]
    status, headers, body = fetch(url)
    assert (status, body) == (200, PDF)
    assert headers["content-type"] == "application/pdf"
    assert "attachment" in headers["content-disposition"]

    # moto's server does not check signatures or object ACLs on anonymous reads, so
    # "the bare object URL is refused" cannot be shown here; the object's ACL (no public
    # grant, test above) is what a real S3 enforces.


def test_no_presigned_url_for_someone_outside_the_cohort(client, handed_in_file):
    client.login(username="othermentor", password=PASSWORD)
    response = client.get(reverse("mentoring:submission-file", args=[handed_in_file.uuid]))
    assert response.status_code == 404
    assert "Location" not in response
