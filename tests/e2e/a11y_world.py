"""The academy the accessibility tests walk through: the demo site and stories, one
course in Arabic and English whose lesson holds a video, a quiz and an assignment, a
mentor with a cohort, a learner with feedback, a badge and a public profile, and a
second learner whose hand-in the mentor has claimed."""

from io import StringIO
from types import SimpleNamespace

from allauth.account.models import EmailAddress

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from cms.models import HomePage, Marketplace
from credentials.models import MarketplaceLink
from learning.progress.enrolment import enrol
from media_processing.models import Video
from media_processing.pipeline import process_video
from mentoring import services
from mentoring.models import MENTORS_GROUP, Cohort
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
from tests.factories.credentials import (
    BadgeAwardFactory,
    BadgeClassFactory,
    LearnerProfileFactory,
)
from tests.factories.notifications import NoticeFactory
from tests.media_processing.helpers import make_video_file
from tests.mentoring.helpers import PASSWORD, RUBRIC, all_levels, hand_in, make_user

PROPOSAL = "مرحبا، أنا مطورة ووردبريس. أعرّب قالبك خلال ثلاثة أيام وأختبره على الهاتف."
SERVICE = "https://khamsat.com/programming/123456-arabize-wordpress-theme"


def seed_site(settings, tmp_path):
    """The demo site, reference data and stories in every language."""
    settings.VAR_DIR = tmp_path  # demo passwords go to a throwaway file
    # Earlier browser tests emptied the tables; content type ids cached before are gone.
    ContentType.objects.clear_cache()
    only = ["editorial", "reference", "site", "stories", "accounts"]
    call_command("seed_demo", *[f"--only={name}" for name in only], stdout=StringIO())


def verified_user(name, groups=()):
    user = make_user(name, groups)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def build_course(clip):
    """Catalogue → course → one lesson with a video, a quiz and an assignment, in Arabic
    with an English translation of each page."""
    video = make_video_file(str(clip), title="كيف تقرأ وصف المشروع")
    process_video(video.pk)
    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.error_detail

    home = HomePage.objects.get(locale__language_code="ar")
    catalogue = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(
        parent=catalogue, title="عرضك الأول على خمسات", slug="first-proposal", track="pitching"
    )
    khamsat = Marketplace.objects.get(slug="khamsat")
    assignment = assignment_block(rubric=RUBRIC)
    assignment["value"]["link_marketplace"] = khamsat.pk
    quiz = quiz_block(
        questions=[
            question(
                "ما أول ما تفعله قبل كتابة العرض؟",
                [("أقرأ وصف المشروع", True), ("أرسل عرضا عاما", False)],
            ),
            question("متى تذكر السعر؟", [("بعد أن أفهم المطلوب", True), ("في أول سطر", False)]),
        ],
        pass_mark=100,
    )
    lesson = LessonPageFactory(
        parent=course,
        title="اقرأ المشروع ثم اكتب عرضك",
        slug="read-the-brief",
        body=[
            text_block("<p>شاهد الفيديو، أجب عن الاختبار، ثم سلّم عرضك.</p>"),
            video_block(video, title="شاهد"),
            quiz,
            assignment,
        ],
    )
    lesson.assignment_id = assignment["id"]
    lesson.quiz_id = quiz["id"]
    translate(catalogue, "en", title="Courses", intro="Learn how to start freelancing")
    translate(course, "en", title="Your first proposal on Khamsat", summary="Write a proposal")
    translate(lesson, "en", title="Read the brief, then write your proposal")
    return SimpleNamespace(catalogue=catalogue, course=course, lesson=lesson, video=video)


def build_people(course, lesson):
    """A mentor and his cohort; Huda (changes requested, a badge, a public profile);
    Salma (handed in, claimed by the mentor)."""
    mentor = verified_user("karim", [MENTORS_GROUP])
    cohort = Cohort.objects.create(course=course, name="الدفعة الأولى", is_open=True)
    cohort.mentors.add(mentor)

    huda = verified_user("huda")
    salma = verified_user("salma")
    for learner in (huda, salma):
        enrol(learner, course)
    first = hand_in(huda, lesson, text=PROPOSAL, link=SERVICE)
    services.claim(first, mentor)
    services.decide(
        first,
        mentor,
        "request_changes",
        levels=all_levels(lesson, level=0),
        feedback="أضيفي السعر وموعد التسليم بدقة.",
    )
    waiting = hand_in(salma, lesson, text=PROPOSAL, link=SERVICE)
    services.claim(waiting, mentor)

    profile = LearnerProfileFactory(
        user=huda, username="huda-writes", display_name_ar="هدى", display_name_latin="Huda"
    )
    profile.is_public = True
    profile.save()
    mostaql = Marketplace.objects.get(slug="mostaql")
    MarketplaceLink.objects.create(
        profile=profile,
        marketplace=mostaql,
        url=mostaql.clean_profile_url(mostaql.profile_url_for("huda_writes")),
    )
    award = BadgeAwardFactory(recipient=huda, badge_class=BadgeClassFactory(course=course))
    NoticeFactory(user=huda)
    return SimpleNamespace(
        mentor=mentor,
        learner=huda,
        waiting=waiting,
        award=award,
        profile=profile,
        password=PASSWORD,
    )
