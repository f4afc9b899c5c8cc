"""A learner's public face: names, country, specialisations and marketplace profiles.

The profile is what a client sees next to a badge, so every part of it that leaves
the site is opt-in: the profile page itself (``is_public``), the name on badge pages
(``show_name_on_badges``) and each marketplace link (``MarketplaceLink.is_public``).
The public URL uses ``public_id``, drawn at random so profiles cannot be listed by
counting; a learner may also choose a readable ``username``. The two never collide:
public ids start with a digit, usernames with a letter.
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

USERNAME_PATTERN = r"^[a-z][a-z0-9-]{2,29}$"
RESERVED_USERNAMES = frozenset(
    {"admin", "api", "badges", "learners", "profile", "static", "media", "new", "edit", "me"}
)


def new_public_id():
    """17 characters: a digit then 64 random bits in hex (never a valid username)."""
    return f"{secrets.randbelow(10)}{secrets.token_hex(8)}"


class LearnerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="learner_profile",
    )
    # Opaque and stable: the recipient id in credentials when the profile is private.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    public_id = models.CharField(
        _("public address"), max_length=20, unique=True, default=new_public_id, editable=False
    )
    username = models.CharField(
        _("username"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(
                USERNAME_PATTERN,
                _(
                    "Use 3 to 30 lower-case Latin letters, digits or hyphens, "
                    "starting with a letter."
                ),
                code="username",
            )
        ],
        help_text=_("Optional: a readable address for your public profile, e.g. afaf-designs."),
    )
    display_name_ar = models.CharField(_("name in Arabic letters"), max_length=80, blank=True)
    display_name_latin = models.CharField(_("name in Latin letters"), max_length=80, blank=True)
    country = models.ForeignKey(
        "cms.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    specialisations = models.ManyToManyField(
        "cms.Specialisation", verbose_name=_("specialisations"), blank=True, related_name="+"
    )
    is_public = models.BooleanField(
        _("public profile page"),
        default=False,
        help_text=_("Anyone with the link can see your name, country, specialisations and badges."),
    )
    show_name_on_badges = models.BooleanField(
        _("show my name on my badges"),
        default=True,
        help_text=_("Without it, badge pages say “a Bidaya learner”."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.name_for("en") or str(self.user)

    def name_for(self, language):
        """The name in the script that suits ``language``, else the other one."""
        arabic, latin = self.display_name_ar.strip(), self.display_name_latin.strip()
        if (language or "").startswith("ar"):
            return arabic or latin
        return latin or arabic

    @property
    def slug(self):
        """What the public URL uses: the chosen username, else the random id."""
        return self.username or self.public_id

    def public_links(self):
        return [link for link in self.links.all() if link.is_public]


class MarketplaceLink(models.Model):
    """One marketplace profile of a learner, checked against the marketplace's pattern
    (``cms.models.Marketplace.clean_profile_url``) before it is saved."""

    profile = models.ForeignKey(
        LearnerProfile,
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="links",
        db_index=False,  # the one-per-marketplace constraint starts with it
    )
    marketplace = models.ForeignKey(
        "cms.Marketplace",
        verbose_name=_("marketplace"),
        on_delete=models.CASCADE,
        related_name="learner_links",
    )
    url = models.CharField(_("profile address"), max_length=300)
    is_public = models.BooleanField(_("show on my badges"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["marketplace__slug"]
        verbose_name = _("marketplace profile")
        verbose_name_plural = _("marketplace profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "marketplace"],
                name="credentials_marketplacelink_one_per_marketplace",
            )
        ]

    def __str__(self):
        return self.url
