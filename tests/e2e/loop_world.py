"""The academy the whole-loop journey walks through: the demo site and accounts as
``seed_demo`` makes them, one course in Arabic, English and French with the demo
course's translation key (so the demo's cohort seeder gives it a cohort with the demo
mentor), one lesson holding a real transcoded clip, a quiz and an assignment a mentor
approves, and the badge for that approved assignment."""

import shutil
import subprocess
from io import StringIO
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from cms.demo.site import demo_key
from cms.models import HomePage
from credentials.models import BadgeClass, BadgeRule, DesignTrack
from media_processing.models import Video
from media_processing.pipeline import process_video
from mentoring.models import MENTORS_GROUP, Cohort
from tests import services
from tests.cms.conftest import translate
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    assignment_block,
    question,
    quiz_block,
    text_block,
    video_block,
)
from tests.media_processing.helpers import make_video_file
from tests.mentoring.helpers import PASSWORD, RUBRIC

CLIP_SECONDS = 6


def make_clip(folder):
    """A short moving test pattern with a tone, 640×360, as in test_learning's clip."""
    if shutil.which("ffmpeg") is None:
        services.missing("ffmpeg", "Debian's ffmpeg package is not installed")
    path = folder / "loop clip.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={CLIP_SECONDS}",
            "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={CLIP_SECONDS}",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "96k", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip
    video = make_video_file(str(path), title="كيف تقرأ وصف المشروع")
    process_video(video.pk)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_detail
    return video


def seed_demo_site(settings, tmp_path):
    """The demo's home pages in every language and its accounts (the demo mentor)."""
    # A transactional test elsewhere in the session may have flushed what migrations made.
    ContentType.objects.clear_cache()
    Group.objects.get_or_create(name=MENTORS_GROUP)
    settings.VAR_DIR = tmp_path  # the demo passwords go to a throwaway file
    only = ["editorial", "site", "accounts"]
    call_command("seed_demo", *[f"--only={name}" for name in only], stdout=StringIO())
    mentor = get_user_model().objects.get(username="mentor")
    mentor.set_password(PASSWORD)
    mentor.save()
    return mentor


def build_course(video):
    home = HomePage.objects.get(locale__language_code="ar")
    catalogue = CourseIndexPageFactory(parent=home, slug="courses")
    course = CoursePageFactory(
        parent=catalogue,
        title="عرضك الأول على مستقل",
        slug="first-proposal",
        track="pitching",
        translation_key=demo_key("course:first-proposal"),
    )
    quiz = quiz_block(
        questions=[
            question(
                "ما أول ما تفعله قبل كتابة العرض؟",
                [("أقرأ وصف المشروع", True), ("أرسل عرضا عاما", False)],
            ),
        ],
        pass_mark=100,
    )
    assignment = assignment_block(rubric=RUBRIC, hand_in=["text"])
    assignment["value"]["title"] = "اكتب عرضك الأول"
    watch = video_block(video, title="شاهد")
    lesson = LessonPageFactory(
        parent=course,
        title="اقرأ المشروع ثم اكتب عرضك",
        slug="read-the-brief",
        body=[
            text_block("<p>شاهد الفيديو، أجب عن الاختبار، ثم سلّم عرضك.</p>"),
            watch,
            quiz,
            assignment,
        ],
    )
    pages = SimpleNamespace(
        course=course, lesson=lesson, video_id=watch["id"], assignment_id=assignment["id"]
    )
    for code, catalogue_title, course_title, lesson_title in [
        ("en", "Courses", "Your first proposal on Mostaql", "Read the brief, then write"),
        ("fr", "Cours", "Votre première offre sur Mostaql", "Lisez le projet, puis écrivez"),
    ]:
        translate(catalogue, code, title=catalogue_title)
        setattr(pages, f"course_{code}", translate(course, code, title=course_title))
        setattr(pages, f"lesson_{code}", translate(lesson, code, title=lesson_title))
    return pages


def seed_cohort(settings, tmp_path):
    """The demo's own cohort seeder: a cohort for the course, mentored by the demo mentor."""
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", "--only=cohorts", stdout=StringIO())
    return Cohort.objects.get()


def assignment_badge(pages):
    """A badge for the approved assignment, defined as the demo defines its own."""
    badge = BadgeClass(
        rule=BadgeRule.ASSIGNMENT,
        design_track=DesignTrack.PITCHING,
        icon="speech",
        image_name_ar="عرض مقبول",
        image_name_latin="Proposal approved",
        lesson=pages.lesson,
        name_ar="عرض أول مقبول",
        name_en="First proposal approved",
        name_fr="Première offre approuvée",
        description_ar="كتب عرضًا لمشروع حقيقي ووافق عليه مرشد من بداية.",
        description_en="Wrote a proposal for a real project, approved by a Bidaya mentor.",
        description_fr="A rédigé une offre pour un vrai projet, approuvée par un mentor.",
        criteria_ar="أن يوافق مرشد على واجب «اكتب عرضك الأول».",
        criteria_en="A mentor approves the assignment “Write your first proposal”.",
        criteria_fr="Un mentor approuve le devoir « Rédigez votre première offre ».",
    )
    badge.full_clean()  # picks the lesson's one assignment, as the admin does
    badge.save()
    assert badge.assignment_id == pages.assignment_id
    return badge
