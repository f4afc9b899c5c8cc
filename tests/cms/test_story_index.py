"""The story listing: filters alone and combined, pagination, feeds, query counts."""

import pytest
from defusedxml import ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from cms.models.stories import STORIES_PER_PAGE
from tests.cms.conftest import translate
from tests.cms.i18n import tr
from tests.factories.cms import (
    CountryFactory,
    MarketplaceFactory,
    SpecialisationFactory,
    SuccessStoryPageFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def reference():
    return {
        "MA": CountryFactory(code="MA", name_ar="المغرب", name_en="Morocco"),
        "DZ": CountryFactory(code="DZ", name_ar="الجزائر", name_en="Algeria"),
        "khamsat": MarketplaceFactory(
            slug="khamsat",
            name_ar="خمسات",
            name_en="Khamsat",
            profile_url_template="https://khamsat.com/user/{username}",
            profile_url_pattern=r"https://khamsat\.com/user/[a-z0-9_-]+",
        ),
        "mostaql": MarketplaceFactory(),
        "web": SpecialisationFactory(slug="web-development", name_ar="تطوير المواقع"),
        "voice": SpecialisationFactory(slug="voice-over", name_ar="التعليق الصوتي"),
    }


@pytest.fixture
def stories(index, reference):
    """Four stories covering each filter value, oldest first."""
    r = reference

    def story(slug, country, marketplaces, specialisations):
        return SuccessStoryPageFactory(
            parent=index,
            slug=slug,
            title=f"قصة {slug}",
            country=r[country],
            marketplaces=[r[m] for m in marketplaces],
            specialisations=[r[s] for s in specialisations],
        )

    return {
        "ma-khamsat-web": story("ma-khamsat-web", "MA", ["khamsat"], ["web"]),
        "ma-mostaql-voice": story("ma-mostaql-voice", "MA", ["mostaql"], ["voice"]),
        "dz-khamsat-voice": story("dz-khamsat-voice", "DZ", ["khamsat"], ["voice"]),
        "dz-both-web": story("dz-both-web", "DZ", ["khamsat", "mostaql"], ["web"]),
    }


def listed(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return [story.slug for story in response.context["stories"]], response


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"ma-khamsat-web", "ma-mostaql-voice", "dz-khamsat-voice", "dz-both-web"}),
        ({"country": "MA"}, {"ma-khamsat-web", "ma-mostaql-voice"}),
        ({"country": "dz"}, {"dz-khamsat-voice", "dz-both-web"}),  # case-insensitive
        ({"marketplace": "mostaql"}, {"ma-mostaql-voice", "dz-both-web"}),
        ({"specialisation": "voice-over"}, {"ma-mostaql-voice", "dz-khamsat-voice"}),
        ({"country": "DZ", "marketplace": "khamsat"}, {"dz-khamsat-voice", "dz-both-web"}),
        ({"country": "DZ", "specialisation": "web-development"}, {"dz-both-web"}),
        ({"marketplace": "mostaql", "specialisation": "web-development"}, {"dz-both-web"}),
        (
            {"country": "MA", "marketplace": "khamsat", "specialisation": "web-development"},
            {"ma-khamsat-web"},
        ),
        ({"country": "MA", "marketplace": "khamsat", "specialisation": "voice-over"}, set()),
    ],
)
def test_filters_alone_and_combined(client, index, stories, params, expected):
    slugs, response = listed(client, index, **params)
    assert set(slugs) == expected
    assert len(slugs) == len(expected)  # no duplicates from the many-to-many joins
    html = response.content.decode()
    if params:
        assert 'class="story-filters__clear"' in html
    else:
        assert 'class="story-filters__clear"' not in html
    if not expected:
        assert tr("No story matches these filters yet.") in html


def test_newest_first(client, index, stories):
    slugs, _response = listed(client, index)
    assert slugs == ["dz-both-web", "dz-khamsat-voice", "ma-mostaql-voice", "ma-khamsat-web"]


def test_filter_choices_come_from_the_stories(client, index, stories):
    _slugs, response = listed(client, index)
    form = response.context["filter_form"]
    assert [code for code, _ in form.fields["country"].choices] == ["", "DZ", "MA"]
    assert {slug for slug, _ in form.fields["marketplace"].choices} == {"", "khamsat", "mostaql"}


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZ"},
        {"marketplace": "<script>alert(1)</script>"},
        {"specialisation": "x" * 5000},
    ],
)
def test_unknown_filter_values_are_reported_and_ignored(client, index, stories, params):
    slugs, response = listed(client, index, country_ok="1", **params)
    assert len(slugs) == 4
    html = response.content.decode()
    (value,) = params.values()
    message = "“%(value)s” is not one of the choices; this filter was ignored."
    assert tr(message, value=escape(value)) in html
    assert "<script>alert(1)</script>" not in html


