"""Instructors and mentors shown on a course."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index


class Instructor(TranslatableMixin, index.Indexed, models.Model):
    """A person who teaches a course or reviews its assignments.

    A snippet rather than a user profile: the public bio is edited like content and
    translated per language, while ``user`` (optional) ties the person to the account
    they review submissions with.
    """

    name = models.CharField(_("name"), max_length=120)
    headline = models.CharField(
        _("headline"),
        max_length=160,
        blank=True,
        help_text=_("One line, e.g. “Web developer on Mostaql since 2016”."),
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="instructor_profiles",
        help_text=_("The account this person reviews assignments with, if any."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("headline"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("instructor or mentor")
        verbose_name_plural = _("instructors and mentors")

    def __str__(self):
        return self.name

    @property
    def initial(self):
        return (self.name or "?").strip()[:1].upper()


class CourseInstructor(Orderable):
    ROLE_INSTRUCTOR = "instructor"
    ROLE_MENTOR = "mentor"
    ROLE_CHOICES = [(ROLE_INSTRUCTOR, _("Instructor")), (ROLE_MENTOR, _("Mentor"))]

    course = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="people")
    instructor = models.ForeignKey(
        Instructor, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES, default=ROLE_INSTRUCTOR)

    panels = [FieldPanel("instructor"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("instructor or mentor")
        verbose_name_plural = _("instructors and mentors")


def localized_people(course):
    """The course's people in the active language, in two queries whatever their number.

    A translated course still points at the people chosen on the original; each is
    swapped for its translation when there is one.
    """
    rows = list(course.people.select_related("instructor__photo").all())
    keys = {row.instructor.translation_key for row in rows}
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    translated = {}
    if keys and locale is not None:
        translated = {
            person.translation_key: person
            for person in Instructor.objects.filter(translation_key__in=keys, locale=locale)
            .select_related("photo")
            .prefetch_related("photo__renditions")
        }
    return [
        {"person": translated.get(row.instructor.translation_key, row.instructor), "role": row.role}
        for row in rows
    ]
