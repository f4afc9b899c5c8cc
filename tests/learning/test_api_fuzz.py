"""The learning API fuzzed from its own OpenAPI document: no input makes it fail with a 5xx.

schemathesis generates valid and invalid requests for every operation of the learning
routers (catalogue, enrolments, progress, quizzes, dashboard) and sends them to the
Django WSGI application in process, authenticated with a personal access token, over a
published course with a video, a quiz and a reading lesson.
"""

import pytest

schemathesis = pytest.importorskip(
    "schemathesis", reason="schemathesis (a test dependency in pyproject.toml) is not installed"
)
from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections  # noqa: E402

from accounts.models import AccessToken  # noqa: E402
from config.wsgi import application  # noqa: E402

pytestmark = pytest.mark.slow

LEARNING_TAGS = ["catalogue", "enrolments", "progress", "quizzes", "dashboard"]


def learning_operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(
        tag=LEARNING_TAGS
    )
    return [result.ok() for result in schema.get_all_operations()]


@pytest.fixture
def token(learner, enrolled):
    _row, secret = AccessToken.issue(learner, "fuzz")
    return secret


@pytest.fixture
def keep_connection():
    """Requests go to the WSGI app directly, not through Django's test client, so do
    what the test client does: leave the test's connection (inside its transaction)
    open at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_errors(token, course, settings, mode, keep_connection):
    """(schemathesis's own pytest plugin does not run under this pytest; hypothesis does.)"""
    settings.BIDAYA_RATE_HEARTBEAT = ""
    settings.BIDAYA_RATE_WRITE = ""
    operations = learning_operations()
    assert len(operations) >= 10
    headers = {"Authorization": f"Bearer {token}"}
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call(headers=headers)
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                response.text[:500],
            )
            if response.status_code >= 400:
                # Every refusal is a problem-details document with a code.
                content_type = (response.headers.get("content-type") or [""])[0]
                assert content_type.startswith("application/problem+json"), content_type
                assert response.json()["code"]

        check()
