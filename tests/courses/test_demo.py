"""`seed_demo` builds the demo courses for real: pages, transcoded videos, translations."""

import io
import shutil

import pytest

from django.core.management import call_command
from django.urls import reverse

from courses.blocks.quiz import answer_key
from courses.models import CourseIndexPage, CoursePage, Instructor, LessonPage
from media_processing.models import Video
from tests import services

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def seeded(settings, tmp_path):
    missing = [tool for tool in ("ffmpeg", "ffprobe", "espeak-ng") if not shutil.which(tool)]
    if missing:
        services.missing("ffmpeg", f"the demo videos need {', '.join(missing)}")
    settings.VAR_DIR = tmp_path / "var"
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_demo_courses(seeded, client, admin_client):
    """One test, because seeding renders and transcodes three videos."""
    assert "3 videos" in seeded
    catalogues = {page.locale.language_code: page for page in CourseIndexPage.objects.live()}
    assert set(catalogues) == {"ar", "en"}
    for code, catalogue in catalogues.items():
        courses = CoursePage.objects.live().child_of(catalogue)
        assert sorted(course.track for course in courses) == ["pitching", "pricing", "specialising"]
        for course in courses:
            lessons = list(LessonPage.objects.live().child_of(course))
            assert len(lessons) >= 3, course.title
            kinds = {kind for lesson in lessons for kind in lesson.kinds}
            assert {"video", "quiz", "assignment"} <= kinds, (code, course.title, kinds)
            if course.track == "pricing":
                assert "calculator" in kinds
            for lesson in lessons:
                for block in lesson.body:
                    block.block.clean(block.value)  # publishable: quizzes and rubrics valid
            response = client.get(course.url)
            assert response.status_code == 200
            assert response.context["page"].video_seconds > 15
            assert all(
                lesson.video_seconds
                for lesson in response.context["lessons"]
                if "video" in lesson.kinds
            )
    # Home pages link their tracks to the catalogue of their language.
    for catalogue in catalogues.values():
        home = catalogue.get_parent().specific
        assert home.catalogue_page_id == catalogue.pk
    # Videos went through the real pipeline, with captions in both languages.
    videos = Video.objects.all()
    assert len(videos) == 3
    for video in videos:
        assert video.is_ready and 15 < video.duration < 45
        assert video.renditions.filter(kind="audio").exists()
        assert set(video.captions.values_list("language", flat=True)) == {"ar", "en"}
    # A translated quiz keeps the ids of the original, so attempts match across languages.
    quiz_lessons = [lesson for lesson in LessonPage.objects.all() if "quiz" in lesson.kinds]
    by_key = {}
    for lesson in quiz_lessons:
        quiz = next(block for block in lesson.body if block.block_type == "quiz")
        by_key.setdefault(lesson.translation_key, []).append(set(answer_key(quiz.value)))
    assert all(len(ids) == 2 and ids[0] == ids[1] for ids in by_key.values())
    assert Instructor.objects.filter(user__username="mentor").exists()

    # Seeding again finds everything and renders no video.
    pages, video_count = LessonPage.objects.count(), Video.objects.count()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "nothing to do" in out.getvalue()
    assert (LessonPage.objects.count(), Video.objects.count()) == (pages, video_count)

    # Editors can open a demo lesson with every kind of block in the admin.
    lesson = next(lesson for lesson in LessonPage.objects.all() if "calculator" in lesson.kinds)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert response.status_code == 200
    assert b"calculator" in response.content
