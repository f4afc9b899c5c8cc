"""The badges' machine addresses answer 404 for what does not exist, not a redirect.

Verifiers, wallets and LinkedIn fetch them without a language; a 302 to an HTML page
under /ar/ is no answer a program can use.
"""

import uuid

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/badges/status/987654/",
        "/badges/keys/" + "A" * 43 + "/",
        f"/badges/{uuid.uuid4()}/credential",
        f"/badges/{uuid.uuid4()}/image.png",
    ],
)
def test_unknown_ids_on_machine_addresses_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response


def test_an_address_without_its_language_still_finds_the_page(client):
    # Not a machine address: an old link to a page gets its language added.
    response = client.get("/search/?q=pricing")
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/search/")
