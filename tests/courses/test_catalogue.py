"""The catalogue and the course page: grouping, filters, durations, people, stories, queries."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import hooks

from courses.models import CoursePage, LessonPage
from tests.cms.conftest import translate
from tests.cms.i18n import ntr, tr
from tests.factories.cms import (
    MarketplaceFactory,
    SpecialisationFactory,
    SuccessStoryIndexPageFactory,
    SuccessStoryPageFactory,
)
from tests.factories.courses import (
    CourseInstructorFactory,
    CoursePageFactory,
    InstructorFactory,
    LessonPageFactory,
    assignment_block,
    quiz_block,
    ready_video,
    text_block,
    video_block,
)

pytestmark = pytest.mark.django_db


def minutes(count):
    return ntr("%(count)s min", "%(count)s min", count, count=count)


def video_length(count):
    return tr("%(length)s of video", length=minutes(count))


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def card_titles(response):
    return [
        course.title for group in response.context["track_groups"] for course in group["courses"]
    ]


@pytest.fixture
def three_tracks(catalogue):
    pitching = CoursePageFactory(parent=catalogue, title="عرضك الأول", track="pitching")
    pricing = CoursePageFactory(
        parent=catalogue, title="تسعير الخدمة", track="pricing", level="intermediate"
    )
    niche = CoursePageFactory(
        parent=catalogue, title="تخصصك", track="specialising", level="advanced", language="en"
    )
    return pitching, pricing, niche


def test_catalogue_groups_courses_by_track_in_track_order(client, catalogue, three_tracks):
    response = get(client, catalogue.url)
    groups = response.context["track_groups"]
    assert [group["track"] for group in groups] == ["pitching", "pricing", "specialising"]
    assert card_titles(response) == ["عرضك الأول", "تسعير الخدمة", "تخصصك"]
    html = response.content.decode()
    assert html.index('id="track-pitching"') < html.index('id="track-pricing"')


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"track": "pricing"}, ["تسعير الخدمة"]),
        ({"level": "advanced"}, ["تخصصك"]),
        ({"language": "ar"}, ["عرضك الأول", "تسعير الخدمة"]),
        ({"language": "en", "track": "specialising"}, ["تخصصك"]),
        ({"language": "en", "track": "pitching"}, []),
        ({"track": ""}, ["عرضك الأول", "تسعير الخدمة", "تخصصك"]),
    ],
)
def test_catalogue_filters(client, catalogue, three_tracks, params, expected):
    response = get(client, catalogue.url, **params)
    assert card_titles(response) == expected
    # The form shows the active filter, so the page can be bookmarked and shared.
    for name, value in params.items():
        if value:
            assert re.search(rf'<option value="{value}" selected>', response.content.decode()), (
                f"{name}={value} not selected"
            )


def test_unknown_filter_values_are_ignored_with_a_message(client, catalogue, three_tracks):
    response = get(client, catalogue.url, track="cooking", level="beginner")
    assert card_titles(response) == ["عرضك الأول"]  # the valid filter still applies
    assert 'role="alert"' in response.content.decode()


def test_unpublished_courses_and_lessons_are_not_listed(client, catalogue):
    course = CoursePageFactory(parent=catalogue, title="منشورة")
    LessonPageFactory(parent=course)
    draft = LessonPageFactory(parent=course)
    draft.unpublish()
    hidden = CoursePageFactory(parent=catalogue, title="مسودة")
    hidden.unpublish()
    response = get(client, catalogue.url)
    assert card_titles(response) == ["منشورة"]
    assert response.context["track_groups"][0]["courses"][0].lesson_count == 1


def test_card_facts_come_from_the_lessons(client, catalogue):
    course = CoursePageFactory(parent=catalogue)
    LessonPageFactory(parent=course, body=[video_block(ready_video(duration=90))])
    LessonPageFactory(
        parent=course,
        body=[video_block(ready_video(duration=330.5)), assignment_block(mentor=True)],
    )
    LessonPageFactory(parent=course, body=[quiz_block()], practice_minutes=15)
    other = CoursePageFactory(parent=catalogue, track="pricing")
    LessonPageFactory(parent=other, body=[assignment_block(mentor=False)])
    response = get(client, catalogue.url)
    first, second = (group["courses"][0] for group in response.context["track_groups"])
    assert (first.lesson_count, first.video_seconds, first.mentor_review) == (3, 420.5, True)
    assert first.practice_minutes == 15
    assert (second.lesson_count, second.video_seconds, second.mentor_review) == (1, 0, False)
    html = response.content.decode()
    assert video_length(7) in html  # 420.5 s
    assert tr("Mentor review included") in html and tr("Self-paced, no mentor review") in html


def test_course_duration_is_the_sum_of_its_lessons_videos(client, catalogue):
    course = CoursePageFactory(parent=catalogue)
    shared = ready_video(duration=600)
    LessonPageFactory(parent=course, title="أول", body=[video_block(ready_video(duration=1800))])
    # The same video twice in one lesson counts once; used in another lesson, again.
    LessonPageFactory(parent=course, title="ثان", body=[video_block(shared), video_block(shared)])
    LessonPageFactory(
        parent=course, title="ثالث", body=[video_block(shared), text_block("<p>ن</p>")]
    )
    LessonPageFactory(parent=course, title="رابع", body=[quiz_block()])
    response = get(client, course.url)
    page = response.context["page"]
    assert page.video_seconds == 3000
    lessons = response.context["lessons"]
    assert [lesson.title for lesson in lessons] == ["أول", "ثان", "ثالث", "رابع"]
    assert [lesson.video_seconds for lesson in lessons] == [1800, 600, 600, None]
    html = response.content.decode()
    assert video_length(50) in html
    assert html.count('class="syllabus__duration"') == 3
    assert minutes(30) in html and minutes(10) in html


def test_duration_follows_a_video_that_finishes_processing_later(client, catalogue):
    from media_processing.models import Video
    from media_processing.signals import video_ready

    video = Video.objects.create(title="قيد المعالجة", file="videos/originals/x/a.mp4")
    course = CoursePageFactory(parent=catalogue)
    LessonPageFactory(parent=course, body=[video_block(video)])
    assert get(client, course.url).context["page"].video_seconds == 0
    # As the pipeline does: one UPDATE, then the signal once committed.
    Video.objects.filter(pk=video.pk).update(status=Video.Status.READY, duration=125)
    video_ready.send(sender=Video, video_id=video.pk)
    assert get(client, course.url).context["page"].video_seconds == 125


def test_editing_a_lesson_updates_its_videos(catalogue):
    lesson = LessonPageFactory(
        parent=CoursePageFactory(parent=catalogue), body=[video_block(ready_video(duration=60))]
    )
    assert list(lesson.video_links.values_list("video__duration", flat=True)) == [60]
    lesson.body = [text_block("<p>بلا فيديو</p>")]
    lesson.save_revision()  # a draft does not change what learners see
    assert lesson.video_links.count() == 1
    lesson.save_revision().publish()
    assert LessonPage.objects.get(pk=lesson.pk).video_links.count() == 0
    assert LessonPage.objects.get(pk=lesson.pk).kinds == ["reading"]


def test_syllabus_follows_the_page_tree_order(client, catalogue):
    course = CoursePageFactory(parent=catalogue)
    first = LessonPageFactory(parent=course, title="أ")
    second = LessonPageFactory(parent=course, title="ب")
    second.move(first, pos="left")
    response = get(client, course.url)
    assert [lesson.title for lesson in response.context["lessons"]] == ["ب", "أ"]
    lesson_response = get(client, LessonPage.objects.get(pk=first.pk).url)
    assert lesson_response.context["lesson_number"] == 2
    assert lesson_response.context["previous_lesson"].title == "ب"
    assert lesson_response.context["next_lesson"] is None


def test_course_page_shows_instructors_in_the_reader_language(client, catalogue, catalogue_en):
    course = CoursePageFactory(parent=catalogue)
    instructor = InstructorFactory(name="عفاف", headline="مطورة مواقع")
    CourseInstructorFactory(course=course, instructor=instructor, role="mentor")
    instructor_en = instructor.copy_for_translation(catalogue_en.locale)
    instructor_en.name, instructor_en.headline = "Afaf", "Web developer"
    instructor_en.save()
    course_en = translate(course, "en", title="Your first proposal")
    html_ar = get(client, course.url).content.decode()
    html_en = get(client, course_en.url).content.decode()
    assert "عفاف" in html_ar and "مطورة مواقع" in html_ar
    assert f'<span class="pill">{tr("Mentor")}</span>' in html_ar
    assert "Afaf" in html_en and "Web developer" in html_en and "عفاف" not in html_en


def test_course_page_suggests_stories_by_specialisation_or_marketplace(client, home, catalogue):
    web = SpecialisationFactory(slug="web")
    voice = SpecialisationFactory(slug="voice-over")
    mostaql = MarketplaceFactory()
    index = SuccessStoryIndexPageFactory(parent=home)
    by_niche = SuccessStoryPageFactory(parent=index, title="قصة التخصص", specialisations=[web])
    by_market = SuccessStoryPageFactory(parent=index, title="قصة السوق", marketplaces=[mostaql])
    SuccessStoryPageFactory(parent=index, title="قصة أخرى", specialisations=[voice])
    course = CoursePageFactory(parent=catalogue)
    course.specialisations.set([web])
    course.marketplaces.set([mostaql])
    course.save_revision().publish()
    response = get(client, course.url)
    assert {story.pk for story in course.related_stories()} == {by_niche.pk, by_market.pk}
    assert "قصة التخصص" in response.content.decode()
    assert "قصة أخرى" not in response.content.decode()


def test_badge_and_progress_hooks_fill_the_cards(client, catalogue, three_tracks):
    pitching = three_tracks[0]
    calls = []

    def badges(courses, request):
        calls.append(len(courses))
        return {pitching.pk: {"name": "أول عرض", "image_url": None, "url": None}}

    def progress(courses, request):
        return {pitching.pk: {"percent": 40, "label": "40%"}}

    with (
        hooks.register_temporarily("course_badges", badges),
        hooks.register_temporarily("course_progress", progress),
    ):
        html = get(client, catalogue.url).content.decode()
    assert calls == [3]  # one call for the whole catalogue
    assert tr("Earns the badge “%(name)s”", name="أول عرض") in html
    assert '<progress max="100" value="40">' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        get(client, url)
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["catalogue", "course"])
def test_queries_do_not_grow_with_lessons(client, catalogue, page):
    """3 lessons or 30: the catalogue and the course page run the same queries."""
    counts = []
    for n, track in ((3, "pitching"), (30, "pricing")):
        course = CoursePageFactory(parent=catalogue, track=track)
        for i in range(n):
            body = [video_block(ready_video(duration=60))] if i % 2 else [quiz_block()]
            if i % 3 == 0:
                body.append(assignment_block())
            LessonPageFactory(parent=course, body=body)
        InstructorFactory.reset_sequence()
        CourseInstructorFactory(course=course)
        url = catalogue.url if page == "catalogue" else course.url
        count_queries(client, url)  # warm caches (site root, renditions)
        counts.append(count_queries(client, url))
        if page == "catalogue":
            # Keep one course per run so the catalogue compares like with like.
            CoursePage.objects.get(pk=course.pk).unpublish()
    assert counts[0] == counts[1], counts


def test_lesson_page_queries_do_not_grow_with_siblings(client, catalogue):
    counts = []
    for n in (3, 30):
        course = CoursePageFactory(parent=catalogue)
        lessons = [LessonPageFactory(parent=course, body=[quiz_block()]) for _ in range(n)]
        url = lessons[1].url
        count_queries(client, url)
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1], counts


def test_site_search_finds_courses_and_lessons_with_arabic_variants(client, catalogue):
    course = CoursePageFactory(
        parent=catalogue, title="تسعير خدمتك الأولى", summary="احسب سعرك بعد العمولة"
    )
    LessonPageFactory(
        parent=course, title="درس الحاسبة", body=[text_block("<p>الأسعار في المغرب بالدرهم</p>")]
    )
    html = get(client, "/ar/search/", q="العموله").content.decode()  # ة typed as ه
    assert "تسعير خدمتك الأولى" in html
    html = get(client, "/ar/search/", q="بالدرهم").content.decode()
    assert "درس الحاسبة" in html
