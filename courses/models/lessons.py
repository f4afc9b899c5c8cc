"""Lessons: children of a course, ordered by the page tree, with a StreamField body.

Editors reorder a syllabus by dragging pages. Listings need a lesson's kinds, whether a
mentor reviews it and the length of its videos; these are derived from the body each
time the live row is saved, so they never require opening a StreamField.
"""

from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.models.pages import stream_text
from cms.querysets import SitePageManager
from cms.search import searchable_text
from courses import hooks
from courses.blocks import LessonBodyBlock

# What a lesson contains, in the order a syllabus lists them. "reading" is a lesson
# with none of the others.
KIND_VIDEO = "video"
KIND_QUIZ = "quiz"
KIND_ASSIGNMENT = "assignment"
KIND_CALCULATOR = "calculator"
KIND_READING = "reading"
KIND_LABELS = {
    KIND_VIDEO: _("Video"),
    KIND_QUIZ: _("Quiz"),
    KIND_ASSIGNMENT: _("Assignment"),
    KIND_CALCULATOR: _("Calculator"),
    KIND_READING: _("Reading"),
}
_BLOCK_KINDS = {
    "video": KIND_VIDEO,
    "quiz": KIND_QUIZ,
    "assignment": KIND_ASSIGNMENT,
    "calculator": KIND_CALCULATOR,
}


class LessonPage(Page):
    objects = SitePageManager()
    # The template marks each reader's parts with {% hole %}: the rest of the page is
    # rendered once per published revision and kept (cms.skeleton).
    kept_skeleton = True

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"), blank=True)
    practice_minutes = models.PositiveSmallIntegerField(
        _("practice time (minutes)"),
        default=0,
        help_text=_("Roughly how long the reading, quiz and assignment take, videos aside."),
    )
    # Derived from the body on every save of the live row; see save().
    kinds = models.JSONField(_("kinds"), default=list, blank=True, editable=False)
    has_mentor_review = models.BooleanField(_("mentor review"), default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("practice_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    @property
    def search_text(self):
        return searchable_text(self.title, self.summary, stream_text(self, "body"))

    @property
    def kind_labels(self):
        return [KIND_LABELS[kind] for kind in self.kinds or [KIND_READING] if kind in KIND_LABELS]

    def derive_from_body(self):
        """Kinds, mentor review and the videos the body uses, for listings to read."""
        kinds = []
        mentor = False
        video_ids = []
        for block in self.body:
            kind = _BLOCK_KINDS.get(block.block_type)
            if kind and kind not in kinds:
                kinds.append(kind)
            if block.block_type == "assignment" and block.value.get("mentor_approval_required"):
                mentor = True
            if block.block_type == "video":
                video = block.value.get("video")
                video_id = getattr(video, "pk", video)
                if video_id and video_id not in video_ids:
                    video_ids.append(video_id)
        order = list(_BLOCK_KINDS.values())
        kinds.sort(key=order.index)
        return kinds or [KIND_READING], mentor, video_ids

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        body_saved = update_fields is None or "body" in update_fields
        if body_saved:
            self.kinds, self.has_mentor_review, video_ids = self.derive_from_body()
            if update_fields is not None:
                kwargs["update_fields"] = list({*update_fields, "kinds", "has_mentor_review"})
        result = super().save(*args, **kwargs)
        if body_saved:
            sync_lesson_videos(self, video_ids)
        return result

    def get_quiz(self, block_id):
        """The QuizBlock value with this block id, for the endpoint that scores attempts."""
        return self._block_value("quiz", block_id)

    def get_assignment(self, block_id):
        return self._block_value("assignment", block_id)

    def _block_value(self, block_type, block_id):
        for block in self.body:
            if block.block_type == block_type and block.id == block_id:
                return block.value
        return None

    def get_context(self, request, *args, **kwargs):
        from courses import syllabus

        context = super().get_context(request, *args, **kwargs)
        # No view-restriction check for the course: serving this lesson already checked
        # the restrictions of all its ancestors.
        course = syllabus.course_of(self) if self.pk else None
        siblings = syllabus.lessons_of(course) if course is not None else []
        position = next((i for i, lesson in enumerate(siblings) if lesson.pk == self.pk), None)
        progress = hooks.lesson_progress(siblings, request)
        for lesson in siblings:
            lesson.progress = progress.get(lesson.pk)
        context.update(
            {
                "course": course,
                "syllabus": siblings,
                # The reader's marks in the syllabus ({lesson pk: status}): read by its
                # holes, since the syllabus itself is kept with the page.
                "lesson_progress": progress,
                "lesson_number": position + 1 if position is not None else None,
                "lesson_total": len(siblings),
                "previous_lesson": siblings[position - 1] if position else None,
                "next_lesson": siblings[position + 1]
                if position is not None and position + 1 < len(siblings)
                else None,
                "uses_calculator": KIND_CALCULATOR in (self.kinds or []),
            }
        )
        return context


class LessonVideo(models.Model):
    """Which videos a lesson's body uses, kept in step with the body on save.

    It lets a course add up its video time with one aggregate instead of opening every
    lesson's StreamField, and stays right when a video finishes transcoding later.
    """

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="video_links")
    video = models.ForeignKey(
        "media_processing.Video", on_delete=models.CASCADE, related_name="lesson_links"
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["lesson", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "video"], name="courses_lesson_video_unique")
        ]
        verbose_name = _("video used by a lesson")
        verbose_name_plural = _("videos used by lessons")

    def __str__(self):
        return f"{self.lesson_id} → {self.video_id}"


