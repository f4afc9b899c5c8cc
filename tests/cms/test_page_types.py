"""Where each page type may live, and that each one routes, renders and previews."""

import re
from datetime import date

from django.test import override_settings

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import HomePage, StandardPage, SuccessStoryIndexPage, SuccessStoryPage
from tests.cms.conftest import make_site_root
from tests.factories.cms import (
    CountryFactory,
    HomePageFactory,
    MarketplaceFactory,
    SpecialisationFactory,
    StandardPageFactory,
    SuccessStoryIndexPageFactory,
    SuccessStoryPageFactory,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_only_directly_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        for parent in (HomePage, StandardPage, SuccessStoryIndexPage, SuccessStoryPage):
            self.assertCanNotCreateAt(parent, HomePage)
        root = Page.get_first_root_node()
        welcome = root.get_children().exact_type(Page).first()  # Wagtail's plain page
        self.assertTrue(HomePage.can_create_at(root))
        self.assertFalse(HomePage.can_create_at(welcome))

    def test_story_index_only_under_home_and_once(self):
        self.assertAllowedParentPageTypes(SuccessStoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SuccessStoryIndexPage, {SuccessStoryPage})
        self.assertCanCreateAt(HomePage, SuccessStoryIndexPage)
        self.assertCanNotCreateAt(StandardPage, SuccessStoryIndexPage)
        self.assertCanNotCreateAt(Page, SuccessStoryIndexPage)
        home = HomePageFactory()
        self.assertTrue(SuccessStoryIndexPage.can_create_at(home))
        SuccessStoryIndexPageFactory(parent=home)
        self.assertFalse(SuccessStoryIndexPage.can_create_at(home))

    def test_story_only_under_story_index(self):
        self.assertAllowedParentPageTypes(SuccessStoryPage, {SuccessStoryIndexPage})
        self.assertAllowedSubpageTypes(SuccessStoryPage, set())
        for parent in (Page, HomePage, StandardPage, SuccessStoryPage):
            self.assertCanNotCreateAt(parent, SuccessStoryPage)

    def test_standard_page_under_home_or_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(SuccessStoryIndexPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class PageRenderingTests(WagtailPageTestCase):
    def assertPageIsRoutable(self, page, route_path="/", msg=None):
        """Wagtail's check, minus the language prefix.

        The helper routes `page.get_url()` from the site root, but with i18n_patterns
        that URL starts with "/ar/", which Django's resolver strips before Wagtail
        ever routes; the helper does not know that.
        """
        prefix = f"/{page.locale.language_code}/"
        url = page.get_url(self.dummy_request)
        self.assertTrue(url.startswith(prefix), url)
        page.get_url = lambda *args, **kwargs: url[len(prefix) - 1 :]
        try:
            super().assertPageIsRoutable(page, route_path, msg)
        finally:
            del page.get_url

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(
            slug="bidaya",
            title="بداية",
            intro="أكاديمية عربية للعمل الحر",
            tracks=[
                {
                    "type": "track",
                    "value": {
                        "track": "pitching",
                        "title": "إقناع العميل الأول",
                        "text": "اكتب عرضًا مختلفًا",
                        "page": None,
                    },
                },
                {
                    "type": "track",
                    "value": {
                        "track": "pricing",
                        "title": "التسعير",
                        "text": "السعر ليس كل شيء",
                        "page": None,
                    },
                },
            ],
        )
        make_site_root(cls.home)
        cls.about = StandardPageFactory(
            parent=cls.home,
            slug="about",
            title="عن بداية",
            body=[
                {"type": "paragraph", "value": "<p>بداية أكاديمية على الإنترنت.</p>"},
                {
                    "type": "faq",
                    "value": {"question": "هل الدورات مجانية؟", "answer": "<p>نعم.</p>"},
                },
            ],
        )
        cls.index = SuccessStoryIndexPageFactory(parent=cls.home, title="قصص نجاح")
        cls.mostaql = MarketplaceFactory()
        cls.web = SpecialisationFactory(slug="web-development", name_ar="تطوير المواقع")
        cls.morocco = CountryFactory(code="MA", name_ar="المغرب", name_en="Morocco")
        cls.story = SuccessStoryPageFactory(
            parent=cls.index,
            slug="afaf",
            title="عفاف النور: أول أرباح خلال شهر",
            person_name="عفاف النور",
            age=25,
            city="مراكش",
            country=cls.morocco,
            months_to_first_earnings=1,
            intro="مطوّرة مواقع من مراكش",
            pull_quote="أصعب ما في البداية إقناع أول عميل.",
            figures=[{"type": "figure", "value": {"value": "25%", "label": "من الدخل الشهري"}}],
            body=[
                {"type": "paragraph", "value": "<p>درست عفاف التصميم.</p>"},
                {
                    "type": "interview",
                    "value": {"question": "ما أصعب ما واجهته؟", "answer": "<p>إقناع أول عميل.</p>"},
                },
                {"type": "quote", "value": {"text": "الصبر هو المفتاح", "attribution": "عفاف"}},
                {"type": "figure", "value": {"value": "2011", "label": "سنة التخرج"}},
            ],
            marketplaces=[cls.mostaql],
            specialisations=[cls.web],
        )
        cls.pages = [cls.home, cls.about, cls.index, cls.story]

    def test_every_page_type_is_routable_and_renderable(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
        for route in ("feed/rss/", "feed/atom/"):
            self.assertPageIsRoutable(self.index, route)
            self.assertPageIsRenderable(self.index, route)

    def test_every_page_type_is_previewable(self):
        # StreamFields are drawn by JavaScript in the editor, so their form data
        # cannot be scraped from the edit view's HTML; it is spelled out here.
        post_data = {
            self.home: nested_form_data(
                {
                    "title": "بداية",
                    "slug": "bidaya",
                    "intro": "مقدمة",
                    "body": rich_text("<p>ما هي بداية</p>"),
                    "featured_stories": inline_formset([{"story": self.story.pk}]),
                    "tracks": streamfield(
                        [
                            (
                                "track",
                                {"track": "pricing", "title": "التسعير", "text": "نص", "page": ""},
                            )
                        ]
                    ),
                }
            ),
            self.about: nested_form_data(
                {
                    "title": "عن بداية",
                    "slug": "about",
                    "body": streamfield([("paragraph", rich_text("<p>نص</p>"))]),
                }
            ),
            self.index: None,  # no StreamField: scraped from the edit view
            self.story: nested_form_data(
                {
                    "title": "قصة",
                    "slug": "afaf",
                    "person_name": "عفاف",
                    "intro": "مقدمة",
                    "figures": streamfield([("figure", {"value": "1", "label": "شهر"})]),
                    "body": streamfield([("quote", {"text": "اقتباس", "attribution": ""})]),
                }
            ),
        }
        for page, data in post_data.items():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsPreviewable(page, post_data=data)

    def get(self, page, **params):
        response = self.client.get(page.get_url(self.dummy_request), params)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_home_page_content(self):
        html = self.get(self.home)
        self.assertIn("<h1>بداية</h1>", html)
        self.assertIn("أكاديمية عربية للعمل الحر", html)
        self.assertIn("track--pitching", html)
        self.assertIn("إقناع العميل الأول", html)
        self.assertIn('href="/ar/accounts/signup/"', html)
        self.assertIn(self.story.title, html)  # latest story stands in for picks
        self.assertIn('type="application/rss+xml"', html)

    def test_standard_page_content(self):
        html = self.get(self.about)
        self.assertIn("<h1>عن بداية</h1>", html)
        self.assertIn("بداية أكاديمية على الإنترنت.", html)
        self.assertIn("<summary>هل الدورات مجانية؟</summary>", html)

    def test_story_page_headings_keep_their_order(self):
        # A heading one level below the one before it at most: the interview's
        # questions sit under the page's h1 as h2s, never as h3s with no h2 above.
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", self.get(self.story))]
        self.assertEqual(levels[0], 1)
        self.assertEqual([b for a, b in zip(levels, levels[1:], strict=False) if b > a + 1], [])

    def test_story_page_content(self):
        html = self.get(self.story)
        self.assertIn("عفاف النور: أول أرباح خلال شهر", html)
        self.assertIn("مراكش", html)
        self.assertIn("المغرب", html)
        self.assertIn("<bdi>مستقل</bdi>", html)
        self.assertIn("تطوير المواقع", html)
        self.assertIn('<bdi class="figures__value">25%</bdi>', html)
        self.assertIn("أصعب ما في البداية إقناع أول عميل.", html)
        self.assertIn('<h2 class="interview-block__question">ما أصعب ما واجهته؟</h2>', html)
        self.assertIn("الصبر هو المفتاح", html)
        self.assertIn('<bdi class="figure-block__value">2011</bdi>', html)
        self.assertIn('<span class="avatar avatar--large" aria-hidden="true">ع</span>', html)
        self.assertIn('lang="ar" dir="rtl"', html)

    def test_story_index_content(self):
        html = self.get(self.index)
        self.assertIn("<h1>قصص نجاح</h1>", html)
        self.assertIn(self.story.title, html)
        self.assertIn('<option value="MA">المغرب</option>', html)
        self.assertIn(f'href="{self.index.url}feed/atom/"', html)

    def test_an_editor_can_create_a_story_in_the_admin(self):
        self.login()
        data = nested_form_data(
            {
                "title": "مصطفى: أربعون بالمئة من الدخل",
                "slug": "mustafa",
                "person_name": "مصطفى العشي",
                "intro": "برامج قواعد بيانات على خمسات",
                "age": "",
                "city": "",
                "country": self.morocco.pk,
                "portrait_consent_date": "",
                "months_to_first_earnings": "",
                "figures": streamfield([("figure", {"value": "40%", "label": "من الدخل"})]),
                "pull_quote": "",
                "body": streamfield([("paragraph", rich_text("<p>نص القصة</p>"))]),
            }
        )
        # Multiple choices are lists, which nested_form_data would flatten.
        data.update(marketplaces=[self.mostaql.pk], specialisations=[self.web.pk])
        self.assertCanCreate(self.index, SuccessStoryPage, data)
        story = SuccessStoryPage.objects.get(slug="mustafa")
        self.assertTrue(story.live)
        self.assertEqual(list(story.marketplaces.all()), [self.mostaql])
        self.assertEqual(story.figures[0].value["value"], "40%")

    def test_consent_date_is_required_and_not_in_the_future(self):
        self.login()
        data = nested_form_data(
            {
                "title": "قصة",
                "slug": "consent",
                "person_name": "ريم",
                "intro": "مقدمة",
                "portrait_consent": "on",
                "portrait_consent_date": "",
                "figures": streamfield([]),
                "body": streamfield([]),
            }
        )
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:add", args=["cms", "successstorypage", self.index.pk])
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("portrait_consent_date", response.context["form"].errors)
        data["portrait_consent_date"] = date(2999, 1, 1).isoformat()
        response = self.client.post(url, data)
        self.assertIn("portrait_consent_date", response.context["form"].errors)
        self.assertFalse(SuccessStoryPage.objects.filter(slug="consent").exists())
