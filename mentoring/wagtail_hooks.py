"""Admin registration of mentoring: cohorts, their members, intake settings and default
mentors, with viewsets."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminPageChooser

from cms.admin_frame import kept_choices
from config.admin_listing import LargeTableViewSetMixin, yes_no_column
from courses.models import CoursePage
from learning.dashboard import WAITING_WORK_HOOK
from mentoring.models import Cohort, CohortMembership, Intake
from mentoring.reviewers import mentor_users, waiting_work


class MentorChoiceForm(WagtailAdminModelForm):
    """Offers only people who may review in its mentors field."""

    mentors_field = "mentors"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields[self.mentors_field]
        field.queryset = mentor_users().order_by("email")
        field.label_from_instance = lambda user: user.get_full_name() or user.email
        field.help_text = _(
            "Only people in the Mentors or Lead mentors group are listed; add someone to "
            "a group under Settings › Users."
        )


class CohortForm(MentorChoiceForm):
    pass


class IntakeForm(MentorChoiceForm):
    mentors_field = "default_mentors"


class CohortMembershipForm(WagtailAdminModelForm):
    def clean_cohort(self):
        cohort = self.cleaned_data["cohort"]
        if self.instance.pk and cohort.course_key != self.instance.course_key:
            raise forms.ValidationError(_("Move the learner to a cohort of the same course."))
        return cohort


class CohortViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    add_to_admin_menu = False
    list_display = [
        "name",
        "course",
        yes_no_column(Cohort, "is_open"),
        "member_count",
        "capacity",
    ]
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


def cohort_choices():
    """Every cohort, named with its course's title, kept until a cohort or a page
    changes (``cms.admin_frame``; ``MentoringConfig.ready`` connects the cohorts)."""
    return kept_choices(
        "mentoring-cohorts",
        lambda: [
            (cohort.pk, str(cohort))
            for cohort in Cohort.objects.select_related("course").only("name", "course__title")
        ],
    )


class CohortMembershipFilterSet(WagtailFilterSet):
    cohort = django_filters.ChoiceFilter(label=_("cohort"), choices=cohort_choices)

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
    # Choosing another cohort of the course moves the learner and her waiting work.
    edit_handler = ObjectList(
        [FieldPanel("cohort"), FieldPanel("learner")], base_form_class=CohortMembershipForm
    )


class IntakeViewSet(ModelViewSet):
    model = Intake
    icon = "cogs"
    menu_label = _("Intake and default mentors")
    add_to_admin_menu = False
    list_display = [
        "__str__",
        "cohort_capacity",
        yes_no_column(Intake, "open_new_cohorts"),
    ]
    list_select_related = ["course"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [
                    FieldPanel("course", widget=AdminPageChooser(target_models=[CoursePage])),
                    FieldPanel("track"),
                ]
            ),
            FieldRowPanel([FieldPanel("cohort_capacity"), FieldPanel("open_new_cohorts")]),
            FieldPanel("default_mentors", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=IntakeForm,
    )


class MentoringGroup(ModelViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 250
    items = (
        CohortViewSet("cohorts"),
        CohortMembershipViewSet("cohort_members"),
        IntakeViewSet("intake"),
    )


@hooks.register(WAITING_WORK_HOOK)
def dashboard_waiting_work(user, request):
    """The learner's hand-ins waiting for a mentor, with who will review and by when."""
    if user is None or not user.is_authenticated:
        return []
    return waiting_work(user)


@hooks.register("register_admin_viewset")
def register_mentoring():
    return MentoringGroup()
