"""Courses in real Chromium: the catalogue, a course and a lesson in Arabic and English,
on a desktop and a phone; a real transcoded video that plays; and the pricing
calculator computing in the browser exactly what the server computes."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from wagtail.models import Collection, Page, Site

from courses import pricing
from courses.demo import media
from media_processing.models import Caption, Video
from media_processing.pipeline import process_video
from tests import services
from tests.cms.conftest import translate
from tests.factories.cms import HomePageFactory, MarketplaceFactory, locale
from tests.factories.courses import (
    CourseIndexPageFactory,
    CourseInstructorFactory,
    CoursePageFactory,
    InstructorFactory,
    LessonPageFactory,
    assignment_block,
    calculator_block,
    question,
    quiz_block,
    text_block,
    tip_block,
    video_block,
)

pytestmark = [pytest.mark.usefixtures("transactional_db"), pytest.mark.slow]

SLIDES = [
    media.Slide(
        heading="اقرأ المشروع قبل أن تكتب",
        lines=("ما المشكلة؟", "ما النتيجة التي يريدها؟"),
        narration="اقرأ وصف المشروع مرتين قبل أن تكتب عرضك.",
        narration_en="Read the project brief twice before you write your proposal.",
    )
]
SUMMARY_AR = (
    "عشرات المستقلين يتقدمون على المشروع نفسه. "
    "تعلّم كيف تفهم ما يريده العميل وتكتب عرضًا يختلف عن غيرك."
)
SUMMARY_EN = (
    "Dozens of freelancers bid on the same project. "
    "Learn to read what the client wants and write a proposal that stands apart."
)
OUTCOMES_AR = "\n".join(
    ["تقرأ وصف المشروع وتستخرج حاجة العميل", "تكتب عرضًا قصيرًا يبدأ بالعميل", "تحدد موعدًا تلتزم به"]
)


@pytest.fixture(scope="module")
def demo_mp4(tmp_path_factory):
    """A short Arabic slide video with a voice, rendered once for the module."""
    try:
        return media.build_video(
            SLIDES,
            track="pitching",
            course_title="عرضك الأول",
            cache_dir=tmp_path_factory.mktemp("demo"),
        )
    except media.DemoMediaError as error:
        services.missing("ffmpeg", f"cannot render the demo video here: {error}")


@pytest.fixture
def site(settings, live_server):
    settings.ROOT_URLCONF = "tests.e2e.courses_urls"
    return live_server.url


def watch_csp(*pages):
    violations = []
    for browser_page in pages:
        browser_page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
    return violations


def transcoded_video(demo_mp4):
    from django.core.files import File

    ensure_tree()
    video = Video(title="اقرأ المشروع", original_filename="demo.mp4")
    with demo_mp4.path.open("rb") as handle:
        video.file.save("demo.mp4", File(handle, name="demo.mp4"), save=False)
    video.save()
    process_video(video.pk)
    video.refresh_from_db()
    assert video.is_ready, video.error_detail
    for language, text in demo_mp4.captions.items():
        caption = Caption(video=video, language=language)
        caption.file.save(f"{language}.vtt", File(_bytes(text), name=f"{language}.vtt"), save=False)
        caption.save()
    return video


def _bytes(text):
    import io

    return io.BytesIO(text.encode())


@pytest.fixture
def courses(demo_mp4):
    """Three courses (one per track) in Arabic and English; the first lesson has it all."""
    return build_courses(transcoded_video(demo_mp4))


@pytest.fixture
def courses_without_video():
    return build_courses(None)


def ensure_tree():
    """The page tree root and root collection the migrations made; a transactional test
    before this one may have flushed them."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale("ar")))


def serve_from(home):
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bidaya"},
    )


