"""A story page: portrait consent, related stories, facts; and the home page's picks."""

from datetime import date

import pytest
import wagtail_factories

from django.core.exceptions import ValidationError
from django.utils import translation

from cms.models import HomePageFeaturedStory, SuccessStoryPage
from tests.cms.conftest import translate
from tests.cms.i18n import tr
from tests.factories.cms import (
    CountryFactory,
    MarketplaceFactory,
    SpecialisationFactory,
    StandardPageFactory,
    SuccessStoryPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def portrait():
    return wagtail_factories.ImageFactory(title="portrait")


def test_portrait_hidden_without_recorded_consent(client, index, portrait):
    story = SuccessStoryPageFactory(parent=index, person_name="زينة", portrait=portrait)
    html = client.get(story.url).content.decode()
    assert not story.show_portrait
    assert portrait.file.name.split("/")[-1].split(".")[0] not in html
    assert '<span class="avatar avatar--large" aria-hidden="true">ز</span>' in html
    assert "<img" not in html.split('<article class="story">')[1].split("</header>")[0]

    # Ticking the box without a date is refused, and would not count as consent.
    story.portrait_consent = True
    with pytest.raises(ValidationError):
        story.save()
    SuccessStoryPage.objects.filter(pk=story.pk).update(portrait_consent=True)
    story.refresh_from_db()
    assert not story.show_portrait
    assert "avatar--photo" not in client.get(story.url).content.decode()


def test_portrait_shown_with_consent_and_date(client, index, portrait):
    story = SuccessStoryPageFactory(
        parent=index,
        person_name="زينة",
        portrait=portrait,
        portrait_consent=True,
        portrait_consent_date=date(2024, 5, 1),
    )
    html = client.get(story.url).content.decode()
    assert story.show_portrait
    assert 'class="avatar avatar--photo avatar--large"' in html
    assert 'alt="زينة"' in html
    # Cards in the listing use the portrait too, in a smaller rendition.
    assert 'class="avatar avatar--photo"' in client.get(index.url).content.decode()


def test_listing_shows_initials_without_consent(client, index, portrait):
    SuccessStoryPageFactory(parent=index, person_name="ريم", portrait=portrait)
    html = client.get(index.url).content.decode()
    assert '<span class="avatar" aria-hidden="true">ر</span>' in html
    assert "avatar--photo" not in html


def test_related_stories_share_a_specialisation_or_marketplace(index, english):
    khamsat = MarketplaceFactory(
        slug="khamsat",
        name_en="Khamsat",
        profile_url_template="https://khamsat.com/user/{username}",
        profile_url_pattern=r"https://khamsat\.com/user/\S+",
    )
    mostaql = MarketplaceFactory()
    web = SpecialisationFactory(slug="web")
    voice = SpecialisationFactory(slug="voice")

    story = SuccessStoryPageFactory(
        parent=index, slug="me", marketplaces=[khamsat], specialisations=[web]
    )
    both = SuccessStoryPageFactory(
        parent=index, slug="both", marketplaces=[khamsat], specialisations=[web]
    )
    same_skill = SuccessStoryPageFactory(
        parent=index, slug="skill", marketplaces=[mostaql], specialisations=[web]
    )
    same_market_old = SuccessStoryPageFactory(
        parent=index, slug="market-old", marketplaces=[khamsat], specialisations=[voice]
    )
    SuccessStoryPageFactory(  # newer than market-old, so it ranks first of the two
        parent=index, slug="market-new", marketplaces=[khamsat], specialisations=[voice]
    )
    SuccessStoryPageFactory(
        parent=index, slug="unrelated", marketplaces=[mostaql], specialisations=[voice]
    )
    draft = SuccessStoryPageFactory(
        parent=index, slug="draft", marketplaces=[khamsat], specialisations=[web]
    )
    draft.unpublish()
    _home_en, index_en = english
    translate(both, "en", title="Both, in English")  # other language: never related

    related = story.related_stories()
    assert [s.slug for s in related] == ["both", "skill", "market-new"]
    assert all(s.locale_id == story.locale_id for s in related)
    assert same_market_old not in related
    assert same_skill in related
    assert story.related_stories(limit=5)[-1] == same_market_old


def test_related_stories_on_the_page(client, index):
    web = SpecialisationFactory(slug="web")
    story = SuccessStoryPageFactory(parent=index, specialisations=[web])
    other = SuccessStoryPageFactory(parent=index, title="قصة مشابهة", specialisations=[web])
    lonely = SuccessStoryPageFactory(parent=index)
    heading = tr("Related stories")
    html = client.get(story.url).content.decode()
    assert f'<h2 id="related-title">{heading}</h2>' in html
    assert other.title in html
    assert lonely.related_stories() == []
    assert heading not in client.get(lonely.url).content.decode()


def test_first_earnings_and_meta(client, index):
    morocco = CountryFactory(code="MA", name_ar="المغرب", name_en="Morocco")
    story = SuccessStoryPageFactory(
        parent=index,
        person_name="عفاف",
        age=25,
        city="مراكش",
        country=morocco,
        months_to_first_earnings=3,
        first_earnings_note="بعد التسجيل",
    )
    with translation.override("en"):
        assert story.first_earnings_display == "3 months"
    story.months_to_first_earnings = 1
    with translation.override("en"):
        assert story.first_earnings_display == "1 month"
    story.months_to_first_earnings = None
    assert story.first_earnings_display == "بعد التسجيل"
    html = client.get(story.url).content.decode()
    assert '<span class="story-meta__name">عفاف</span>' in html
    assert "<span>مراكش</span><span>المغرب</span>" in html


def test_search_text_is_normalised_and_complete(index):
    web = SpecialisationFactory(slug="web", name_ar="تطوير المواقع")
    story = SuccessStoryPageFactory(
        parent=index,
        title="أحمد",
        person_name="أحمد",
        city="مدينة طنجة",
        pull_quote="الصبر مفتاح",
        specialisations=[web],
        body=[{"type": "paragraph", "value": "<p>قصّةٌ <b>جميلة</b></p>"}],
    )
    text = story.search_text
    for word in ("احمد", "مدينه", "طنجه", "الصبر", "تطوير", "قصه", "جميله"):
        assert word in text
    assert "<b>" not in text


def test_home_features_the_editors_picks_in_its_own_language(client, home, index, english):
    old = SuccessStoryPageFactory(parent=index, slug="old", title="قديمة")
    SuccessStoryPageFactory(parent=index, slug="middle", title="وسطى")
    newest = SuccessStoryPageFactory(parent=index, slug="newest", title="أحدث")
    SuccessStoryPageFactory(parent=index, slug="newer", title="أحدث ثانية")

    # No picks: the three latest.
    assert [s.slug for s in home.featured_story_list()] == ["newer", "newest", "middle"]

    HomePageFeaturedStory.objects.create(page=home, story=old, sort_order=0)
    home.refresh_from_db()
    assert [s.slug for s in home.featured_story_list()] == ["old", "newer", "newest"]
    html = client.get(home.url).content.decode()
    assert html.index("قديمة") < html.index("أحدث ثانية")

    # The English home page was translated before the pick and points at nothing;
    # picks made on a page that points at Arabic stories map to their translations.
    home_en, _index_en = english
    old_en = translate(old, "en", title="Old, in English")
    HomePageFeaturedStory.objects.create(page=home_en, story=old, sort_order=0)
    assert [s.pk for s in home_en.featured_story_list()] == [old_en.pk]
    html_en = client.get(home_en.url).content.decode()
    assert "Old, in English" in html_en
    assert "قديمة" not in html_en
    assert newest not in home_en.featured_story_list()


def test_home_tracks_link_to_their_page_or_the_catalogue(client, home):
    catalogue = StandardPageFactory(parent=home, slug="courses", title="الدورات")
    pricing = StandardPageFactory(parent=home, slug="pricing", title="التسعير")
    home.tracks = [
        {
            "type": "track",
            "value": {"track": "pitching", "title": "الإقناع", "text": "نص", "page": None},
        },
        {
            "type": "track",
            "value": {"track": "pricing", "title": "التسعير", "text": "نص", "page": pricing.pk},
        },
    ]
    home.save_revision().publish()
    home.refresh_from_db()
    items = home.track_list()
    assert [item["page"] and item["page"].pk for item in items] == [None, pricing.pk]

    home.catalogue_page = catalogue
    home.save_revision().publish()
    home.refresh_from_db()
    assert [item["page"].pk for item in home.track_list()] == [catalogue.pk, pricing.pk]
    html = client.get(home.url).content.decode()
    assert f'<a href="{catalogue.url}">الإقناع</a>' in html
    assert f'<a href="{pricing.url}">التسعير</a>' in html
