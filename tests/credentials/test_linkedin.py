from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlsplit

import pytest

from credentials.linkedin import linkedin_add_url, marketplace_kit

VERIFY = "https://bidaya.example/badges/3f0a6b1e-52d4-4a8e-9a43-0c1f9d2b7e11/"
IMAGE = "https://bidaya.example/badges/3f0a6b1e-52d4-4a8e-9a43-0c1f9d2b7e11/image.png"


def query(url):
    return dict(parse_qsl(urlsplit(url).query, strict_parsing=True))


def test_linkedin_url_parameters_round_trip():
    url = linkedin_add_url(
        name="عرضي الأول — My first proposal",
        organization_name="بداية Bidaya",
        issued_on=datetime(2025, 3, 14, 9, 30, tzinfo=UTC),
        cert_url=VERIFY + "?lang=ar&x=1",
        cert_id="3f0a6b1e-52d4-4a8e-9a43-0c1f9d2b7e11",
    )
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    assert query(url) == {
        "startTask": "CERTIFICATION_NAME",
        "name": "عرضي الأول — My first proposal",
        "organizationName": "بداية Bidaya",
        "issueYear": "2025",
        "issueMonth": "3",
        "certUrl": VERIFY + "?lang=ar&x=1",
        "certId": "3f0a6b1e-52d4-4a8e-9a43-0c1f9d2b7e11",
    }


def test_linkedin_url_encodes_arabic_as_utf8_percent_escapes():
    url = linkedin_add_url(
        name="بداية",
        organization_name="Bidaya",
        issued_on=date(2025, 1, 2),
        cert_url=VERIFY,
        cert_id="1",
    )
    assert url.isascii()
    assert "name=%D8%A8%D8%AF%D8%A7%D9%8A%D8%A9&" in url
    assert "+" not in url and " " not in url
    # the nested verification URL is escaped, so its & cannot split LinkedIn's query
    assert "certUrl=https%3A%2F%2Fbidaya.example%2Fbadges%2F" in url


def test_linkedin_url_with_company_id_and_expiry():
    params = query(
        linkedin_add_url(
            name="Pricing track",
            organization_name="ignored when the id is known",
            organization_id=1337,
            issued_on=date(2025, 11, 30),
            expires_on=date(2027, 11, 30),
            cert_url=VERIFY,
            cert_id="42",
        )
    )
    assert params["organizationId"] == "1337" and "organizationName" not in params
    assert (params["expirationYear"], params["expirationMonth"]) == ("2027", "11")


@pytest.mark.parametrize(
    "bad", [{"name": " "}, {"issued_on": "2025-03"}, {"organization_name": ""}]
)
def test_linkedin_url_refuses_bad_input(bad):
    values = {
        "name": "x",
        "organization_name": "Bidaya",
        "issued_on": date(2025, 1, 1),
        "cert_url": VERIFY,
        "cert_id": "1",
    }
    with pytest.raises(ValueError):
        linkedin_add_url(**{**values, **bad})


def test_marketplace_kit_has_text_link_and_image_per_language():
    kit = marketplace_kit(
        marketplace="Mostaql",
        badge_names={"ar": "عرضي الأول", "en": "My first proposal"},
        issuer_name={"ar": "بداية", "en": "Bidaya"},
        verify_url=VERIFY,
        image_url=IMAGE,
        issued_on=datetime(2025, 3, 14, tzinfo=UTC),
    )
    assert set(kit.texts) == {"ar", "en"}
    assert "عرضي الأول" in kit.texts["ar"] and VERIFY in kit.texts["ar"]
    assert "بداية" in kit.texts["ar"] and "Bidaya" in kit.texts["en"]
    assert "My first proposal" in kit.texts["en"] and VERIFY in kit.texts["en"]
    assert "2025" in kit.texts["en"]
    assert kit.image_url == IMAGE
    assert kit.html == (
        f'<a href="{VERIFY}"><img src="{IMAGE}" alt="My first proposal" width="120" '
        'height="120"></a>'
    )
    assert kit.markdown == f"[![My first proposal]({IMAGE})]({VERIFY})"


def test_marketplace_kit_escapes_names_in_html_and_markdown():
    kit = marketplace_kit(
        marketplace="Khamsat",
        badge_names={"en": '"><script>[x]'},
        issuer_name="Bidaya",
        verify_url=VERIFY,
        image_url=IMAGE,
        issued_on=date(2025, 3, 14),
    )
    assert "<script>" not in kit.html and "&lt;script&gt;" in kit.html
    assert kit.markdown == '[![">' + "<script>\\[x\\]](" + IMAGE + ")](" + VERIFY + ")"