def sync_lesson_videos(lesson, video_ids):
    from media_processing.models import Video

    existing = set(Video.objects.filter(pk__in=video_ids).values_list("pk", flat=True))
    video_ids = [pk for pk in video_ids if pk in existing]
    LessonVideo.objects.filter(lesson=lesson).exclude(video_id__in=video_ids).delete()
    for order, video_id in enumerate(video_ids):
        LessonVideo.objects.update_or_create(
            lesson=lesson, video_id=video_id, defaults={"sort_order": order}
        )


def video_seconds_subquery():
    """Total seconds of a lesson's videos (``OuterRef("pk")`` is the lesson)."""
    return Subquery(
        LessonVideo.objects.filter(lesson_id=OuterRef("pk"))
        .values("lesson_id")
        .annotate(total=Sum("video__duration"))
        .values("total")[:1]
    )


def attach_course_stats(courses, lessons=None):
    """Set lesson count, video seconds, practice minutes and mentor review on courses.

    One query for any number of courses and lessons: the lessons are matched to their
    course by tree path. Pass ``lessons`` when they were already fetched.
    """
    if not courses:
        return
    if lessons is None:
        paths = Q()
        for course in courses:
            paths |= Q(path__startswith=course.path, depth=course.depth + 1)
        lessons = (
            LessonPage.objects.live()
            .public()
            .filter(paths)
            .annotate(video_seconds=video_seconds_subquery())
            .values("path", "practice_minutes", "has_mentor_review", "video_seconds")
        )
        rows = list(lessons)
    else:
        rows = [
            {
                "path": lesson.path,
                "practice_minutes": lesson.practice_minutes,
                "has_mentor_review": lesson.has_mentor_review,
                "video_seconds": lesson.video_seconds,
            }
            for lesson in lessons
        ]
    by_path = {course.path: course for course in courses}
    for course in courses:
        course.lesson_count = 0
        course.video_seconds = 0
        course.practice_minutes = 0
        course.mentor_review = False
    for row in rows:
        course = by_path.get(row["path"][: -Page.steplen])
        if course is None:
            continue
        course.lesson_count += 1
        course.video_seconds += float(row["video_seconds"] or 0)
        course.practice_minutes += row["practice_minutes"] or 0
        course.mentor_review = course.mentor_review or row["has_mentor_review"]
