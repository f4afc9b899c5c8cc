"""Enrol, leave, and mark a reading lesson done: POST forms that redirect back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import LessonPage
from learning.dashboard import celebrations
from learning.links import page_url
from learning.models import READING_COMPONENT_ID, ComponentKind
from learning.progress import completion, enrolment
from learning.progress import lessons as lesson_index
from learning.progress.errors import LearningError, NotFound


def safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
@login_required
def enrol(request, course_id):
    try:
        course = enrolment.course_for(course_id)
    except NotFound:
        raise Http404() from None
    _row, changed = enrolment.enrol(request.user, course)
    if changed:
        messages.success(
            request, _("You are enrolled in “%(title)s”. Welcome!") % {"title": course.title}
        )
    return redirect(safe_next(request, page_url(course, request) or "/"))


@require_POST
@login_required
def leave(request, course_id):
    try:
        course = enrolment.course_for(course_id)
    except NotFound:
        raise Http404() from None
    try:
        enrolment.leave(request.user, course.translation_key)
    except LearningError:
        pass  # not enrolled: leaving is already done
    else:
        messages.info(
            request,
            _("You left “%(title)s”. Your progress is kept if you come back.")
            % {"title": course.title},
        )
    return redirect(safe_next(request, page_url(course, request) or "/"))


@require_POST
@login_required
def lesson_done(request, lesson_id):
    info = lesson_index.lesson_info(lesson_id)
    if info is None:
        raise Http404()
    lesson = LessonPage.objects.filter(pk=info.id).first()
    lesson_url = safe_next(request, page_url(lesson, request) or "/")
    try:
        if not info.is_reading:
            raise LearningError(
                _("This lesson is finished by doing its video, quiz or assignment.")
            )
        result = completion.complete_component(
            request.user,
            info.id,
            READING_COMPONENT_ID,
            kind=ComponentKind.READING,
            require_active=True,
        )
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(lesson_url)
    if result.course_completed_now:
        messages.success(request, _("Lesson done — and that completes the course. Well done!"))
    else:
        messages.success(request, _("Lesson marked as done."))
    # The page's script asks for the badge this may earn (a task awards it a moment later).
    return redirect(lesson_url if "#" in lesson_url else lesson_url + "#lesson-done")


@require_POST
@login_required
def celebrate(request):
    """What to celebrate now (a badge just earned), as HTML for the lesson page's
    status box; empty when there is nothing (yet)."""
    response = HttpResponse(celebrations(request.user, request))
    response["Cache-Control"] = "private, no-store"
    return response
