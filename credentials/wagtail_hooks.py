"""Wagtail hooks of badges: the badge snippet, the awards list, and what other apps ask.

Imported by ``lms/wagtail_hooks.py``. Editors define badges as snippets; awards are
read-only in the admin (they are made by the rules or by hand from the badge page
tools, and only revoked, never edited). The course catalogue asks for "the badge a
course leads to" through its ``course_badges`` hook and the dashboard for the
learner's badges through ``lms_dashboard_badges``, so neither imports this app.
"""

import django_filters

from django import forms
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_frame import kept_choices
from config.admin_listing import LargeTableViewSetMixin, ReadOnlyPolicy
from courses import hooks as course_hooks
from courses.models import CoursePage, LessonPage
from credentials import celebrations, site
from credentials.models import BadgeAward, BadgeClass, BadgeRule, LearnerProfile, MarketplaceLink
from credentials.verification import award_cards
from learning.dashboard import BADGES_HOOK, CELEBRATIONS_HOOK, PROFILE_HOOK


def _thumbnail(badge_class):
    return format_html(
        '<img src="{}" alt="" width="48" height="48" loading="lazy">',
        site.class_image_url(badge_class),
    )


class BadgeClassViewSet(SnippetViewSet):
    model = BadgeClass
    icon = "pick"
    menu_label = _("Badges")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = True
    search_backend_name = None
    search_fields = ["name_ar", "name_en", "name_fr"]
    list_filter = ["rule", "is_active"]
    list_display = [
        Column("image", label=_("Image"), accessor=_thumbnail),
        "__str__",
        "rule",
        BooleanColumn("is_active", label=_("Active")),
        Column("earned", label=_("Earned by")),
    ]

    def get_queryset(self, request):
        return BadgeClass.objects.annotate(earned=Count("awards"))

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("name_ar"), FieldPanel("name_en"), FieldPanel("name_fr")]
                ),
                FieldPanel("description_ar"),
                FieldPanel("description_en"),
                FieldPanel("description_fr"),
            ],
            heading=_("Name and description"),
        ),
        MultiFieldPanel(
            [FieldPanel("criteria_ar"), FieldPanel("criteria_en"), FieldPanel("criteria_fr")],
            heading=_("Criteria"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "The image is drawn from these settings: a circle in the colour, "
                        "the icon, and the name in Arabic and Latin letters. It appears "
                        "in the list of badges once saved."
                    )
                ),
                FieldRowPanel([FieldPanel("design_track"), FieldPanel("colour")]),
                FieldPanel("icon"),
                FieldRowPanel([FieldPanel("image_name_ar"), FieldPanel("image_name_latin")]),
            ],
            heading=_("Image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rule", widget=forms.RadioSelect),
                FieldPanel("course", widget=AdminPageChooser(target_models=[CoursePage])),
                FieldPanel("track"),
                FieldPanel("lesson", widget=AdminPageChooser(target_models=[LessonPage])),
                FieldPanel("assignment_id"),
                FieldPanel("is_active"),
            ],
            heading=_("How it is earned"),
        ),
    ]


def _status(award):
    return _("Revoked") if award.is_revoked else _("Valid")


def _page_link(award):
    return format_html(
        '<a href="{}" target="_blank" rel="noopener">{}</a>',
        reverse("badge_pages:verify", args=[award.uuid]),
        _("Badge page"),
    )


def badge_choices():
    """Every badge, named in the admin's language, kept until a badge changes
    (``cms.admin_frame``; ``CredentialsConfig.ready`` connects the badges)."""
    return kept_choices(
        "credentials-badges",
        lambda: [(badge.pk, str(badge)) for badge in BadgeClass._default_manager.all()],
    )


class BadgeAwardFilterSet(WagtailFilterSet):
    badge_class = django_filters.ChoiceFilter(
        label=capfirst(BadgeAward._meta.get_field("badge_class").verbose_name),
        choices=badge_choices,
    )

    class Meta:
        model = BadgeAward
        fields = ["source", "badge_class", "awarded_at", "revoked_at"]


class BadgeAwardViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = BadgeAward
    icon = "pick"
    menu_label = _("Badge awards")
    menu_order = 261
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["reason"]
    filterset_class = BadgeAwardFilterSet
    list_select_related = ["badge_class", "recipient"]
    search_fields = ["recipient__email", "uuid"]
    email_search_field = "recipient__email"
    list_display = [
        "badge_class",
        "recipient",
        "awarded_at",
        "source",
        Column("status", label=_("Status"), accessor=_status),
        Column("page", label=_("Page"), accessor=_page_link),
    ]
    inspect_view_fields = [
        "uuid",
        "badge_class",
        "recipient",
        "awarded_at",
        "language",
        "source",
        "awarded_by",
        "reason",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "signed_at",
        "jws",
    ]


register_snippet(BadgeClassViewSet)
# Awards are created by rules or by hand from the site and only ever revoked.
register_permission_policy(BadgeAward, ReadOnlyPolicy(BadgeAward))


@hooks.register("register_admin_viewset")
def register_awards():
    return BadgeAwardViewSet("badge_awards")


@hooks.register(course_hooks.COURSE_BADGES)
def course_badges(courses, request):
    """The course badge each course leads to (one query for the whole list)."""
    keys = {course.translation_key: course.pk for course in courses}
    language = get_language()
    result = {}
    rows = BadgeClass.objects.active().filter(rule=BadgeRule.COURSE, course_key__in=keys)
    rows = list(rows.order_by("pk"))
    user = getattr(request, "user", None)
    earned = {}
    if rows and user is not None and user.is_authenticated:
        awards = BadgeAward.objects.valid().filter(recipient=user, badge_class__in=rows)
        earned = dict(awards.values_list("badge_class_id", "uuid"))
    for badge_class in rows:
        pk = keys[badge_class.course_key]
        award_uuid = earned.get(badge_class.pk)
        result.setdefault(
            pk,
            {
                "name": badge_class.name_for(language),
                "image_url": site.class_image_url(badge_class),
                "url": reverse("badge_pages:class", args=[badge_class.uuid]),
                # The learner's own badge, once earned: its verification page.
                "earned_url": (
                    reverse("badge_pages:verify", args=[award_uuid]) if award_uuid else ""
                ),
            },
        )
    return result


@hooks.register(course_hooks.LEARNER_COUNTRY)
def learner_country(request):
    return (
        LearnerProfile.objects.filter(user=request.user)
        .values_list("country__code", flat=True)
        .first()
    )


@hooks.register(BADGES_HOOK)
def dashboard_badges(user, request):
    """Every badge the learner earned, revoked ones included and marked as such."""
    if user is None or not user.is_authenticated:
        return []
    awards = BadgeAward.objects.filter(recipient=user).select_related("badge_class")
    return award_cards(awards, get_language())


@hooks.register(PROFILE_HOOK)
def dashboard_profile(user, request):
    """Where the learner adds her marketplace links, and whether she has any yet."""
    if user is None or not user.is_authenticated:
        return None
    return {
        "url": reverse("badge_pages:profile"),
        "has_links": MarketplaceLink.objects.filter(profile__user=user).exists(),
    }


@hooks.register(CELEBRATIONS_HOOK)
def badge_celebrations(user, request):
    """The badges the learner earned since she last saw a lesson page."""
    return celebrations.panel(user, request)
