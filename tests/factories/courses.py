"""Factories for the courses app.

`LessonPageFactory()` alone builds home → catalogue → course → lesson. Lesson bodies are
written with the block helpers below (`quiz_block`, `assignment_block`, …) in the raw
StreamField form, so tests say what a lesson contains in one line.
"""

import uuid

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from courses.models import CourseIndexPage, CourseInstructor, CoursePage, Instructor, LessonPage
from media_processing.models import Rendition, Video
from tests.factories.cms import HomePageFactory, locale


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "الدورات"
    slug = "courses"
    intro = "تعلم كيف تبدأ العمل الحر"
    locale = factory.SelfAttribute("parent.locale")
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"دورة رقم {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    track = "pitching"
    level = "beginner"
    language = "ar"
    summary = "كيف تكتب عرضا يقنع أول عميل"
    learning_outcomes = "تكتب عرضا واضحا\nتفهم ما يريده العميل"
    locale = factory.SelfAttribute("parent.locale")
    parent = factory.SubFactory(CourseIndexPageFactory)

    class Meta:
        model = CoursePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"درس رقم {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    summary = "ملخص الدرس"
    body = factory.LazyFunction(lambda: [text_block("<p>نص الدرس</p>")])
    locale = factory.SelfAttribute("parent.locale")
    parent = factory.SubFactory(CoursePageFactory)

    class Meta:
        model = LessonPage


class InstructorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"مدرب {n}")
    headline = "مطور مواقع على مستقل"
    bio = "يعمل مستقلا منذ سنوات"
    locale = factory.LazyFunction(lambda: locale("ar"))

    class Meta:
        model = Instructor


class CourseInstructorFactory(DjangoModelFactory):
    course = factory.SubFactory(CoursePageFactory)
    instructor = factory.SubFactory(InstructorFactory)
    role = "instructor"

    class Meta:
        model = CourseInstructor


def ready_video(
    duration=120.0,
    title="فيديو",
    sizes=(("240p", 1_500_000), ("360p", 3_200_000)),
    sound_in_rungs=False,
):
    """A transcoded video row with renditions, as the pipeline leaves it (no files).

    By default an older ladder whose sound is a separate playlist."""
    prefix = f"videos/hls/{uuid.uuid4().hex}"
    video = Video.objects.create(
        title=title,
        file=f"videos/originals/{uuid.uuid4().hex}/demo.mp4",
        status=Video.Status.READY,
        duration=duration,
        width=1280,
        height=720,
        has_audio=True,
        has_video=True,
        sound_in_rungs=sound_in_rungs,
        hls_prefix=prefix,
        poster=f"{prefix}/poster.jpg",
        download_mp4=f"{prefix}/download.mp4",
    )
    for index, (name, size) in enumerate(sizes):
        Rendition.objects.create(
            video=video,
            name=name,
            kind=Rendition.Kind.VIDEO,
            height=int(name.rstrip("p")),
            width=int(name.rstrip("p")) * 16 // 9,
            bandwidth=300_000 * (index + 1),
            bytes=size,
            playlist_path=f"{prefix}/{name}/index.m3u8",
        )
    Rendition.objects.create(
        video=video,
        name="audio",
        kind=Rendition.Kind.AUDIO,
        bandwidth=64_000,
        bytes=400_000,
        playlist_path=f"{prefix}/audio/index.m3u8",
    )
    return video


# Raw StreamField values ------------------------------------------------------------


def _id():
    return str(uuid.uuid4())


def _item(value):
    return {"type": "item", "value": value, "id": _id()}


def text_block(html):
    return {"type": "text", "value": html, "id": _id()}


def tip_block(text="<p>اقرأ الوصف مرتين</p>", kind="tip", title="نصيحة"):
    return {"type": "tip", "value": {"kind": kind, "title": title, "text": text}, "id": _id()}


def video_block(video, title="شاهد"):
    return {
        "type": "video",
        "value": {"video": video.pk, "title": title, "note": ""},
        "id": _id(),
    }


def question(text, choices, kind="single", explanation="لأن هذا هو الصواب"):
    """`choices` is [(text, correct), …]."""
    return _item(
        {
            "question": text,
            "kind": kind,
            "choices": [_item({"text": t, "correct": c}) for t, c in choices],
            "explanation": explanation,
        }
    )


def quiz_block(questions=None, title="اختبر نفسك", pass_mark=70):
    questions = questions or [
        question("ما أول ما تفعله؟", [("أقرأ وصف المشروع", True), ("أرسل عرضا عاما", False)])
    ]
    return {
        "type": "quiz",
        "value": {
            "title": title,
            "intro": "",
            "questions": questions,
            "pass_mark": pass_mark,
            "max_attempts": 3,
            "retry_wait_minutes": 10,
        },
        "id": _id(),
    }


def assignment_block(mentor=True, rubric=None, hand_in=("text", "link")):
    if rubric is None:
        rubric = [
            _item(
                {
                    "criterion": "الوضوح",
                    "description": "هل العرض واضح؟",
                    "levels": [
                        _item({"label": "ضعيف", "description": "", "points": 0}),
                        _item({"label": "ممتاز", "description": "", "points": 5}),
                    ],
                }
            )
        ]
    return {
        "type": "assignment",
        "value": {
            "title": "اكتب عرضك",
            "prompt": "<p>اكتب عرضا لمشروع حقيقي</p>",
            "hand_in": list(hand_in),
            "link_marketplace": None,
            "link_hint": "رابط عرضك على مستقل",
            "rubric": rubric,
            "example_answer": "<p>مثال جيد</p>",
            "mentor_approval_required": mentor,
        },
        "id": _id(),
    }


def calculator_block(currency="MAD", marketplaces=()):
    return {
        "type": "calculator",
        "value": {
            "title": "احسب سعرك",
            "intro": "",
            "currency": currency,
            "target_income": "6000",
            "monthly_expenses": "500",
            "billable_hours": "80",
            "hours_per_service": "4",
            "marketplaces": [_item(m.pk) for m in marketplaces],
        },
        "id": _id(),
    }


def story_quote_block(story, quote="البداية صعبة دائما"):
    return {
        "type": "story_quote",
        "value": {"story": story.pk, "quote": quote, "attribution": ""},
        "id": _id(),
    }


def resource_block(document, title=""):
    return {
        "type": "resource",
        "value": {"document": document.pk, "title": title, "description": "قائمة مراجعة"},
        "id": _id(),
    }
