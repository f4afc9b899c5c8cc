"""Turn the demo course texts into pages, and their slides into transcoded videos.

Idempotent like every seeder: pages are found by translation keys derived from fixed
names, demo videos and documents by their file names, so a second run creates nothing
(and renders no video). Everything a lesson needs is made only when that lesson is.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files import File

from wagtail.documents import get_document_model

from cms.demo.site import create_source, demo_key, existing_pages, publish
from cms.models import SuccessStoryPage
from courses.demo import media
from courses.demo.content import CATALOGUE, COURSES, INSTRUCTORS
from courses.models import CourseIndexPage, CourseInstructor, CoursePage, Instructor, LessonPage
from media_processing.models import Caption, Video

SOURCE_LANGUAGE = "ar"
LANGUAGES = ("ar", "en", "fr")
BLOCK_NAMESPACE = uuid.UUID("0d6f1f5e-4c0b-4d7e-9a55-3f8e2c71b9a4")


def cache_dir():
    return Path(settings.VAR_DIR) / "demo-cache"


def pick(value, code):
    """The ``code`` text of every ``{"ar": …, "en": …, "fr": …}`` triple inside ``value``."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            return value[code]
        return {key: pick(item, code) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [pick(item, code) for item in value]
    return value


def stable_id(*parts):
    """The same block id in every language, so a quiz keeps its ids across translations."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, ":".join(str(part) for part in parts)))


def translate_to(source, code, fields, existing, ctx):
    """A published copy of ``source`` in ``code`` with ``fields`` set, unless one exists."""
    page = existing.get((source.translation_key, code))
    if page is not None:
        return page
    page = source.copy_for_translation(ctx.data["locales"][code])
    for name, value in fields.items():
        setattr(page, name, value)
    return publish(page, ctx)


def seed_courses(ctx):
    """The catalogue and one course per track, with lessons, in Arabic, English and French.

    Demo videos are rendered here (slides, espeak-ng voice) and run through the real
    transcoding pipeline; the rendered files are cached under var/demo-cache/.
    Provides ctx.data["course_catalogues"], keyed by language.
    """
    homes = ctx.data["home_pages"]
    keys = [demo_key("courses")]
    for course in COURSES:
        keys.append(demo_key(f"course:{course['key']}"))
        keys += [
            demo_key(f"lesson:{course['key']}:{lesson['key']}") for lesson in course["lessons"]
        ]
    existing = existing_pages(keys)

    catalogue = create_source(
        homes[SOURCE_LANGUAGE],
        CourseIndexPage(
            slug="courses",
            locale=ctx.data["locales"][SOURCE_LANGUAGE],
            translation_key=demo_key("courses"),
            show_in_menus=True,
            **pick(CATALOGUE, SOURCE_LANGUAGE),
        ),
        existing,
        ctx,
    )
    catalogues = {SOURCE_LANGUAGE: catalogue}
    for code in LANGUAGES[1:]:
        catalogues[code] = translate_to(catalogue, code, pick(CATALOGUE, code), existing, ctx)
    for code, home in homes.items():
        if code in catalogues:
            link_catalogue(home, catalogues[code], ctx)

    people = ensure_instructors(ctx)
    for spec in COURSES:
        seed_course(spec, catalogue, people, existing, ctx)
    ctx.data["course_catalogues"] = catalogues


def link_catalogue(home, catalogue, ctx):
    """Point the home page's tracks at the catalogue, unless an editor chose otherwise."""
    home = type(home).objects.get(pk=home.pk)
    if home.catalogue_page_id or home.has_unpublished_changes:
        return
    home.catalogue_page = catalogue
    home.save_revision().publish()
    ctx.count("home pages linked to the catalogue")


def ensure_instructors(ctx):
    """{key: Arabic Instructor}, each with its English and French translations."""
    found = {}
    for spec in INSTRUCTORS:
        key = demo_key(f"instructor:{spec['key']}")
        rows = {
            row.locale.language_code: row for row in Instructor.objects.filter(translation_key=key)
        }
        source = rows.get(SOURCE_LANGUAGE)
        if source is None:
            source = Instructor.objects.create(
                translation_key=key,
                locale=ctx.data["locales"][SOURCE_LANGUAGE],
                **pick(spec["fields"], SOURCE_LANGUAGE),
            )
            ctx.count("instructors")
        for code in LANGUAGES[1:]:
            if code not in rows:
                copy = source.copy_for_translation(ctx.data["locales"][code])
                for name, value in pick(spec["fields"], code).items():
                    setattr(copy, name, value)
                copy.save()
        found[spec["key"]] = source
    return found


def seed_course(spec, catalogue, people, existing, ctx):
    reference = ctx.data
    course = CoursePage(
        slug=spec["slug"],
        locale=catalogue.locale,
        translation_key=demo_key(f"course:{spec['key']}"),
        track=spec["track"],
        level=spec["level"],
        language=SOURCE_LANGUAGE,
        **pick(spec["fields"], SOURCE_LANGUAGE),
    )
    course.specialisations = [reference["specialisations"][s] for s in spec["specialisations"]]
    course.marketplaces = [reference["marketplaces"][m] for m in spec["marketplaces"]]
    course.people = [
        CourseInstructor(instructor=people[key], role=role, sort_order=order)
        for order, (key, role) in enumerate(spec["people"])
    ]
    course = create_source(catalogue, course, existing, ctx)
    courses = {SOURCE_LANGUAGE: course}
    for code in LANGUAGES[1:]:
        courses[code] = translate_to(course, code, pick(spec["fields"], code), existing, ctx)

    for lesson_spec in spec["lessons"]:
        key = demo_key(f"lesson:{spec['key']}:{lesson_spec['key']}")
        if all((key, code) in existing for code in LANGUAGES):
            continue
        assets = LessonAssets(spec, lesson_spec, ctx)
        lesson = existing.get((key, SOURCE_LANGUAGE))
        if lesson is None:
            lesson = create_source(
                course,
                LessonPage(
                    slug=lesson_spec["slug"],
                    locale=course.locale,
                    translation_key=key,
                    practice_minutes=lesson_spec.get("practice_minutes", 0),
                    body=assets.body(SOURCE_LANGUAGE),
                    **pick(lesson_spec["fields"], SOURCE_LANGUAGE),
                ),
                existing,
                ctx,
            )
        for code in LANGUAGES[1:]:
            fields = dict(pick(lesson_spec["fields"], code), body=assets.body(code))
            translate_to(lesson, code, fields, existing, ctx)


class LessonAssets:
    """Builds a lesson body in one language, making its video and documents once."""

    def __init__(self, course_spec, lesson_spec, ctx):
        self.course = course_spec
        self.lesson = lesson_spec
        self.ctx = ctx
        self._videos = {}
        self._documents = {}

    def body(self, code):
        blocks = []
        for index, (block_type, value) in enumerate(self.lesson["blocks"]):
            block_id = stable_id(self.course["key"], self.lesson["key"], index)
            value = self.block_value(block_type, value, code, block_id)
            blocks.append({"type": block_type, "value": value, "id": block_id})
        return blocks

    def block_value(self, block_type, value, code, block_id):
        if block_type == "text":
            return pick(value, code)
        if block_type == "video":
            video = self.video(value)
            return {
                "video": video.pk,
                "title": pick(value["title"], code),
                "note": pick(value.get("note", ""), code),
            }
        if block_type == "story_quote":
            return {
                "story": self.story(value["story"], code),
                "quote": pick(value["quote"], code),
                "attribution": pick(value.get("attribution", ""), code),
            }
        if block_type == "resource":
            document = self.document(value, code)
            return {
                "document": document.pk,
                "title": pick(value["title"], code),
                "description": pick(value.get("description", ""), code),
            }
        if block_type == "quiz":
            return self.quiz(pick(value, code), block_id)
        if block_type == "assignment":
            return self.assignment(pick(value, code), block_id)
        if block_type == "calculator":
            value = pick(value, code)
            marketplaces = [
                self.ctx.data["marketplaces"][slug].pk for slug in value.pop("marketplaces")
            ]
            return dict(
                value,
                marketplaces=[
                    {"type": "item", "value": pk, "id": stable_id(block_id, "marketplace", pk)}
                    for pk in marketplaces
                ],
            )
        return pick(value, code)

    def quiz(self, value, block_id):
        questions = []
        for q_index, question in enumerate(value.pop("questions")):
            q_id = stable_id(block_id, "question", q_index)
            choices = [
                {
                    "type": "item",
                    "value": {"text": text, "correct": correct},
                    "id": stable_id(q_id, "choice", c_index),
                }
                for c_index, (text, correct) in enumerate(question.pop("choices"))
            ]
            questions.append({"type": "item", "value": dict(question, choices=choices), "id": q_id})
        return dict(value, questions=questions)

    def assignment(self, value, block_id):
        rubric = []
        for c_index, criterion in enumerate(value.pop("rubric")):
            c_id = stable_id(block_id, "criterion", c_index)
            levels = [
                {
                    "type": "item",
                    "value": {"label": label, "description": description, "points": points},
                    "id": stable_id(c_id, "level", l_index),
                }
                for l_index, (label, description, points) in enumerate(criterion.pop("levels"))
            ]
            rubric.append({"type": "item", "value": dict(criterion, levels=levels), "id": c_id})
        marketplace = value.pop("link_marketplace", None)
        return dict(
            value,
            rubric=rubric,
            link_marketplace=self.ctx.data["marketplaces"][marketplace].pk if marketplace else None,
        )

    def story(self, key, code):
        story = (
            SuccessStoryPage.objects.filter(
                translation_key=demo_key(f"story:{key}"), locale__language_code=code
            ).first()
            or SuccessStoryPage.objects.filter(translation_key=demo_key(f"story:{key}")).first()
        )
        if story is None:
            raise LookupError(f"demo story {key} is missing; run the cms stories seeder first")
        return story.pk

    def video(self, spec):
        if "video" not in self._videos:
            self._videos["video"] = demo_video(spec, self.course, self.ctx)
        return self._videos["video"]

    def document(self, spec, code):
        if code not in self._documents:
            self._documents[code] = demo_document(spec, code, self.ctx)
        return self._documents[code]


def demo_video(spec, course_spec, ctx):
    """The library video for these slides: found by its file name, else made and transcoded."""
    from media_processing.pipeline import process_video

    slides = [media.Slide(**slide) for slide in spec["slides"]]
    course_title = course_spec["fields"]["title"][SOURCE_LANGUAGE]
    key = media.cache_key(slides, course_spec["track"], course_title)
    filename = f"bidaya-demo-{key}.mp4"
    video = Video.objects.filter(original_filename=filename).first()
    captions = {}
    if video is None or not video.is_ready:
        built = media.build_video(
            slides, track=course_spec["track"], course_title=course_title, cache_dir=cache_dir()
        )
        captions = built.captions
        if video is None:
            video = Video(
                title=spec["title"][SOURCE_LANGUAGE],
                original_filename=filename,
                file_size=built.path.stat().st_size,
            )
            with built.path.open("rb") as handle:
                video.file.save(filename, File(handle, name=filename), save=False)
            video.save()
            ctx.count("videos")
        process_video(video.pk)
        video = Video.objects.get(pk=video.pk)
        if not video.is_ready:
            raise media.DemoMediaError(
                f"demo video {filename} failed: {video.error} {video.error_detail[-500:]}"
            )
        ctx.log(f"demo video {video.pk} ready ({video.duration:.1f} s)")
    add_captions(video, slides, captions, key, ctx)
    return video


def add_captions(video, slides, captions, key, ctx):
    """Every caption language the slides are narrated in; a language added to the texts
    later is timed like the English caption of the video already made."""
    have = {caption.language: caption for caption in video.captions.all()}
    if "fr" not in captions and all(slide.narration_fr for slide in slides):
        english = captions.get("en")
        if english is None and "en" in have:
            with have["en"].file.open("rb") as handle:
                english = handle.read().decode("utf-8")
        if english is not None:
            captions = dict(
                captions, fr=media.retell_captions(english, [s.narration_fr for s in slides])
            )
    for language, text in captions.items():
        if language in have:
            continue
        caption = Caption(video=video, language=language)
        caption.file.save(
            f"bidaya-demo-{key}.{language}.vtt", File(_text_file(text), name="c.vtt"), save=False
        )
        caption.save()
        ctx.count("captions")


def demo_document(spec, code, ctx):
    Document = get_document_model()
    filename = f"bidaya-demo-{spec['key']}-{code}.pdf"
    document = Document.objects.filter(file__endswith=filename).first()
    if document is not None:
        return document
    path = media.build_checklist_pdf(
        pick(spec["heading"], code),
        pick(spec["items"], code),
        language=code,
        target=cache_dir() / filename,
    )
    document = Document(title=pick(spec["title"], code))
    with path.open("rb") as handle:
        document.file.save(filename, File(handle, name=filename), save=False)
    document.save()
    ctx.count("documents")
    return document


def _text_file(text):
    import io

    return io.BytesIO(text.encode("utf-8"))


def link_mentors(ctx):
    """Tie the demo mentor to the demo "mentor" account once that account exists."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username="mentor").first()
    if user is None:
        return
    keys = [
        demo_key(f"instructor:{spec['key']}")
        for spec in INSTRUCTORS
        if spec.get("account") == "mentor"
    ]
    updated = Instructor.objects.filter(translation_key__in=keys, user__isnull=True).update(
        user=user
    )
    if updated:
        ctx.count("mentor profiles linked", updated)
