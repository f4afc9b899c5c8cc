"""Site search: Arabic spelling variants, language, pagination and hostile input.

Runs on SQLite (FTS5) here and on PostgreSQL (full-text search, "simple" config) in CI.
"""

import pytest

from django.utils.text import capfirst

from cms.views import RESULTS_PER_PAGE
from tests.cms.conftest import translate
from tests.cms.i18n import ntr, tr
from tests.factories.cms import StandardPageFactory, SuccessStoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, index):
    return {
        "ahmed": SuccessStoryPageFactory(
            parent=index,
            slug="ahmed",
            title="أحمد الهادي: ثلاث قواعد",
            person_name="أحمد الهادي",
            intro="بائع خدمات من مصر",
        ),
        "afaf": SuccessStoryPageFactory(
            parent=index,
            slug="afaf",
            title="عفاف النور",
            person_name="عفاف النور",
            intro="مطوّرة مواقع",
            body=[{"type": "paragraph", "value": "<p>وُلدت في مدينة مراكش الحمراء.</p>"}],
        ),
        "about": StandardPageFactory(
            parent=home,
            slug="about",
            title="عن بداية",
            intro="أكاديمية للعمل الحر",
            body=[
                {
                    "type": "faq",
                    "value": {
                        "question": "هل الدورات مجانيّة؟",
                        "answer": "<p>نعم، مجانًا بالكامل.</p>",
                    },
                }
            ],
        ),
    }


def search(client, query, language="ar", **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    results = response.context.get("results") or []
    return [r["page"].slug for r in results], response


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("احمد", "ahmed"),  # no hamza finds أحمد
        ("أحمد", "ahmed"),
        ("إحمد", "ahmed"),  # wrong hamza still finds it
        ("أَحْمَد", "ahmed"),  # harakat in the query
        ("مدينه", "afaf"),  # ه for ة finds مدينة in the body
        ("مدينة مراكش", "afaf"),  # every term must match
        ("مجانيه", "about"),  # standard page body, shadda and taa marbuta
        ("مجانا", "about"),  # tanween in the indexed text
        ("الهادي", "ahmed"),
    ],
)
def test_spelling_variants_find_the_page(client, pages, query, expected):
    slugs, _response = search(client, query)
    assert slugs == [expected]


def test_results_show_title_type_and_snippet(client, pages):
    _slugs, response = search(client, "احمد")
    html = response.content.decode()
    singular, plural = "%(counter)s result for “%(query)s”", "%(counter)s results for “%(query)s”"
    assert ntr(singular, plural, 1, query="احمد") in html
    assert "أحمد الهادي: ثلاث قواعد" in html
    assert f'class="search-result__type">{capfirst(tr("success story"))}<' in html
    assert "بائع خدمات من مصر" in html
    assert f'href="{pages["ahmed"].url}"' in html


def test_only_the_current_languages_pages(client, pages, english):
    translate(
        pages["ahmed"],
        "en",
        title="Ahmed Al-Hadi: three rules",
        person_name="Ahmed Al-Hadi",
        intro="A seller from Egypt",
    )
    assert search(client, "Ahmed", "en")[0] == ["ahmed"]
    assert search(client, "احمد", "en")[0] == []
    assert search(client, "Ahmed", "ar")[0] == []
    _slugs, response = search(client, "Ahmed", "en")
    assert "Ahmed Al-Hadi: three rules" in response.content.decode()


def test_unpublished_pages_are_not_found(client, pages):
    pages["ahmed"].unpublish()
    assert search(client, "احمد")[0] == []


def test_nothing_found_says_so(client, pages):
    slugs, response = search(client, "غيرموجود")
    assert slugs == []
    nothing = tr(
        "Nothing was found for “%(query)s”. Try fewer or different words, or check the spelling.",
        query="غيرموجود",
    )
    assert nothing in response.content.decode()


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_shows_the_form_only(client, pages, query):
    _slugs, response = search(client, query)
    html = response.content.decode()
    assert 'id="search-q"' in html
    assert "Nothing was found" not in html
    assert "search-results" not in html


@pytest.mark.parametrize(
    "query",
    [
        "احمد " * 400,  # 2000 characters
        "ب" * 2000,
        '" OR 1=1 --',
        "احمد*",
        "NEAR(احمد مدينة)",
        "^احمد",
        "احمد AND NOT",
        "title:احمد",
        "<script>alert(1)</script>",
        "\x00\x01",
        "!!!",
        "%",
    ],
)
def test_hostile_or_huge_queries_do_not_crash(client, pages, query):
    _slugs, response = search(client, query)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_long_query_still_searches(client, pages):
    slugs, _response = search(client, "احمد " * 400)
    assert slugs == ["ahmed"]


def test_results_are_paginated_keeping_the_query(client, index):
    for number in range(RESULTS_PER_PAGE + 3):
        SuccessStoryPageFactory(parent=index, slug=f"n{number}", title=f"حكاية رقم {number}")
    first, response = search(client, "حكايه")
    assert len(first) == RESULTS_PER_PAGE
    assert response.context["result_count"] == RESULTS_PER_PAGE + 3
    html = response.content.decode()
    assert "page=2" in html and "q=%D8%AD%D9%83%D8%A7%D9%8A%D9%87" in html
    second, _response = search(client, "حكايه", page="2")
    assert len(second) == 3
    assert not set(first) & set(second)
