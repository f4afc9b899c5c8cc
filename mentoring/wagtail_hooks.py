"""Admin registration of mentoring: cohorts and their members, with viewsets."""

import django_filters

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminPageChooser

from config.admin_listing import LargeTableViewSetMixin
from courses.models import CoursePage
from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, CohortMembership


def mentor_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[MENTORS_GROUP, LEAD_MENTORS_GROUP])
        .distinct()
        .order_by("email")
    )


class CohortForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["mentors"]
        field.queryset = mentor_users()
        field.label_from_instance = lambda user: user.get_full_name() or user.email
        field.help_text = _(
            "Only people in the Mentors or Lead mentors group are listed; add someone to "
            "a group under Settings › Users."
        )


class CohortViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    add_to_admin_menu = False
    list_display = ["name", "course", "is_open", "capacity"]
    list_select_related = ["course"]
    list_filter = ["is_open"]
    search_fields = ["name"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("course", widget=AdminPageChooser(target_models=[CoursePage])),
            FieldPanel("mentors", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel([FieldPanel("is_open"), FieldPanel("capacity")]),
        ],
        base_form_class=CohortForm,
    )


class CohortMembershipFilterSet(WagtailFilterSet):
    # A cohort is named with its course's title: read them together.
    cohort = django_filters.ModelChoiceFilter(
        label=_("cohort"), queryset=Cohort.objects.select_related("course")
    )

    class Meta:
        model = CohortMembership
        fields = ["cohort"]


class CohortMembershipViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = CohortMembership
    icon = "user"
    menu_label = _("Cohort members")
    add_to_admin_menu = False
    list_display = ["learner", "cohort", "joined_at"]
    list_select_related = ["learner", "cohort__course"]
    # Newest first, along the joined_at index (the model's order sorts by course page).
    ordering = ["-joined_at", "-pk"]
    filterset_class = CohortMembershipFilterSet
    search_fields = ["learner__email", "learner__first_name", "learner__last_name"]
    email_search_field = "learner__email"
    copy_view_enabled = False
    form_fields = ["cohort", "learner"]


class MentoringGroup(ModelViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 250
    items = (
        CohortViewSet("cohorts"),
        CohortMembershipViewSet("cohort_members"),
    )


@hooks.register("register_admin_viewset")
def register_mentoring():
    return MentoringGroup()
