"""The in-app notices list and the e-mail preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from lms.models import Notice, NotificationPreference
from lms.review import notify
from lms.review.forms import PreferenceForm
from lms.review.states import Action

DECISION_TEXT = {
    Action.APPROVE.value: _("Your work “%(title)s” was approved."),
    Action.REQUEST_CHANGES.value: _("Your mentor asked for changes to “%(title)s”."),
    Action.REJECT.value: _("Your work “%(title)s” was not accepted."),
}


def notice_text(notice):
    data = notice.data or {}
    title = data.get("title", "")
    if notice.kind == Notice.Kind.SUBMISSION_ARRIVED:
        return _("New work to review: “%(title)s” by %(learner)s.") % {
            "title": title,
            "learner": data.get("learner", ""),
        }
    template = DECISION_TEXT.get(data.get("decision"), _("Your work “%(title)s” was reviewed."))
    return template % {"title": title}


def notice_url(notice):
    submission = notice.submission
    if submission is None:
        return None
    if notice.kind == Notice.Kind.SUBMISSION_ARRIVED:
        return reverse("lms:mentor-submission", args=[submission.uuid])
    return reverse(
        "lms:assignment-submit",
        kwargs={"lesson_id": submission.lesson_id, "assignment_id": submission.assignment_id},
    )


@login_required
def notices(request):
    rows = Notice.objects.filter(user=request.user).select_related("submission")
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    for notice in page.object_list:
        notice.text = notice_text(notice)
        notice.url = notice_url(notice)
    preference = NotificationPreference.objects.filter(user=request.user).first()
    form = PreferenceForm(
        instance=preference,
        initial=None if preference else {"language": get_language(), "email_enabled": True},
    )
    return render(
        request,
        "lms/notices.html",
        {"page_obj": page, "notices": page.object_list, "preference_form": form},
    )


@login_required
@require_POST
def notices_read(request):
    notify.mark_read(request.user)
    return redirect("lms:notices")


@login_required
@require_POST
def notice_open(request, pk):
    notice = Notice.objects.filter(user=request.user, pk=pk).select_related("submission").first()
    if notice is None:
        return redirect("lms:notices")
    notify.mark_read(request.user, [notice.pk])
    return redirect(notice_url(notice) or reverse("lms:notices"))


@login_required
@require_POST
def preferences(request):
    preference = NotificationPreference.objects.filter(user=request.user).first()
    form = PreferenceForm(request.POST, instance=preference)
    if form.is_valid():
        saved = form.save(commit=False)
        saved.user = request.user
        saved.save()
        messages.success(request, _("Your e-mail preferences are saved."))
    else:
        messages.error(request, _("Choose one of the listed languages."))
    return redirect("lms:notices")
