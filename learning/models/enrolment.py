"""Who takes which course.

A course and its translations are one course to a learner: a learner who enrols on the
Arabic page and later reads the English translation is still enrolled, with the same
progress. Rows therefore point at the Wagtail ``translation_key`` shared by a page and
its translations, not at one page's primary key.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Enrolment.Status.ACTIVE)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Enrolled")
        LEFT = "left", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
        db_index=False,  # the unique constraint starts with it
    )
    course_key = models.UUIDField(
        _("course"),
        help_text=_("The translation key shared by a course page and its translations."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(_("first enrolled"), default=timezone.now)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="learning_enrolment_unique")
        ]
        indexes = [models.Index(fields=["user", "status"], name="learning_enrol_user_status")]

    def __str__(self):
        return f"{self.user_id} → {self.course_key} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @cached_property
    def course_title(self):
        return title_for_key(self.course_key)

    course_title.short_description = _("course")


def title_for_key(translation_key):
    """The title of a page (or its default-language translation) by translation key."""
    return titles_for_keys([translation_key]).get(translation_key, str(translation_key))


def titles_for_keys(translation_keys, language=None):
    """``{translation key: title}`` in ``language`` where there is one, else the default
    language, else any, in one query (a listing shows a page of rows at a time). A key
    whose pages are all gone is left out."""
    from wagtail.models import Page

    rows = Page.objects.filter(translation_key__in=set(translation_keys)).values_list(
        "translation_key", "title", "locale__language_code"
    )
    preferred = [language or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE]

    def rank(row):
        return preferred.index(row[2]) if row[2] in preferred else len(preferred)

    titles = {}
    for key, title, _language in sorted(rows, key=rank):
        titles.setdefault(key, title)
    return titles
