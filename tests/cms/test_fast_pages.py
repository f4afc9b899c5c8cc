"""Pages render fast without a page cache, and what is kept never shows stale content.

Visitors' pages cost at most ``VISITOR_LIMIT`` queries once the shared caches are
warm. Routes are remembered per URL, StreamField blocks per version of their JSON;
these tests check that an edit, an unpublish, a move and a new restriction are seen
on the very next request, and that blocks that depend on the reader are not shared.
"""

import uuid

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from cms.models import StandardPage
from tests.factories.cms import (
    MarketplaceFactory,
    SpecialisationFactory,
    StandardPageFactory,
    SuccessStoryPageFactory,
)
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    quiz_block,
    text_block,
)

VISITOR_LIMIT = 12

pytestmark = pytest.mark.django_db


def count(client, url):
    client.get(url)  # warm the shared caches, as on a running site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), [q["sql"] for q in captured.captured_queries]


@pytest.fixture
def site(home, index):
    web = SpecialisationFactory(slug="web")
    market = MarketplaceFactory()
    stories = [
        SuccessStoryPageFactory(
            parent=index, slug=f"story-{n}", specialisations=[web], marketplaces=[market]
        )
        for n in range(6)
    ]
    catalogue = CourseIndexPageFactory(parent=home, slug="courses")
    for n in range(4):
        course = CoursePageFactory(parent=catalogue, slug=f"course-{n}")
        course.specialisations.set([web])
        LessonPageFactory(parent=course, slug="first", body=[text_block("<p>درس</p>")])
    return {"home": home, "index": index, "stories": stories, "catalogue": catalogue}


@pytest.mark.parametrize("which", ["home", "catalogue", "index", "story"])
def test_visitor_pages_cost_few_queries(site, which):
    page = site["stories"][0] if which == "story" else site[which]
    queries, sql = count(Client(), page.url)
    assert queries <= VISITOR_LIMIT, "\n".join(sql)


def test_more_stories_and_courses_add_no_query(site, home, index):
    client = Client()
    before = {name: count(client, site[name].url)[0] for name in ("home", "catalogue", "index")}
    for n in range(10):
        SuccessStoryPageFactory(parent=index, slug=f"more-{n}")
        CoursePageFactory(parent=site["catalogue"], slug=f"more-{n}")
    after = {name: count(client, site[name].url)[0] for name in ("home", "catalogue", "index")}
    assert after == before


def paragraph(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def test_an_edited_block_shows_on_the_next_request(home):
    page = StandardPageFactory(parent=home, slug="about", body=[paragraph("<p>النسخة-أ-٧١٣</p>")])
    page.save_revision().publish()
    client = Client()
    assert "النسخة-أ-٧١٣" in client.get(page.url).content.decode()
    page.refresh_from_db()
    page.body = [paragraph("<p>النسخة-ب-٩٢٤</p>")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "النسخة-ب-٩٢٤" in html
    assert "النسخة-أ-٧١٣" not in html


def test_a_live_page_is_read_once_per_publication_and_drafts_stay_unseen(home):
    page = StandardPageFactory(parent=home, slug="about", body=[paragraph("<p>حي-٣١٥</p>")])
    page.save_revision().publish()
    client = Client()
    _queries, statements = count(client, page.url)
    # The page's row is kept in the process after the first read.
    assert not [sql for sql in statements if StandardPage._meta.db_table in sql]
    page.refresh_from_db()
    page.title = "مسودة لم تنشر"
    page.body = [paragraph("<p>مسودة-٨٨٢</p>")]
    page.save_revision()  # a draft: the live page is unchanged
    html = client.get(page.url).content.decode()
    assert "حي-٣١٥" in html
    assert "مسودة" not in html
    page.get_latest_revision().publish()
    html = client.get(page.url).content.decode()
    assert "مسودة-٨٨٢" in html
    assert "حي-٣١٥" not in html


def test_an_unpublished_page_is_gone_at_once(home):
    page = StandardPageFactory(parent=home, slug="about")
    client = Client()
    assert client.get(page.url).status_code == 200
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(home):
    first = StandardPageFactory(parent=home, slug="first")
    second = StandardPageFactory(parent=home, slug="second")
    page = StandardPageFactory(parent=first, slug="moving")
    client = Client()
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(second, pos="last-child")
    page.refresh_from_db()
    assert client.get(page.url).status_code == 200
    # Not the remembered page any more: Wagtail's redirect, made on the move.
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(page.url)


def test_a_new_restriction_applies_to_a_remembered_page_and_to_listings(site):
    course = site["catalogue"].get_children().first().specific
    client = Client()
    assert client.get(course.url).status_code == 200
    assert course.title in client.get(site["catalogue"].url).content.decode()
    PageViewRestriction.objects.create(page=course, restriction_type="login")
    assert client.get(course.url).status_code == 302  # to the login page
    assert course.title not in client.get(site["catalogue"].url).content.decode()


def test_reader_dependent_blocks_are_rendered_for_each_reader(home, django_user_model):
    catalogue = CourseIndexPageFactory(parent=home, slug="courses")
    course = CoursePageFactory(parent=catalogue, slug="course")
    lesson = LessonPageFactory(
        parent=course, slug="quiz", body=[text_block("<p>مقدمة</p>"), quiz_block()]
    )
    first, second = Client(), Client()
    first.force_login(django_user_model.objects.create_user("one", "one@example.com", "x"))
    second.force_login(django_user_model.objects.create_user("two", "two@example.com", "x"))
    one = first.get(lesson.url)
    two = second.get(lesson.url)
    token = 'name="csrfmiddlewaretoken" value="'
    one_token = one.content.decode().split(token)[1].split('"')[0]
    two_token = two.content.decode().split(token)[1].split('"')[0]
    assert one_token != two_token
    anonymous = Client().get(lesson.url).content.decode()
    assert token not in anonymous
    assert "مقدمة" in anonymous
