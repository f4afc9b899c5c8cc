"""Every lesson block rendered on a real lesson page, in Arabic and in English."""

import re

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from wagtail.blocks import StreamValue
from wagtail.documents.models import Document

from courses.blocks import AssignmentBlock, LessonBodyBlock, QuizBlock
from courses.blocks.quiz import answer_key
from media_processing.models import Caption, Video
from tests.cms.conftest import translate
from tests.cms.i18n import ntr, tr
from tests.factories.cms import (
    MarketplaceFactory,
    SuccessStoryIndexPageFactory,
    SuccessStoryPageFactory,
)
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    assignment_block,
    calculator_block,
    question,
    quiz_block,
    ready_video,
    resource_block,
    story_quote_block,
    text_block,
    tip_block,
    video_block,
)

pytestmark = pytest.mark.django_db


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def story(home):
    index = SuccessStoryIndexPageFactory(parent=home)
    return SuccessStoryPageFactory(parent=index, slug="afaf", title="عفاف: أول عميل")


@pytest.fixture
def document():
    doc = Document(title="قائمة مراجعة العرض")
    doc.file.save("checklist.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2400), save=False)
    doc.save()
    return doc


@pytest.fixture
def video():
    video = ready_video(duration=150, title="عرضك الأول")
    caption = Caption(video=video, language="ar")
    caption.file.save("ar.vtt", ContentFile(b"WEBVTT\n\n"), save=False)
    caption.save()
    return video


@pytest.fixture
def lesson_pair(catalogue, catalogue_en, story, document, video):
    """An Arabic lesson with every block, and its English translation."""
    mostaql = MarketplaceFactory()
    course = CoursePageFactory(parent=catalogue, track="pricing", title="تسعير خدمتك الأولى")
    lesson = LessonPageFactory(
        parent=course,
        title="السعر ليس كل شيء",
        body=[
            text_block("<p>الجودة والعرض والسمعة تصنع الفرق.</p>"),
            tip_block(text="<p>ابدأ بخدمة صغيرة.</p>", kind="warning", title="انتبه"),
            story_quote_block(story, quote="الصبر هو المفتاح"),
            video_block(video, title="شاهد المثال"),
            quiz_block(),
            assignment_block(),
            resource_block(document),
            calculator_block(marketplaces=[mostaql]),
        ],
    )
    translate(story.get_parent(), "en", title="Success stories")
    story_en = translate(story, "en", title="Afaf: the first client", slug="afaf")
    course_en = translate(course, "en", title="Pricing your first service")
    lesson_en = translate(
        lesson,
        "en",
        title="Price is not everything",
        body=[
            text_block("<p>Quality, presentation and reputation make the difference.</p>"),
            *[
                {
                    "type": block.block_type,
                    "value": block.block.get_prep_value(block.value),
                    "id": block.id,
                }
                for block in lesson.body[1:]
            ],
        ],
    )
    return lesson, lesson_en, course_en, story_en


def test_every_block_renders_in_arabic(client, lesson_pair, video, document):
    lesson = lesson_pair[0]
    html = html_of(client, lesson)
    assert 'lang="ar" dir="rtl"' in html
    assert "الجودة والعرض والسمعة تصنع الفرق." in html  # rich text
    assert 'class="callout callout--warning"' in html and "ابدأ بخدمة صغيرة." in html  # tip
    assert "الصبر هو المفتاح" in html and 'href="/ar/stories/afaf/"' in html  # story quote
    assert f'data-video-id="{video.pk}"' in html and f'data-master-url="{video.master_url}"' in html
    assert '<track kind="captions"' in html and 'srclang="ar"' in html and " default" in html
    assert "اختبر نفسك" in html  # quiz
    assert "اكتب عرضك" in html and "الوضوح" in html  # assignment and its rubric
    assert document.url in html and "قائمة مراجعة العرض" in html  # resource
    assert f"<bdi>{tr('%(size)s KB', size='2')}</bdi>" in html  # its size, Latin digits
    assert "data-pricing-calculator" in html and "Mostaql (15%)" not in html
    assert "مستقل (15%)" in html  # marketplace named in the page language


def test_every_block_renders_in_english(client, lesson_pair, video):
    _lesson, lesson_en, _course_en, _story_en = lesson_pair
    html = html_of(client, lesson_en)
    assert 'lang="en" dir="ltr"' in html
    assert "Quality, presentation and reputation make the difference." in html
    assert 'class="callout callout--warning"' in html
    # The quote links to the English translation of the story.
    assert 'href="/en/stories/afaf/"' in html
    assert f'data-video-id="{video.pk}"' in html
    assert '<track kind="captions"' in html and 'srclang="ar"' in html
    assert " default>" not in html  # Arabic captions are not switched on for English readers
    assert "data-quiz" in html and "data-assignment" in html
    assert "Mostaql (15%)" in html
    assert '"language": "en"' in html


def test_video_block_lists_the_data_cost_of_every_quality(client, lesson_pair):
    html = html_of(client, lesson_pair[0])
    size = re.escape(tr("~%(mb)s MB")).replace(re.escape("%(mb)s"), r"([\d.,]+)")
    sizes = re.findall(rf"<li[^>]*><span><bdi>([^<]+)</bdi></span> <bdi>{size}</bdi>", html)
    assert sizes == [("240p", "1.5"), ("360p", "3.2"), (tr("Data saver (sound only)"), "0.4")]
    assert tr("Download for offline viewing (MP4, %(size)s MB)", size="1.5") in html
    # 150 s: half a minute rounds up.
    assert (
        tr("Length: %(length)s", length=ntr("%(count)s min", "%(count)s min", 3, count=3)) in html
    )


def test_video_that_is_still_processing_shows_a_notice(client, catalogue):
    video = Video.objects.create(title="قيد المعالجة", file="videos/originals/x/a.mp4")
    lesson = LessonPageFactory(
        parent=CoursePageFactory(parent=catalogue), body=[video_block(video)]
    )
    html = html_of(client, lesson)
    assert "<video" not in html
    assert tr("This video is still being prepared. Please come back in a few minutes.") in html


class TestQuizAnswersStayOnTheServer:
    def test_correct_answers_and_explanations_are_not_in_the_html(self, client, catalogue):
        body = [
            quiz_block(
                [
                    question(
                        "ما الذي يميز عرضك؟",
                        [("الفهم العميق لحاجة العميل", True), ("السعر الأقل دائما", False)],
                        explanation="العميل يبحث عمن فهم مشروعه",
                    ),
                    question(
                        "ما الذي يبني سمعتك؟",
                        [("الصدق", True), ("الالتزام بالموعد", True), ("الوعود الكبيرة", False)],
                        kind="multiple",
                        explanation="الصدق والمواعيد معا",
                    ),
                ]
            )
        ]
        lesson = LessonPageFactory(parent=CoursePageFactory(parent=catalogue), body=body)
        html = html_of(client, lesson)
        key = answer_key(lesson.body[0].value)
        for question_id, entry in key.items():
            assert f'data-question-id="{question_id}"' in html
            for choice_id in entry["choices"]:
                assert f'value="{choice_id}"' in html
            assert entry["explanation"] not in html
        quiz_html = re.search(r'<section class="quiz".*?</section>', html, re.DOTALL).group(0)
        assert re.search(r"correct", quiz_html, re.IGNORECASE) is None
        assert re.search(r'data-correct|"correct":', html) is None
        assert 'type="checkbox"' in html and 'type="radio"' in html
        # Nothing in the markup tells right from wrong: both kinds of choice look alike.
        right = re.search(r'<input[^>]*value="([^"]+)"[^>]*>\s*<span>الصدق</span>', html)
        wrong = re.search(r'<input[^>]*value="([^"]+)"[^>]*>\s*<span>الوعود الكبيرة</span>', html)
        assert right.group(0).replace(right.group(1), "X").replace("الصدق", "T") == wrong.group(
            0
        ).replace(wrong.group(1), "X").replace("الوعود الكبيرة", "T")

    def test_api_representation_has_no_answers(self, catalogue):
        lesson = LessonPageFactory(parent=CoursePageFactory(parent=catalogue), body=[quiz_block()])
        block = lesson.body[0]
        data = block.block.get_api_representation(block.value)
        for entry in data["questions"]:
            assert "explanation" not in entry
            for choice in entry["choices"]:
                assert set(choice) == {"id", "text"}  # no "correct" flag
        assert data["questions"][0]["choices"][0]["id"] == str(
            lesson.body[0].value["questions"].bound_blocks[0].value["choices"].bound_blocks[0].id
        )

    def test_anonymous_visitors_see_a_disabled_form_and_a_login_link(self, client, catalogue):
        lesson = LessonPageFactory(parent=CoursePageFactory(parent=catalogue), body=[quiz_block()])
        html = html_of(client, lesson)
        assert '<fieldset class="quiz__body" disabled>' in html
        assert f'href="/ar/accounts/login/?next={lesson.url}"' in html

    def test_ids_are_stable_across_saves(self, catalogue):
        lesson = LessonPageFactory(parent=CoursePageFactory(parent=catalogue), body=[quiz_block()])
        before = answer_key(lesson.body[0].value)
        lesson.save_revision().publish()
        lesson = type(lesson).objects.get(pk=lesson.pk)
        assert answer_key(lesson.body[0].value) == before
        assert lesson.get_quiz(lesson.body[0].id) is not None
        assert lesson.get_quiz("not-a-block") is None


class TestQuizValidation:
    def clean(self, questions, deferred=False):
        block = QuizBlock()
        value = block.to_python(quiz_block(questions)["value"])
        with translation.override("en"):
            # Child block instances are shared between blocks: clean_deferred restores them.
            return block.clean_deferred(value) if deferred else block.clean(value)

    def messages(self, error):
        return english_messages(error)

    def test_a_question_needs_a_correct_answer(self):
        with pytest.raises(ValidationError) as error:
            self.clean([question("س", [("أ", False), ("ب", False)])])
        assert "Mark at least one answer as correct." in self.messages(error.value)

    def test_a_single_answer_question_accepts_one_correct_answer(self):
        with pytest.raises(ValidationError) as error:
            self.clean([question("س", [("أ", True), ("ب", True), ("ج", False)])])
        assert "accepts one correct answer but 2 are marked" in self.messages(error.value)

    def test_a_multiple_answer_question_accepts_several(self):
        value = self.clean([question("س", [("أ", True), ("ب", True)], kind="multiple")])
        assert len(value["questions"]) == 1

    def test_a_question_needs_two_choices(self):
        with pytest.raises(ValidationError) as error:
            self.clean([question("س", [("أ", True)])])
        assert "The minimum number of items is 2" in self.messages(error.value)

    def test_drafts_may_be_unfinished(self):
        value = self.clean([question("س", [("أ", False), ("ب", False)])], deferred=True)
        assert len(value["questions"]) == 1


class TestAssignmentValidation:
    def clean(self, **kwargs):
        block = AssignmentBlock()
        with translation.override("en"):
            return block.clean(block.to_python(assignment_block(**kwargs)["value"]))

    def test_rubric_is_required(self):
        with pytest.raises(ValidationError) as error:
            self.clean(rubric=[])
        assert "Add a rubric" in english_messages(error.value)

    def test_rubric_must_be_worth_points(self):
        from tests.factories.courses import _item

        rubric = [
            _item(
                {
                    "criterion": "الوضوح",
                    "description": "",
                    "levels": [_item({"label": "أ", "description": "", "points": 0})],
                }
            )
        ]
        with pytest.raises(ValidationError) as error:
            self.clean(rubric=rubric)
        assert "At least one level must be worth some points." in english_messages(error.value)

    def test_a_hand_in_type_is_required(self):
        with pytest.raises(ValidationError) as error:
            self.clean(hand_in=())
        assert "Choose what the learner hands in." in english_messages(error.value)

    def test_a_complete_assignment_is_valid(self):
        value = self.clean()
        assert value["rubric"][0]["criterion"] == "الوضوح"


def test_lesson_body_validation_reports_the_block(catalogue):
    """The StreamBlock surfaces the quiz error the editor sees next to the block."""
    block = LessonBodyBlock()
    value = block.to_python(
        [text_block("<p>نص</p>"), quiz_block([question("س", [("أ", False), ("ب", False)])])]
    )
    assert isinstance(value, StreamValue)
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert 1 in error.value.block_errors and 0 not in error.value.block_errors


def english_messages(error):
    """The messages are lazy: they take the language active when they are read."""
    with translation.override("en"):
        return " ".join(str(m) for m in _flatten(error))


def _flatten(error):
    """Every message in a nested block ValidationError."""
    for attr in ("block_errors",):
        children = getattr(error, attr, None)
        if children:
            for child in children.values():
                yield from _flatten(child)
    non_block = getattr(error, "non_block_errors", None)
    if non_block:
        for item in non_block.as_data():
            yield from item.messages
    if not getattr(error, "block_errors", None) and not non_block:
        yield from error.messages
