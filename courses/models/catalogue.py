"""The catalogue and its courses, as Wagtail pages.

What a card or a syllabus shows about each lesson (its kinds, whether a mentor reviews
it, the length of its videos) is derived when the lesson is saved (see
``courses.models.lessons``), so listing thirty lessons reads no StreamField.
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.querysets import SitePageManager, SitePageQuerySet
from cms.search import searchable_text
from courses import hooks
from courses.models.lessons import LessonPage, attach_course_stats, video_seconds_subquery

COVER_CARD_FILTER = "fill-640x360"
COVER_PAGE_FILTER = "fill-1200x630"
RELATED_STORIES = 3


class Track(models.TextChoices):
    PITCHING = "pitching", _("Pitching")
    PRICING = "pricing", _("Pricing")
    SPECIALISING = "specialising", _("Specialising")


TRACK_DESCRIPTIONS = {
    Track.PITCHING: _(
        "Win your first clients: proposals that stand out, honest promises, deadlines kept."
    ),
    Track.PRICING: _("Price so the work pays: commissions, payouts, and when to raise your rates."),
    Track.SPECIALISING: _("Find the niche where you can excel, away from the crowded fields."),
}


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


# What a lesson contains, in the order a syllabus lists them. "reading" is a lesson
# with none of the others.
def language_choices():
    return list(settings.LANGUAGES)


class CourseIndexPage(Page):
    objects = SitePageManager()

    """The catalogue: live courses grouped by track, filtered from the query string."""

    intro = models.CharField(_("intro"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    @property
    def search_text(self):
        return searchable_text(self.title, self.intro)

    @property
    def summary(self):
        return self.search_description or self.intro

    def courses(self):
        return CoursePage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from courses.forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET)
        filters = form.active_filters()
        courses = self.courses().with_card_data()
        for field in ("track", "level", "language"):
            if filters.get(field):
                courses = courses.filter(**{field: filters[field]})
        courses = list(courses.order_by("path"))
        attach_course_stats(courses)
        badges = hooks.course_badges(courses, request)
        progress = hooks.course_progress(courses, request)
        for course in courses:
            course.badge = badges.get(course.pk)
            course.progress = progress.get(course.pk)
        groups = []
        for track in Track:
            in_track = [course for course in courses if course.track == track.value]
            if in_track:
                groups.append(
                    {
                        "track": track.value,
                        "label": track.label,
                        "description": TRACK_DESCRIPTIONS[track],
                        "courses": in_track,
                    }
                )
        context.update(
            {
                "filter_form": form,
                "active_filters": filters,
                "track_groups": groups,
                "course_count": len(courses),
            }
        )
        return context


class CourseQuerySet(SitePageQuerySet):
    def with_card_data(self):
        """Cover images and their card renditions, prefetched for a list of cards."""
        return self.prefetch_related(Prefetch("cover_image", queryset=cover_images()))


CourseManager = PageManager.from_queryset(CourseQuerySet)


class CoursePage(Page):
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.BEGINNER
    )
    language = models.CharField(
        _("language of instruction"),
        max_length=10,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the videos are spoken in; a translation keeps it."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("Two or three sentences for the catalogue card and search results."),
    )
    learning_outcomes = models.TextField(
        _("what learners will be able to do"),
        blank=True,
        max_length=2000,
        help_text=_("One outcome per line."),
    )
    prerequisites = RichTextField(
        _("before you start"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    specialisations = ParentalManyToManyField(
        "cms.Specialisation",
        verbose_name=_("specialisations"),
        blank=True,
        related_name="courses",
        help_text=_("Success stories sharing one of these are suggested on the course."),
    )
    marketplaces = ParentalManyToManyField(
        "cms.Marketplace",
        verbose_name=_("marketplaces"),
        blank=True,
        related_name="courses",
        help_text=_("Success stories on these marketplaces are suggested on the course."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("track"), FieldPanel("level"), FieldPanel("language")])],
            heading=_("Catalogue"),
        ),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("learning_outcomes"),
        FieldPanel("prerequisites"),
        InlinePanel("people", label=_("Instructors and mentors")),
        MultiFieldPanel(
            [FieldPanel("specialisations"), FieldPanel("marketplaces")],
            heading=_("Related success stories"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.FilterField("track"),
        index.FilterField("level"),
        index.FilterField("language"),
    ]

    objects = CourseManager()

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")

    @property
    def search_text(self):
        return searchable_text(self.title, self.summary, self.learning_outcomes)

    @property
    def outcome_list(self):
        return [line.strip(" -•\t") for line in self.learning_outcomes.splitlines() if line.strip()]

    def lessons(self):
        """Live lessons in syllabus order, with their video length, without their bodies."""
        return (
            LessonPage.objects.live()
            .public()
            .child_of(self)
            .defer("body")
            .annotate(video_seconds=video_seconds_subquery())
            .order_by("path")
        )

    def related_stories(self, limit=RELATED_STORIES):
        """Live stories in the course's language sharing a specialisation or a marketplace."""
        from cms.models import SuccessStoryPage

        specialisation_ids = [s.pk for s in self.specialisations.all()]
        marketplace_ids = [m.pk for m in self.marketplaces.all()]
        if not specialisation_ids and not marketplace_ids:
            return []
        stories = (
            SuccessStoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(Q(specialisations__in=specialisation_ids) | Q(marketplaces__in=marketplace_ids))
            .distinct()
            .order_by("-first_published_at", "-pk")
        )
        # distinct() and the card prefetches do not mix on every database: ids first.
        ids = list(stories.values_list("pk", flat=True)[:limit])
        found = {
            story.pk: story
            for story in SuccessStoryPage.objects.filter(pk__in=ids).with_card_data()
        }
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        from courses import syllabus
        from courses.models.people import localized_people

        context = super().get_context(request, *args, **kwargs)
        lessons = syllabus.lessons_of(self)
        progress = hooks.lesson_progress(lessons, request)
        for lesson in lessons:
            lesson.progress = progress.get(lesson.pk)
        attach_course_stats([self], lessons=lessons)
        course_progress = hooks.course_progress([self], request)
        context.update(
            {
                "lessons": lessons,
                "lesson_progress": progress,
                # Read only when the template's cached fragments are missing (callables
                # are called by the template engine when first used).
                "people": lambda: localized_people(self),
                "related_stories": self.related_stories,
                "catalogue": self.get_parent,
                "badge": hooks.course_badges([self], request).get(self.pk),
                "course_progress": course_progress.get(self.pk),
            }
        )
        return context


def cover_images():
    return get_image_model().objects.prefetch_renditions(COVER_CARD_FILTER)
