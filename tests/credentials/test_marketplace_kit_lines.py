"""The marketplace kit's plain-text lines fit each marketplace's profile fields and say
the month the way each language does."""

from datetime import date

from django.utils import translation

from credentials import kit
from credentials.linkedin import marketplace_kit

URL = "https://bidaya.example/badges/3f1c/"
ISSUED = date(2026, 12, 3)


def fields(slug, language):
    return dict(
        kit.lines(slug, language, badge="عرضي الأول", issuer="بداية", url=URL, issued_on=ISSUED)
    )


def test_months_are_said_in_each_language():
    with translation.override("ar"):
        assert kit.in_month(ISSUED) == "في ديسمبر 2026"
    with translation.override("en"):
        assert kit.in_month(ISSUED) == "in December 2026"
    with translation.override("fr"):
        assert kit.in_month(ISSUED) == "en décembre 2026"


def test_khamsat_gets_a_bio_line_and_a_portfolio_entry_in_plain_text():
    lines = fields("khamsat", "ar")
    assert list(lines) == [
        "سطر النبذة",
        "عنوان العمل في المعرض",
        "وصف العمل في المعرض",
        "رابط العمل",
    ]
    assert "في ديسمبر 2026" in lines["سطر النبذة"] and URL in lines["سطر النبذة"]
    assert all("<" not in text and "\n" not in text for text in lines.values())


def test_upwork_gets_a_certificate_entry():
    lines = fields("upwork", "en")
    assert lines["Certificate name"] == "عرضي الأول"
    assert lines["Issued by"] == "بداية"
    assert lines["Date issued"] == "December 2026"
    assert lines["Certificate link"] == URL
    assert "in December 2026" in lines["Bio line"]


def test_html_only_where_the_marketplace_shows_html():
    common = {
        "marketplace": "Khamsat",
        "badge_names": {"ar": "عرضي الأول", "en": "My first proposal"},
        "issuer_name": {"ar": "بداية", "en": "Bidaya"},
        "verify_url": URL,
        "image_url": URL + "image.png",
        "issued_on": ISSUED,
    }
    assert not marketplace_kit(slug="khamsat", **common).shows_html
    assert marketplace_kit(slug="", **common).shows_html
    texts = marketplace_kit(slug="mostaql", **common).texts
    assert "في ديسمبر 2026" in texts["ar"] and "in December 2026" in texts["en"]