def test_a_bad_filter_does_not_cancel_the_good_one(client, index, stories):
    slugs, _response = listed(client, index, country="MA", marketplace="nowhere")
    assert set(slugs) == {"ma-khamsat-web", "ma-mostaql-voice"}


def test_pagination_keeps_the_filters(client, index, reference):
    for number in range(STORIES_PER_PAGE + 2):
        SuccessStoryPageFactory(
            parent=index,
            slug=f"s{number}",
            country=reference["MA"],
            marketplaces=[reference["khamsat"]],
        )
    SuccessStoryPageFactory(parent=index, slug="elsewhere", country=reference["DZ"])

    first, response = listed(client, index, country="MA", marketplace="khamsat")
    assert len(first) == STORIES_PER_PAGE
    html = response.content.decode()
    assert 'href="?country=MA&amp;marketplace=khamsat&amp;page=2"' in html

    second, response = listed(client, index, country="MA", marketplace="khamsat", page="2")
    assert len(second) == 2
    assert not set(first) & set(second)
    assert "elsewhere" not in first + second
    assert 'href="?country=MA&amp;marketplace=khamsat&amp;page=1"' in response.content.decode()

    # Out-of-range and malformed page numbers fall back instead of failing.
    assert listed(client, index, country="MA", page="999")[0] == second
    assert listed(client, index, country="MA", page="abc")[0] == first


def test_lists_only_this_languages_stories(client, index, english, stories):
    _home_en, index_en = english
    translate(stories["ma-khamsat-web"], "en", title="Story in English")
    slugs_en, response = listed(client, index_en)
    assert slugs_en == ["ma-khamsat-web"]
    assert "Story in English" in response.content.decode()
    assert response.context["page_obj"].paginator.count == 1
    slugs_ar, _response = listed(client, index)
    assert len(slugs_ar) == 4


def test_unpublished_stories_are_not_listed(client, index, stories):
    stories["dz-both-web"].unpublish()
    slugs, _response = listed(client, index)
    assert "dz-both-web" not in slugs


def test_listing_query_count_does_not_grow_with_the_stories(client, index, reference):
    def make(count, offset):
        for number in range(count):
            SuccessStoryPageFactory(
                parent=index,
                slug=f"q{offset + number}",
                country=reference["MA"],
                marketplaces=[reference["khamsat"], reference["mostaql"]],
                specialisations=[reference["web"]],
                figures=[{"type": "figure", "value": {"value": "1", "label": "x"}}],
            )

    make(2, 0)
    client.get(index.url)  # warm the per-process caches (site root paths…)
    with CaptureQueriesContext(connection) as few:
        client.get(index.url)
    make(7, 100)
    with CaptureQueriesContext(connection) as many:
        response = client.get(index.url)
    assert len(response.context["stories"]) == 9
    assert len(many.captured_queries) == len(few.captured_queries)


def test_head_links_to_the_feeds(client, index):
    html = client.get(index.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="{index.url}feed/rss/"' in html
    assert f'href="{index.url}feed/atom/"' in html


def test_rss_feed_lists_the_languages_stories(client, index, english, stories):
    _home_en, index_en = english
    response = client.get(f"{index.url}feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "ar"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "قصة dz-both-web",
        "قصة dz-khamsat-voice",
        "قصة ma-mostaql-voice",
        "قصة ma-khamsat-web",
    ]
    first = items[0]
    assert first.findtext("link") == f"http://testserver{stories['dz-both-web'].url}"
    assert first.findtext("description") == stories["dz-both-web"].intro
    assert {c.text for c in first.findall("category")} >= {"خمسات", "مستقل", "الجزائر"}
    assert first.findtext("pubDate")

    english_feed = ET.fromstring(client.get(f"{index_en.url}feed/rss/").content)
    assert english_feed.find("channel").findtext("language") == "en"
    assert english_feed.find("channel").findall("item") == []


def test_atom_feed(client, index, stories):
    stories["ma-khamsat-web"].figures = [
        {"type": "figure", "value": {"value": "25%", "label": "من الدخل"}}
    ]
    stories["ma-khamsat-web"].pull_quote = "السعر ليس كل شيء"
    stories["ma-khamsat-web"].save_revision().publish()
    response = client.get(f"{index.url}feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    entry = next(e for e in entries if e.findtext(f"{ATOM}title") == "قصة ma-khamsat-web")
    summary = entry.findtext(f"{ATOM}summary")
    assert "25% من الدخل" in summary
    assert "السعر ليس كل شيء" in summary
    assert entry.find(f"{ATOM}link").get("href").endswith("/ar/stories/ma-khamsat-web/")