def build_courses(video):
    ensure_tree()
    home = HomePageFactory(slug="bidaya")
    serve_from(home)
    home_en = translate(home, "en", title="Bidaya")
    catalogue = CourseIndexPageFactory(
        parent=home, title="الدورات", intro="ثلاث خطوات لبداية العمل الحر"
    )
    translate(catalogue, "en", title="Courses", intro="Three steps to start freelancing")
    MarketplaceFactory(
        slug="khamsat", name_ar="خمسات", name_en="Khamsat", commission_percent=Decimal("20")
    )
    MarketplaceFactory(
        slug="mostaql", name_ar="مستقل", name_en="Mostaql", commission_percent=Decimal("15")
    )
    specs = [
        ("pitching", "عرضك الأول على مستقل", "Your first proposal on Mostaql", "beginner"),
        (
            "pricing",
            "تسعير خدمتك الأولى على خمسات",
            "Pricing your first Khamsat service",
            "beginner",
        ),
        ("specialising", "اعثر على تخصصك", "Find your niche", "intermediate"),
    ]
    made = {}
    for track, title_ar, title_en, level in specs:
        course = CoursePageFactory(
            parent=catalogue,
            slug=track,
            track=track,
            level=level,
            title=title_ar,
            summary=SUMMARY_AR,
            learning_outcomes=OUTCOMES_AR,
        )
        CourseInstructorFactory(course=course, instructor=InstructorFactory(name="سلمى العلوي"))
        lessons = [
            LessonPageFactory(
                parent=course,
                slug=f"{track}-1",
                title="ماذا يريد العميل حقًا؟",
                summary="وراء كل وصف مشروع مشكلة يريد صاحبها أن تُحل.",
                body=[
                    *([video_block(video, title="اقرأ المشروع قبل أن تكتب")] if video else []),
                    text_block(
                        "<p>صاحب المشروع لا يبحث عن مبرمج بشكل عام، بل عن شخص يحل مشكلة محددة.</p>"
                    ),
                    tip_block(text="<p>إن كان في الوصف شيء غامض، اسأل عنه بسؤال واحد محدد.</p>"),
                    quiz_block(
                        [
                            question(
                                "ماذا تضع في أول سطرين من عرضك؟",
                                [
                                    ("ما فهمته من مشروع العميل", True),
                                    ("قائمة بكل مهاراتك", False),
                                    ("أقل سعر ممكن", False),
                                ],
                            ),
                            question(
                                "أيّ هذه يجعل عرضك يبرز؟",
                                [
                                    ("سؤال يثبت أنك قرأت التفاصيل", True),
                                    ("خطة قصيرة بخطوات وموعد", True),
                                    ("نص منسوخ", False),
                                ],
                                kind="multiple",
                            ),
                        ]
                    ),
                    assignment_block(),
                ],
                practice_minutes=15,
            ),
            LessonPageFactory(
                parent=course,
                slug=f"{track}-2",
                title="احسب سعرك",
                body=[text_block("<p>ابدأ مما تحتاجه.</p>"), calculator_block(currency="MAD")],
                practice_minutes=20,
            ),
            LessonPageFactory(
                parent=course, slug=f"{track}-3", title="متى ترفع سعرك؟", body=[assignment_block()]
            ),
        ]
        course_en = translate(
            course,
            "en",
            title=title_en,
            summary=SUMMARY_EN,
        )
        first_en = translate(
            lessons[0],
            "en",
            title="What the client really wants",
            summary="Behind every brief is a problem its owner wants solved.",
            body=[
                *([video_block(video, title="Read the project before you write")] if video else []),
                text_block("<p>A client is not looking for “a developer” in general.</p>"),
                tip_block(
                    text="<p>Ask one precise question about what is unclear.</p>", title="Tip"
                ),
                quiz_block(
                    [
                        question(
                            "What goes in the first two lines of your proposal?",
                            [
                                ("What you understood of the client's project", True),
                                ("A list of your skills", False),
                            ],
                        )
                    ],
                    title="Does your proposal stand out?",
                ),
                assignment_block(),
            ],
        )
        second_en = translate(lessons[1], "en", title="Work out your price")
        translate(lessons[2], "en", title="When to raise your price")
        made[track] = {
            "course": course,
            "lessons": lessons,
            "course_en": course_en,
            "first_en": first_en,
            "second_en": second_en,
        }
    return {"home_en": home_en, "catalogue": catalogue, **made}


def html_lang_dir(page):
    return page.eval_on_selector("html", "el => [el.lang, el.dir]")


