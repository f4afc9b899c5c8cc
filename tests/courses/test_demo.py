"""`seed_demo` builds the demo courses for real: pages, transcoded videos, translations."""

import io
import shutil

import pytest

from django.core.management import call_command
from django.urls import reverse

from courses.blocks.quiz import answer_key
from courses.models import CourseIndexPage, CoursePage, Instructor, LessonPage
from media_processing.models import Video

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def seeded(settings, tmp_path):
    missing = [tool for tool in ("ffmpeg", "ffprobe", "espeak-ng") if not shutil.which(tool)]
    if missing:
        pytest.skip(f"the demo videos need {', '.join(missing)}")
    settings.VAR_DIR = tmp_path / "var"
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_demo_courses(seeded, client, admin_client):
    """One test, because seeding renders and transcodes three videos."""
    assert "3 videos" in seeded
    catalogues = {page.locale.language_code: page for page in CourseIndexPage.objects.live()}
    assert set(catalogues) == {"ar", "en", "fr"}
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
    # /fr/courses/ lists every demo course, in French.
    french = client.get("/fr/courses/").content.decode()
    for title in ("Votre première offre sur Mostaql", "Trouvez votre spécialité"):
        assert title in french
    # Videos went through the real pipeline, with captions in every language.
    videos = Video.objects.all()
    assert len(videos) == 3
    for video in videos:
        assert video.is_ready and 15 < video.duration < 45
        assert video.renditions.filter(kind="audio").exists()
        assert set(video.captions.values_list("language", flat=True)) == {"ar", "en", "fr"}
    # A translated quiz keeps the ids of the original, so attempts match across languages.
    quiz_lessons = [lesson for lesson in LessonPage.objects.all() if "quiz" in lesson.kinds]
    by_key = {}
    for lesson in quiz_lessons:
        quiz = next(block for block in lesson.body if block.block_type == "quiz")
        by_key.setdefault(lesson.translation_key, []).append(set(answer_key(quiz.value)))
    assert all(len(ids) == 3 and ids[0] == ids[1] == ids[2] for ids in by_key.values())
    assert Instructor.objects.filter(user__username="mentor").exists()

    check_demo_people(client)

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


def check_demo_people(client):
    """Badges, cohorts and the demo learner mid-way, as the seed made them."""
    from django.contrib.auth.models import User

    from credentials.image import render_png
    from credentials.models import BadgeAward, BadgeClass, BadgeRule
    from learning.models import LessonProgress
    from mentoring.models import Cohort, Submission
    from mentoring.states import State

    badges = BadgeClass.objects.active()
    assert sorted(b.rule for b in badges) == sorted(
        [BadgeRule.COURSE] * 3 + [BadgeRule.TRACK] * 3 + [BadgeRule.ASSIGNMENT, BadgeRule.MANUAL]
    )
    for badge in badges:
        assert all(
            badge.texts(field)[code]
            for field in ("name", "description", "criteria")
            for code in ("ar", "en", "fr")
        )
        assert badge.name_fr and badge.criteria_fr
        assert render_png(badge.design())[:8] == b"\x89PNG\r\n\x1a\n"  # its image
    courses = CoursePage.objects.filter(locale__language_code="ar")
    assert {b.course_key for b in badges if b.rule == BadgeRule.COURSE} == {
        c.translation_key for c in courses
    }

    mentor, learner = User.objects.get(username="mentor"), User.objects.get(username="learner")
    for course in courses:
        cohort = Cohort.objects.get(course_key=course.translation_key)
        assert list(cohort.mentors.all()) == [mentor]

    waiting = Submission.objects.get(learner=learner, state=State.SUBMITTED)
    assert waiting.cohort.mentors.filter(pk=mentor.pk).exists()
    approved = Submission.objects.get(learner=learner, state=State.APPROVED)
    award = BadgeAward.objects.get(recipient=learner)
    assert award.badge_class.rule == BadgeRule.ASSIGNMENT
    assert award.badge_class.lesson_key == approved.lesson_key
    assert LessonProgress.objects.filter(user=learner, done_at__isnull=False).count() == 4
    profile = learner.learner_profile
    assert profile.is_public
    assert {link.marketplace.slug for link in profile.links.all()} == {"khamsat", "mostaql"}

    client.force_login(mentor)
    queue = client.get("/ar/mentor/").content.decode()
    assert waiting.assignment_title in queue
    client.logout()

    # At least one assignment takes a file.
    assert any(
        "file" in block.value["hand_in"]
        for lesson in LessonPage.objects.all()
        for block in lesson.body
        if block.block_type == "assignment"
    )
