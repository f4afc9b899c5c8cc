"""Badge classes (what can be earned, and by which rule) and awards (who earned it).

An award is written once per badge class and learner: the unique constraint is what
makes awarding exactly-once when completion events race (see ``credentials.awarding``).
The award keeps the signed credential it was issued with (a VC-JWT) and, once
revoked, who revoked it and why; nothing about an award is ever deleted, so the
verification page can always say what happened to it.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from credentials.design import ICONS, TRACK_COLOURS, BadgeDesign, validate_hex_colour

LANGUAGE_CODES = ("ar", "en", "fr")


class BadgeRule(models.TextChoices):
    COURSE = "course_completion", _("Complete a course")
    TRACK = "track_completion", _("Complete every course of a track")
    ASSIGNMENT = "assignment_approved", _("Have an assignment approved by a mentor")
    MANUAL = "manual_award", _("Awarded by hand by a mentor, with a reason")


class DesignTrack(models.TextChoices):
    PITCHING = "pitching", _("Pitching (blue)")
    PRICING = "pricing", _("Pricing (amber)")
    SPECIALISING = "specialising", _("Specialising (violet)")
    CUSTOM = "custom", _("Other (teal, or the colour below)")


ICON_CHOICES = [
    ("", _("The track's icon")),
    ("speech", _("Speech bubble")),
    ("tag", _("Price tag")),
    ("target", _("Target")),
    ("star", _("Star")),
]
assert {code for code, _label in ICON_CHOICES if code} == set(ICONS)


class BadgeClassQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class BadgeClass(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name_ar = models.CharField(_("name (Arabic)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80, blank=True)
    description_ar = models.TextField(_("description (Arabic)"), max_length=1000)
    description_en = models.TextField(_("description (English)"), max_length=1000)
    description_fr = models.TextField(_("description (French)"), max_length=1000, blank=True)
    criteria_ar = models.TextField(
        _("criteria (Arabic)"),
        max_length=2000,
        help_text=_("What a learner has to do to earn the badge, as a client will read it."),
    )
    criteria_en = models.TextField(_("criteria (English)"), max_length=2000)
    criteria_fr = models.TextField(_("criteria (French)"), max_length=2000, blank=True)

    design_track = models.CharField(
        _("colour"), max_length=20, choices=DesignTrack.choices, default=DesignTrack.CUSTOM
    )
    colour = models.CharField(
        _("own colour"),
        max_length=7,
        blank=True,
        validators=[validate_hex_colour],
        help_text=_("Optional, e.g. #0f766e; replaces the track's colour."),
    )
    icon = models.CharField(_("icon"), max_length=10, choices=ICON_CHOICES, blank=True)
    image_name_ar = models.CharField(
        _("name on the image (Arabic)"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to use the Arabic name."),
    )
    image_name_latin = models.CharField(
        _("name on the image (Latin letters)"),
        max_length=60,
        blank=True,
        help_text=_("Leave empty to use the English name."),
    )

    rule = models.CharField(
        _("rule"), max_length=30, choices=BadgeRule.choices, default=BadgeRule.COURSE
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For “complete a course”: the course in any of its languages."),
    )
    # Translation keys: completing the course in any language counts.
    course_key = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    track = models.CharField(
        _("track"),
        max_length=20,
        blank=True,
        choices=[(c, label) for c, label in DesignTrack.choices if c != DesignTrack.CUSTOM],
        help_text=_("For “complete every course of a track”."),
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For “have an assignment approved”: the lesson that holds the assignment."),
    )
    lesson_key = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    assignment_id = models.CharField(
        _("assignment"),
        max_length=64,
        blank=True,
        help_text=_(
            "Leave empty when the lesson has one assignment; otherwise enter its block id "
            "(the error message lists them)."
        ),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to stop awarding this badge; badges already earned stay valid."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = BadgeClassQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")

    def __str__(self):
        return self.name_for(_current_language())

    def save(self, *args, **kwargs):
        # Keys follow the chosen pages so a translation of the course counts too.
        self.course_key = self.course.translation_key if self.course_id else None
        self.lesson_key = self.lesson.translation_key if self.lesson_id else None
        if self.rule != BadgeRule.COURSE:
            self.course_key = None
        if self.rule != BadgeRule.ASSIGNMENT:
            self.lesson_key = None
        super().save(*args, **kwargs)

    # -- texts ---------------------------------------------------------------------

    def _text(self, field, language):
        """French falls back to English, everything to Arabic (the site's first language)."""
        code = (language or "ar").split("-")[0]
        chain = {"fr": ("fr", "en", "ar"), "en": ("en", "ar")}.get(code, ("ar", "en"))
        for candidate in chain:
            value = getattr(self, f"{field}_{candidate}", "").strip()
            if value:
                return value
        return ""

    def name_for(self, language):
        return self._text("name", language)

    def description_for(self, language):
        return self._text("description", language)

    def criteria_for(self, language):
        return self._text("criteria", language)

    def texts(self, field):
        """``{language: text}`` with the fallbacks applied, for the credential."""
        return {code: self._text(field, code) for code in LANGUAGE_CODES}

    # -- design --------------------------------------------------------------------

    def design(self):
        return BadgeDesign(
            name_ar=self.image_name_ar.strip() or self.name_ar,
            name_latin=self.image_name_latin.strip() or self.name_en,
            track=self.design_track or DesignTrack.CUSTOM,
            colour=self.colour,
            icon=self.icon,
        )

    def design_version(self):
        """Changes whenever the drawing would change: part of image URLs and cache keys."""
        design = self.design()
        raw = "|".join(
            [design.name_ar, design.name_latin, design.track, design.colour, design.icon]
        )
        return uuid.uuid5(uuid.NAMESPACE_URL, raw).hex[:12]

    # -- rule ----------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.design_track and self.design_track not in TRACK_COLOURS:
            errors["design_track"] = _("Choose one of the colours.")
        if self.rule == BadgeRule.COURSE and not self.course_id:
            errors["course"] = _("Choose the course that earns this badge.")
        if self.rule == BadgeRule.TRACK and not self.track:
            errors["track"] = _("Choose the track whose courses earn this badge.")
        if self.rule == BadgeRule.ASSIGNMENT:
            if not self.lesson_id:
                errors["lesson"] = _("Choose the lesson that holds the assignment.")
            else:
                problem = self._resolve_assignment()
                if problem:
                    errors["assignment_id"] = problem
        if errors:
            raise ValidationError(errors)

    def lesson_assignments(self):
        """``[(block id, title)]`` of the chosen lesson's assignments."""
        if not self.lesson_id:
            return []
        body = self.lesson.specific.body
        return [
            (block.id, block.value.get("title") or block.id)
            for block in body
            if block.block_type == "assignment"
        ]

    def _resolve_assignment(self):
        choices = self.lesson_assignments()
        if not choices:
            return _("This lesson has no assignment.")
        ids = [block_id for block_id, _title in choices]
        self.assignment_id = (self.assignment_id or "").strip()
        if not self.assignment_id and len(ids) == 1:
            self.assignment_id = ids[0]
        if self.assignment_id not in ids:
            listed = "; ".join(f"{block_id} — {title}" for block_id, title in choices)
            return _("Enter one of this lesson's assignments: %(choices)s") % {"choices": listed}
        return None


class BadgeAwardQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class BadgeAward(models.Model):
    class Source(models.TextChoices):
        RULE = "rule", _("Earned by the rule")
        BACKFILL = "backfill", _("Earned before the badge existed")
        MANUAL = "manual", _("Awarded by hand")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge_class = models.ForeignKey(
        BadgeClass,
        verbose_name=_("badge"),
        on_delete=models.PROTECT,
        related_name="awards",
        db_index=False,  # the once-per-learner constraint starts with it
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="badge_awards",
    )
    awarded_at = models.DateTimeField(_("awarded"))
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    source = models.CharField(_("how"), max_length=10, choices=Source.choices)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("awarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    # [{"id": url, "name": str, "narrative": str, "genre": str}]: what earned it.
    evidence = models.JSONField(_("evidence"), default=list, blank=True)
    credential = models.JSONField(_("credential"), default=dict)
    jws = models.TextField(_("signed credential (VC-JWT)"))
    # Position in the published revocation status list (Bitstring Status List).
    status_list = models.PositiveIntegerField(default=1)
    status_index = models.PositiveIntegerField()
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True, max_length=1000)
    signed_at = models.DateTimeField(_("signed"))
    # When the learner was shown the celebration panel (empty until then).
    celebrated_at = models.DateTimeField(_("celebrated"), null=True, blank=True)

    objects = BadgeAwardQuerySet.as_manager()

    class Meta:
        ordering = ["-awarded_at", "-pk"]
        verbose_name = _("badge award")
        verbose_name_plural = _("badge awards")
        constraints = [
            models.UniqueConstraint(
                fields=["badge_class", "recipient"], name="credentials_badgeaward_once_per_learner"
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credentials_badgeaward_status_slot"
            ),
        ]
        indexes = [
            # The admin lists awards newest first.
            models.Index(fields=["awarded_at", "id"], name="credentials_award_awarded"),
            # A published status list reads its revoked positions only.
            models.Index(
                fields=["status_list", "status_index"],
                condition=models.Q(revoked_at__isnull=False),
                name="credentials_award_revoked",
            ),
            # Every lesson page asks for the reader's badges not yet celebrated.
            models.Index(
                fields=["recipient"],
                condition=models.Q(celebrated_at__isnull=True),
                name="credentials_award_to_celebrate",
            ),
        ]
        permissions = [
            ("award_badge", _("Can award a badge by hand")),
            ("revoke_badgeaward", _("Can revoke a badge")),
        ]

    def __str__(self):
        return f"{self.badge_class} → {self.recipient}"

    @property
    def is_revoked(self):
        return self.revoked_at is not None


def _current_language():
    from django.utils.translation import get_language

    return get_language() or settings.LANGUAGE_CODE