def test_catalogue_course_and_lesson_in_arabic_and_english(
    page, phone_page, site, courses, screenshot
):
    csp_violations = watch_csp(page, phone_page)
    page.goto(f"{site}/ar/courses/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    expect(page.locator(".course-card")).to_have_count(3)
    expect(page.locator(".catalogue-track__title")).to_have_count(3)
    # Arabic reads from the right: the cover sits on the right and the title is flush
    # with the right edge of the card's text.
    body = page.locator(".course-card__body").first.bounding_box()
    title = page.locator(".course-card__title").first.bounding_box()
    cover = page.locator(".course-card__cover").first.bounding_box()
    assert abs((body["x"] + body["width"]) - (title["x"] + title["width"])) < 20
    assert cover["x"] > body["x"]
    screenshot(page, "catalogue-ar")

    page.goto(f"{site}/ar/courses/?track=pricing")
    expect(page.locator(".course-card")).to_have_count(1)
    expect(page.locator(".course-card__title")).to_have_text("تسعير خدمتك الأولى على خمسات")

    page.goto(f"{site}{courses['pitching']['course'].url}")
    expect(page.locator(".syllabus__item")).to_have_count(3)
    expect(page.locator(".syllabus__duration").first).to_be_visible()
    screenshot(page, "course-ar")

    lesson = courses["pitching"]["lessons"][0]
    page.goto(f"{site}{lesson.url}")
    assert html_lang_dir(page) == ["ar", "rtl"]
    expect(page.locator("video.video__player")).to_have_count(1)
    expect(page.locator(".data-sizes li")).to_have_count(Video.objects.get().renditions.count())
    expect(page.locator(".quiz__question")).to_have_count(2)
    expect(page.locator(".rubric__criterion")).to_have_count(1)
    # The video really plays here (muted so autoplay rules allow it).
    played = page.evaluate(
        """async () => {
            const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
            const video = document.querySelector('video.video__player');
            video.muted = true;
            // A player script may still be swapping the source in: retry until it plays.
            for (let attempt = 0; attempt < 40; attempt++) {
                try { await video.play(); break; } catch (error) { await pause(250); }
            }
            for (let waited = 0; video.currentTime < 0.5 && waited < 15000; waited += 100) {
                await pause(100);
            }
            video.pause();
            return video.currentTime;
        }"""
    )
    assert played > 0.3
    page.evaluate("document.querySelector('video.video__player').currentTime = 0")
    screenshot(page, "lesson-ar")

    page.goto(f"{site}{courses['pitching']['first_en'].url}")
    assert html_lang_dir(page) == ["en", "ltr"]
    expect(page.locator("h1")).to_have_text("What the client really wants")
    expect(page.locator(".quiz__question")).to_have_count(1)
    screenshot(page, "lesson-en")

    page.goto(f"{site}/en/courses/")
    expect(page.locator(".course-card")).to_have_count(3)
    expect(page.locator(".course-card__title").first).to_have_text("Your first proposal on Mostaql")

    phone_page.goto(f"{site}{lesson.url}")
    assert html_lang_dir(phone_page) == ["ar", "rtl"]
    # Nothing spills sideways on a phone.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone_page.viewport_size["width"]
    screenshot(phone_page, "lesson-ar-phone")
    phone_page.goto(f"{site}/ar/courses/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "catalogue-ar-phone")

    assert csp_violations == []


def read_result(page):
    return page.evaluate(
        """() => Object.fromEntries(
            [...document.querySelectorAll('.calculator [data-out]')]
                .map(el => [el.dataset.out, el.textContent])
        )"""
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_calculator_computes_in_the_browser(
    page, site, courses_without_video, screenshot, language
):
    csp_violations = watch_csp(page)
    pricing_course = courses_without_video["pricing"]
    lesson = pricing_course["lessons"][1] if language == "ar" else pricing_course["second_en"]
    page.goto(f"{site}{lesson.url}")
    expect(page.locator("form[data-pricing-calculator][data-enhanced=true]")).to_have_count(1)
    # What the server rendered for the defaults, before any typing.
    initial = read_result(page)

    cases = [
        # currency, income, expenses, hours, per service, marketplace, typed commission
        ("JOD", "7321", "655", "93", "7", "mostaql", None),
        ("SYP", "1800000", "200000", "120", "5", "custom", "12.5"),
        ("MAD", "6000", "500", "80", "4", "khamsat", None),
        ("DZD", "45000", "5000", "100", "3", "custom", "33.33"),
    ]
    commissions = {"khamsat": "20", "mostaql": "15"}
    for currency, income, expenses, hours, per_service, marketplace, typed in cases:
        page.select_option("select[name=currency]", currency)
        page.fill("input[name=target_income]", income)
        page.fill("input[name=monthly_expenses]", expenses)
        page.fill("input[name=billable_hours]", hours)
        page.fill("input[name=hours_per_service]", per_service)
        page.select_option("select[name=marketplace]", marketplace)
        if typed:
            expect(page.locator("input[name=commission_percent]")).to_be_visible()
            page.fill("input[name=commission_percent]", typed)
        else:
            expect(page.locator("input[name=commission_percent]")).to_be_hidden()
        quote = pricing.quote(
            target_income=income,
            monthly_expenses=expenses,
            billable_hours=hours,
            hours_per_service=per_service,
            commission_percent=typed or commissions[marketplace],
            currency=currency,
        )
        result = read_result(page)
        assert result["hourly_price"] == pricing.format_amount(
            quote.hourly_price, quote.decimals, language
        )
        assert result["service_price"] == pricing.format_amount(
            quote.service_price, quote.decimals, language
        )
        assert result["service_net"] == pricing.format_amount(
            quote.service_net, pricing.short_decimals(quote.service_net), language
        )
        assert result["services_per_month"] == str(quote.services_per_month)
        assert result["currency"] == currency

    # The browser's figures for MAD/Khamsat match what the server rendered at first.
    page.select_option("select[name=currency]", "MAD")
    page.fill("input[name=target_income]", "6000")
    page.fill("input[name=monthly_expenses]", "500")
    page.fill("input[name=billable_hours]", "80")
    page.fill("input[name=hours_per_service]", "4")
    page.select_option("select[name=marketplace]", "khamsat")
    assert read_result(page) == initial

    # Impossible input hides the result and says why, without a round trip.
    page.fill("input[name=billable_hours]", "0")
    expect(page.locator("[data-calc-result]")).to_be_hidden()
    expect(page.locator("[data-calc-invalid]")).to_be_visible()
    page.fill("input[name=billable_hours]", "80")
    expect(page.locator("[data-calc-result]")).to_be_visible()

    # Submitting still works (and agrees) without the script's help.
    page.click(".calculator button[type=submit]")
    page.wait_for_load_state()
    assert read_result(page) == initial
    if language == "ar":
        page.locator(".calculator").scroll_into_view_if_needed()
        screenshot(page, "calculator-ar")
    assert csp_violations == []
