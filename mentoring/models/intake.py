"""How a course takes learners in, and who reviews its work when no cohort mentor does.

Editors set it for one course or for every course of a track; a course's own row wins
over its track's, and a course with neither uses the defaults below. Enrolment places a
learner in the emptiest open cohort with room; when there is none, a new cohort of
``cohort_capacity`` is opened (unless ``open_new_cohorts`` is off). Work in a cohort
without mentors goes to the course's lead mentors, and in a course without them to the
``default_mentors`` of this row (see ``mentoring.reviewers``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models.catalogue import Track

DEFAULT_COHORT_CAPACITY = 100


class Intake(models.Model):
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The course in any of its languages; leave empty to set a whole track."),
    )
    # The course's translation key (see Cohort): unique, so one row per course.
    course_key = models.UUIDField(null=True, editable=False, unique=True)
    track = models.CharField(
        _("track"),
        max_length=20,
        choices=Track.choices,
        blank=True,
        help_text=_("Every course of this track that has no settings of its own."),
    )
    cohort_capacity = models.PositiveIntegerField(
        _("capacity of new cohorts"),
        default=DEFAULT_COHORT_CAPACITY,
        help_text=_("How many learners a cohort opened automatically takes."),
    )
    open_new_cohorts = models.BooleanField(
        _("open a new cohort when all are full"),
        default=True,
        help_text=_(
            "The new cohort starts with the mentors of the course's latest cohort. When "
            "this is off, learners who find no room wait for the lead or default mentors."
        ),
    )
    default_mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default mentors"),
        blank=True,
        related_name="default_mentor_of",
        help_text=_(
            "They review the work of cohorts without mentors when the course has no lead "
            "mentor, so no hand-in waits unseen."
        ),
    )

    class Meta:
        ordering = ["track", "course_key"]
        verbose_name = _("intake and default mentors")
        verbose_name_plural = _("intake and default mentors")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(course__isnull=False, track="") | (Q(course__isnull=True) & ~Q(track=""))
                ),
                name="mentoring_intake_course_or_track",
                violation_error_message=_("Choose a course or a track, not both."),
            ),
            models.UniqueConstraint(
                fields=["track"], condition=~Q(track=""), name="mentoring_intake_one_per_track"
            ),
        ]

    def __str__(self):
        if self.course_id:
            return str(self.course.title)
        return str(self.get_track_display())

    def save(self, *args, **kwargs):
        self.course_key = self.course.translation_key if self.course_id else None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.course_key = self.course.translation_key if self.course_id else None
        taken = Intake.objects.filter(course_key=self.course_key).exclude(pk=self.pk)
        if self.course_key and taken.exists():
            raise ValidationError(
                {"course": _("This course (or one of its translations) has settings already.")}
            )
