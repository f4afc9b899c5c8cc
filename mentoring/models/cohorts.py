"""Cohorts: which mentors look after which learners of a course.

Roles come from two places: the "Mentors" and "Lead mentors" groups say what a person
may do, cohort membership says for whom. A lead mentor sees every cohort of the courses
where they mentor at least one cohort (and submissions from learners in no cohort yet).
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

MENTORS_GROUP = "Mentors"
LEAD_MENTORS_GROUP = "Lead mentors"


class CohortQuerySet(models.QuerySet):
    def open_for(self, course_key):
        """Open cohorts of the course with room left, emptiest first so cohorts fill evenly."""
        return (
            self.filter(course_key=course_key, is_open=True)
            .annotate(member_count=Count("memberships"))
            .filter(Q(capacity__isnull=True) | Q(capacity__gt=models.F("member_count")))
            .order_by("member_count", "pk")
        )


class Cohort(models.Model):
    # Emptied, not cascaded, when the page goes: the cohort, its members and its mentors'
    # access to their learners' work outlive the course page (``course_key`` stays).
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
        help_text=_("The course in any of its languages: the cohort covers its translations."),
        db_index=False,  # the unique constraint starts with it
    )
    # The translation key shared by the course and its translations (see Enrolment).
    course_key = models.UUIDField(editable=False, db_index=True)
    name = models.CharField(_("name"), max_length=120)
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentors"),
        blank=True,
        related_name="mentored_cohorts",
        help_text=_("People in the Mentors or Lead mentors group who review this cohort's work."),
    )
    is_open = models.BooleanField(
        _("open to new learners"),
        default=True,
        help_text=_("Learners who enrol in the course are placed in an open cohort with room."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Most learners the cohort takes; empty means no limit."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["course", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="mentoring_cohort_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.course.title})" if self.course_id else self.name

    def save(self, *args, **kwargs):
        if self.course_id:
            self.course_key = self.course.translation_key
        super().save(*args, **kwargs)
        # A cohort moved to another course takes its members along.
        self.memberships.exclude(course_key=self.course_key).update(course_key=self.course_key)


class CohortMembership(models.Model):
    """A learner in a cohort. One cohort per learner and course, enforced by the database."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="memberships"
    )
    # Copied from the cohort so the database can enforce one cohort per course.
    course_key = models.UUIDField(editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="cohort_memberships",
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["cohort", "joined_at"]
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")
        constraints = [
            models.UniqueConstraint(
                fields=["course_key", "learner"], name="mentoring_cohortmembership_one_per_course"
            )
        ]
        # The admin lists members newest first.
        indexes = [models.Index(fields=["joined_at", "id"], name="mentoring_member_joined")]

    def __str__(self):
        return f"{self.learner} → {self.cohort}"

    def save(self, *args, **kwargs):
        self.course_key = self.cohort.course_key
        super().save(*args, **kwargs)
