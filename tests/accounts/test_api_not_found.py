"""An unknown address under the API answers problem details, like the rest of it."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/no-such-thing"),
        ("get", "/api/v1/courses/1/no-such-thing/"),
        ("post", "/api/v1/heartbeats/extra"),
        ("get", "/api/v2/"),
    ],
)
def test_unknown_api_paths_are_problem_details(client, method, path):
    response = getattr(client, method)(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["status"], body["code"]) == (404, "not_found")
    assert body["detail"] == "There is nothing at this address."
