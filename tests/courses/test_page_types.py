"""Where course pages may live, that they render and preview, and what blocks publishing."""

import json

from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.models import HomePage, StandardPage, SuccessStoryIndexPage, SuccessStoryPage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from tests.cms.conftest import make_site_root
from tests.cms.i18n import ntr, tr
from tests.courses.forms import assignment_value, lesson_form_data, quiz_value
from tests.factories.cms import HomePageFactory, MarketplaceFactory
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    assignment_block,
    calculator_block,
    quiz_block,
    ready_video,
    text_block,
    tip_block,
    video_block,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_catalogue_only_under_home_and_once(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        for parent in (Page, StandardPage, SuccessStoryIndexPage, CoursePage, LessonPage):
            self.assertCanNotCreateAt(parent, CourseIndexPage)
        home = HomePageFactory()
        self.assertTrue(CourseIndexPage.can_create_at(home))
        CourseIndexPageFactory(parent=home)
        self.assertFalse(CourseIndexPage.can_create_at(home))

    def test_course_only_in_the_catalogue(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        for parent in (Page, HomePage, StandardPage, CoursePage, LessonPage):
            self.assertCanNotCreateAt(parent, CoursePage)

    def test_lessons_only_under_a_course(self):
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        for parent in (
            Page,
            HomePage,
            StandardPage,
            SuccessStoryIndexPage,
            SuccessStoryPage,
            CourseIndexPage,
            LessonPage,
        ):
            self.assertCanNotCreateAt(parent, LessonPage)
        self.assertCanCreateAt(CoursePage, LessonPage)


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class PageRenderingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(slug="bidaya")
        make_site_root(cls.home)
        cls.catalogue = CourseIndexPageFactory(parent=cls.home)
        cls.course = CoursePageFactory(parent=cls.catalogue, track="pricing")
        MarketplaceFactory()
        cls.video = ready_video(duration=95)
        cls.lesson = LessonPageFactory(
            parent=cls.course,
            body=[
                text_block("<p>مقدمة الدرس</p>"),
                tip_block(),
                video_block(cls.video),
                quiz_block(),
                assignment_block(),
                calculator_block(),
            ],
        )

    def test_every_page_type_is_routable_and_renderable(self):
        for page in (self.catalogue, self.course, self.lesson):
            with self.subTest(page=type(page).__name__):
                # Routed through the real URLconf, language prefix included.
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["page"].pk, page.pk)
                self.assertPageIsRenderable(page)

    def test_every_page_type_is_previewable(self):
        self.assertPageIsPreviewable(self.catalogue)
        self.assertPageIsPreviewable(
            self.course,
            post_data=nested_form_data(
                {
                    "title": "دورة",
                    "slug": "course",
                    "track": "pricing",
                    "level": "beginner",
                    "language": "ar",
                    "summary": "ملخص",
                    "learning_outcomes": "",
                    "prerequisites": rich_text(""),
                    "cover_image": "",
                    "people-TOTAL_FORMS": "0",
                    "people-INITIAL_FORMS": "0",
                    "people-MIN_NUM_FORMS": "0",
                    "people-MAX_NUM_FORMS": "1000",
                }
            ),
        )
        self.assertPageIsPreviewable(
            self.lesson,
            post_data=lesson_form_data(
                [
                    ("text", rich_text("<p>نص</p>")),
                    ("quiz", quiz_value([("سؤال", "single", [("أ", True), ("ب", False)])])),
                ]
            ),
        )


class PublishingValidationTests(WagtailPageTestCase):
    """The admin refuses to publish a lesson whose quiz or assignment cannot be scored."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(slug="bidaya")
        make_site_root(cls.home)
        cls.course = CoursePageFactory(parent=CourseIndexPageFactory(parent=cls.home))

    def setUp(self):
        self.login()

    def post(self, blocks, publish=True, slug="lesson", **kwargs):
        data = lesson_form_data(blocks, slug=slug, **kwargs)
        if publish:
            data["action-publish"] = "action-publish"
        url = reverse("wagtailadmin_pages:add", args=("courses", "lessonpage", self.course.pk))
        return self.client.post(url, data)

    def assert_refused(self, response, message):
        """`message` in the editor's language (Arabic here), as the StreamField's error data
        carries it: a JSON string inside an HTML attribute."""
        self.assertEqual(response.status_code, 200, "the form should come back with errors")
        self.assertFalse(LessonPage.objects.exists())
        self.assertContains(response, escape(json.dumps(message)))

    def test_quiz_without_a_correct_answer_is_not_published(self):
        response = self.post(
            [("quiz", quiz_value([("سؤال", "single", [("أ", False), ("ب", False)])]))]
        )
        self.assert_refused(response, tr("Mark at least one answer as correct."))

    def test_single_answer_question_with_two_correct_answers_is_not_published(self):
        response = self.post(
            [("quiz", quiz_value([("سؤال", "single", [("أ", True), ("ب", True)])]))]
        )
        singular = (
            "This question accepts one correct answer but %(count)d is marked. "
            "Mark only one, or let learners pick several answers."
        )
        plural = singular.replace("d is marked", "d are marked")
        self.assert_refused(response, ntr(singular, plural, 2, count=2))

    def test_assignment_without_rubric_is_not_published(self):
        response = self.post([("assignment", assignment_value(rubric=False))])
        self.assert_refused(
            response, tr("Add a rubric: at least one criterion with scored levels.")
        )

    def test_a_half_written_quiz_can_be_saved_as_a_draft(self):
        response = self.post(
            [("quiz", quiz_value([("سؤال", "single", [("أ", False), ("ب", False)])]))],
            publish=False,
        )
        self.assertEqual(response.status_code, 302)
        lesson = LessonPage.objects.get()
        self.assertFalse(lesson.live)

    def test_a_complete_lesson_is_published(self):
        response = self.post(
            [
                ("text", rich_text("<p>نص</p>")),
                (
                    "quiz",
                    quiz_value(
                        [
                            ("سؤال", "single", [("أ", True), ("ب", False)]),
                            ("سؤال آخر", "multiple", [("أ", True), ("ب", True), ("ج", False)]),
                        ]
                    ),
                ),
                ("assignment", assignment_value()),
            ],
            hand_in=("text", "link"),
        )
        self.assertEqual(response.status_code, 302)
        lesson = LessonPage.objects.get()
        self.assertTrue(lesson.live)
        self.assertEqual(lesson.kinds, ["quiz", "assignment"])
        self.assertTrue(lesson.has_mentor_review)
        assignment = lesson.body[2].value
        self.assertEqual(assignment["hand_in"], ["text", "link"])


class InstructorAdminTests(WagtailPageTestCase):
    def test_instructors_are_managed_as_snippets(self):
        from courses.models import Instructor
        from tests.factories.courses import InstructorFactory

        self.login()
        person = InstructorFactory(name="سلمى العلوي")
        listing = self.client.get(reverse("wagtailsnippets_courses_instructor:list"))
        self.assertContains(listing, "سلمى العلوي")
        edit = self.client.get(reverse("wagtailsnippets_courses_instructor:edit", args=[person.pk]))
        self.assertEqual(edit.status_code, 200)
        self.assertEqual(Instructor.objects.count(), 1)
