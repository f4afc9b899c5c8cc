"""A lesson page from its kept skeleton is the page a full render gives, reader by reader.

Each reader's page is requested with skeletons off (a full render) and on; the two
must be the same HTML except for the per-request CSRF masks. The readers differ in
every part the template leaves to them: a visitor, a learner not enrolled, an enrolled
learner with progress and a message waiting, an editor (the userbar), a mentor.
"""

import re

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from cms import skeleton
from learning.progress import complete_component
from tests.learning.conftest import Api, beat, make_learner

MASKED = re.compile(r'(name="csrfmiddlewaretoken" value="|"csrfToken": ")[^"]+"')


def page_html(client, url, settings, skeletons):
    settings.BIDAYA_PAGE_SKELETONS = skeletons
    response = client.get(url)
    assert response.status_code == 200
    return MASKED.sub(r'\1…"', response.content.decode())


def readers(learner, enrolled_learner):
    visitor = Client()
    outsider = Client()
    outsider.force_login(learner)
    enrolled = Client()
    enrolled.force_login(enrolled_learner)
    editor_user = make_learner("editor@example.com")
    editor_user.groups.add(Group.objects.get(name="Editors"))
    editor = Client()
    editor.force_login(editor_user)
    return {"visitor": visitor, "not enrolled": outsider, "enrolled": enrolled, "editor": editor}


@pytest.mark.django_db
@pytest.mark.parametrize("lesson_name", ["video_lesson", "quiz_lesson", "reading_lesson"])
def test_kept_page_equals_full_render_for_every_reader(
    settings, course, learner, other_learner, video_component, lesson_name
):
    from learning.progress.enrolment import enrol

    enrol(other_learner, course)
    complete_component(other_learner, course.reading_lesson, "reading", kind="reading")
    lesson = getattr(course, lesson_name)
    for name, client in readers(learner, other_learner).items():
        full = page_html(client, lesson.url, settings, skeletons=False)
        first = page_html(client, lesson.url, settings, skeletons=True)
        kept = page_html(client, lesson.url, settings, skeletons=True)
        assert first == full, name
        assert kept == full, name
        assert "<!--hole:" not in kept


@pytest.mark.django_db
def test_one_skeleton_serves_every_reader_and_their_own_state(
    settings, course, learner, other_learner, video_component
):
    from learning.progress.enrolment import enrol

    settings.BIDAYA_PAGE_SKELETONS = True
    enrol(other_learner, course)
    Api_client = Client()
    Api_client.force_login(other_learner)
    Api(Api_client).post(
        "/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 10]])
    )
    complete_component(other_learner, course.reading_lesson, "reading", kind="reading")
    url = course.video_lesson.url
    outsider = Client()
    outsider.force_login(learner)

    first = outsider.get(url).content.decode()
    assert len(skeleton.skeletons.data) == 1
    theirs = Api_client.get(url).content.decode()
    assert len(skeleton.skeletons.data) == 1  # the same skeleton, not a second render

    # Each reader's own parts: the enrol form for one, the done lesson for the other.
    assert "Enrol" in first or "سجّل" in first or "learn/courses" in first
    assert "syllabus__item--done" not in first
    assert "syllabus__item--done" in theirs
    assert learner.email in first and learner.email not in theirs


@pytest.mark.django_db
def test_messages_are_shown_once_from_a_kept_page(settings, course, learner):
    settings.BIDAYA_PAGE_SKELETONS = True
    client = Client()
    client.force_login(learner)
    url = course.reading_lesson.url
    client.get(url)  # the skeleton is kept
    assert len(skeleton.skeletons.data) == 1

    client.post(f"/ar/learn/courses/{course.pk}/enrol/", {"next": url})
    shown = client.get(url).content.decode()
    assert 'class="messages"' in shown and course.title in shown
    assert 'class="messages"' not in client.get(url).content.decode()


@pytest.mark.django_db
def test_publishing_a_change_is_seen_at_once(settings, course, learner):
    settings.BIDAYA_PAGE_SKELETONS = True
    client = Client()
    client.force_login(learner)
    lesson = course.reading_lesson
    assert "نص للقراءة" in client.get(lesson.url).content.decode()

    lesson.title = "عنوان جديد للدرس"
    lesson.save_revision().publish()

    html = client.get(lesson.url).content.decode()
    assert "عنوان جديد للدرس" in html


@pytest.mark.django_db
def test_a_query_string_gets_a_full_render(settings, course, learner):
    settings.BIDAYA_PAGE_SKELETONS = True
    client = Client()
    client.force_login(learner)
    assert client.get(course.reading_lesson.url + "?t=30").status_code == 200
    assert skeleton.skeletons.data == {}


QUIZ_TOKEN = re.compile(
    r'data-quiz-id="[^"]+">\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
)


@pytest.mark.django_db
def test_a_kept_quiz_carries_each_requests_own_working_token(settings, course, learner):
    """The quiz is rendered once per kind of reader; every page still gets a token of its
    own (a new mask), and that token passes Django's CSRF check for the learner."""
    from learning.progress.enrolment import enrol

    settings.BIDAYA_PAGE_SKELETONS = True
    enrol(learner, course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    tokens = [
        QUIZ_TOKEN.search(client.get(course.quiz_lesson.url).content.decode()).group(1)
        for _ in range(3)
    ]
    assert len(set(tokens)) == 3
    done_url = f"/ar/learn/lessons/{course.reading_lesson.pk}/done/"
    refused = client.post(done_url, {"csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    accepted = client.post(done_url, {"csrfmiddlewaretoken": tokens[0]})
    assert accepted.status_code == 302
