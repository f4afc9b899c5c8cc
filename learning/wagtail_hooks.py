"""Wagtail hooks of the learning part: progress on course pages, and its admin views.

Imported by ``lms/wagtail_hooks.py``. The courses app asks for progress through its
own hooks (``courses.hooks``) and never imports this app.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from config.admin_listing import LargeTableViewSetMixin, ReadOnlyPolicy, yes_no_column
from courses import hooks as course_hooks
from learning.models import Enrolment, QuizAttempt
from learning.models.enrolment import titles_for_keys
from learning.progress import state


def _user(request):
    return getattr(request, "user", None) if request is not None else None


@hooks.register(course_hooks.LESSON_PROGRESS)
def lesson_progress(lessons, request):
    return state.lesson_statuses(_user(request), lessons, request)


@hooks.register(course_hooks.COURSE_PROGRESS)
def course_progress(courses, request):
    result = {}
    for pk, summary in state.course_summaries(_user(request), courses, request).items():
        if summary["completed"]:
            label = _("Course completed")
        elif summary["done"] or summary["started"]:
            label = _("%(done)d of %(total)d lessons done (%(percent)d%%)") % summary
        else:
            label = _("Enrolled — not started yet")
        result[pk] = {"percent": summary["percent"], "label": label}
    return result


def _attach_titles(rows, key_field, title_field):
    """Set every row's course or lesson title from one query for the page."""
    titles = titles_for_keys(getattr(row, key_field) for row in rows)
    for row in rows:
        key = getattr(row, key_field)
        setattr(row, title_field, titles.get(key, str(key)))


class EnrolmentViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = gettext_lazy("Enrolments")
    add_to_admin_menu = False
    list_display = ["user", "course_title", "status", "enrolled_at", "completed_at"]
    list_select_related = ["user"]
    list_filter = ["status"]
    search_fields = ["user__email"]
    email_search_field = "user__email"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]

    def prepare_rows(self, rows):
        _attach_titles(rows, "course_key", "course_title")


class QuizAttemptViewSet(LargeTableViewSetMixin, ModelViewSet):
    model = QuizAttempt
    icon = "tasks"
    menu_label = gettext_lazy("Quiz attempts")
    add_to_admin_menu = False
    list_display = [
        "user",
        "lesson_title",
        "number",
        "score",
        yes_no_column(QuizAttempt, "passed"),
        "created_at",
    ]
    list_select_related = ["user"]
    # Newest first, along the created_at index.
    ordering = ["-created_at", "-pk"]
    list_filter = ["passed"]
    search_fields = ["user__email", "quiz_id"]
    email_search_field = "user__email"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["passed"]

    def prepare_rows(self, rows):
        _attach_titles(rows, "lesson_key", "lesson_title")


class LearningGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Learning")
    menu_icon = "doc-full-inverse"
    menu_order = 240
    items = (EnrolmentViewSet("enrolments"), QuizAttemptViewSet("quiz_attempts"))


# Enrolments and attempts are written by the learning services only (enrolment,
# leaving, scoring), which also record activity and send the signals badges and
# cohorts listen to; the admin shows them read-only.
register_permission_policy(Enrolment, ReadOnlyPolicy(Enrolment))
register_permission_policy(QuizAttempt, ReadOnlyPolicy(QuizAttempt))


@hooks.register("register_admin_viewset")
def register_learning():
    return LearningGroup()
