"""Tests that need a real service skip without it, except where the services are required.

On a bare laptop a test that needs PostgreSQL, ffmpeg, the S3 server (moto in server
mode), Redis or Chromium skips with the reason. CI sets ``BIDAYA_REQUIRE_SERVICES=1``
(``.ci/run``): there the same test fails, so a run cannot go green by skipping what it
was meant to check. Every such skip goes through ``missing``; the ``postgres`` marker
calls it for the tests that need PostgreSQL (``tests/conftest.py``), and
``tests/config/test_service_skips.py`` holds the test files to it.
"""

import os

import pytest

REQUIRE_SERVICES = "BIDAYA_REQUIRE_SERVICES"


def required():
    return os.environ.get(REQUIRE_SERVICES, "").strip() not in ("", "0")


def missing(service, reason):
    """The running test cannot run here without ``service``: skip it, or fail it in CI."""
    message = f"needs {service}: {reason}"
    if required():
        pytest.fail(f"{message} ({REQUIRE_SERVICES} is set: the service must be here)")
    pytest.skip(message)  # the message names the service and what is missing
