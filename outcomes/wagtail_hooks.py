"""Admin registration of outcomes, and the hooks through which other apps show them.

Editors and moderators read the reported outcomes, mark each one verified or rejected
(the edit view holds that one field, saved through ``outcomes.services``), and turn
one whose learner agreed to be contacted into a draft success story in moderation.
The dashboard's "My results" section and the home page's figure are registered here,
so neither ``learning`` nor ``cms`` imports this app.
"""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import get_language_bidi, gettext_lazy, ngettext, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.models.pages import HOME_FIGURES_HOOK
from config.admin_listing import LargeTableViewSetMixin
from learning.dashboard import SECTIONS_HOOK
from notifications import outbox
from outcomes import services, statistics, stories, views
from outcomes.models import Outcome

BOOLEAN_FIELDS = ("count_in_statistics", "may_contact", "show_publicly")
CONSENT_LABELS = {
    "count_in_statistics": pgettext_lazy("consent", "statistics"),
    "may_contact": pgettext_lazy("consent", "contact"),
    "show_publicly": pgettext_lazy("consent", "public"),
}


class OutcomePolicy(ModelPermissionPolicy):
    """Learners report outcomes; in the admin nobody adds one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


def _link(outcome):
    if not outcome.link:
        return "—"
    return format_html(
        '<a href="{}" rel="noopener noreferrer nofollow" target="_blank" dir="ltr">{}</a>',
        outcome.link,
        outcome.link if len(outcome.link) <= 32 else outcome.link[:31] + "…",
    )


def _consents(outcome):
    """The consents she gave, in translated words (a listing of three tick columns is
    too wide for a phone)."""
    given = [str(label) for name, label in CONSENT_LABELS.items() if getattr(outcome, name)]
    return "، ".join(given) if given and get_language_bidi() else ", ".join(given) or "—"


def _amount(outcome):
    if outcome.amount is None:
        return outcome.get_band_display() or "—"
    return format_html('<bdi dir="ltr">{} {}</bdi>', outcome.amount, outcome.currency)


def _story(outcome):
    if outcome.story_id:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[outcome.story_id]),
            _("Story draft"),
        )
    if outcome.may_contact:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("outcomes_admin:story", args=[outcome.pk]),
            _("Make a story"),
        )
    return "—"


class OutcomeEditView(EditView):
    """The edit form holds the review; the service saves it (re-signing badges when
    a shown result becomes verified or stops being)."""

    def save_instance(self):
        stored = Outcome.objects.get(pk=self.object.pk)
        outcome = services.set_review(stored, self.form.cleaned_data["review"])
        log(instance=outcome, action="wagtail.edit", user=self.request.user)
        return outcome


class OutcomeInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        if field_name in BOOLEAN_FIELDS:
            return _("Yes") if getattr(self.object, field_name) else _("No")
        if field_name == "link":
            return _link(self.object)
        return super().get_field_display_value(field_name, field)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.may_contact and not self.object.story_id:
            buttons.append(
                Button(
                    _("Make a story draft"),
                    url=reverse("outcomes_admin:story", args=[self.object.pk]),
                    icon_name="doc-full-inverse",
                    priority=30,
                )
            )
        return buttons


class OutcomeViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = Outcome
    icon = "success"
    menu_label = gettext_lazy("Outcomes")
    menu_order = 270
    add_to_admin_menu = True
    url_namespace = "outcomes_admin"
    url_prefix = "outcomes"
    edit_view_class = OutcomeEditView
    inspect_view_class = OutcomeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["review"]
    list_display = [
        "user",
        Column("kind", label=gettext_lazy("kind"), accessor="get_kind_display"),
        "marketplace",
        Column("link", label=gettext_lazy("link"), accessor=_link),
        "happened_on",
        Column("amount", label=gettext_lazy("amount"), accessor=_amount),
        Column("consents", label=gettext_lazy("consents"), accessor=_consents),
        Column("review", label=gettext_lazy("review"), accessor="get_review_display"),
        Column("story", label=gettext_lazy("story draft"), accessor=_story),
    ]
    list_select_related = ["user", "marketplace"]
    list_filter = ["kind", "review", "may_contact", "count_in_statistics", "marketplace"]
    list_per_page = 50
    search_fields = ["user__email", "link"]
    email_search_field = "user__email"
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = [
        "user",
        "kind",
        "marketplace",
        "link",
        "happened_on",
        "amount",
        "currency",
        "band",
        *BOOLEAN_FIELDS,
        "review",
        "story",
        "created_at",
    ]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("story/<int:pk>/", story_view, name="story")]


def _may_change(user):
    return user.is_active and user.has_perm("outcomes.change_outcome")


@require_http_methods(["GET", "POST"])
@user_passes_test(_may_change)
def story_view(request, pk):
    """Confirm, then make the draft and open it in the page editor."""
    outcome = get_object_or_404(Outcome.objects.select_related("user", "marketplace"), pk=pk)
    index = stories.story_index(outbox.language_for(outcome.user))
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if request.method == "POST":
        try:
            page, _revision = stories.make_draft(outcome, request.user)
        except stories.StoryRefused as refusal:
            messages.error(request, str(refusal.message))
            return redirect("outcomes_admin:inspect", outcome.pk)
        messages.success(
            request,
            _(
                "The story draft is made and submitted to moderation. To write more before a "
                "moderator reviews it, cancel the workflow, edit and submit it again."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "outcomes/admin/story_confirm.html",
        {"outcome": outcome, "index": index, "header_title": _("Make a story draft")},
    )


register_permission_policy(Outcome, OutcomePolicy(Outcome))


@hooks.register("register_admin_viewset")
def register_outcomes():
    return OutcomeViewSet("outcomes")


@hooks.register(SECTIONS_HOOK)
def dashboard_results(user, request):
    return views.dashboard_section(user, request)


@hooks.register(HOME_FIGURES_HOOK)
def first_clients_figure(request):
    value = statistics.first_clients_shown()
    if value is None:
        return None
    return {
        "value": value,
        "label": ngettext(
            "learner reported a first client after Bidaya's courses",
            "learners reported a first client after Bidaya's courses",
            value,
        ),
    }
