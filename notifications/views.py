"""The in-app notices list and the e-mail preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from notifications import outbox
from notifications.forms import DataSaverForm, PreferenceForm
from notifications.models import Notice, NotificationPreference
from notifications.preferences import set_data_saver


@login_required
def notices(request):
    rows = Notice.objects.filter(user=request.user)
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    for notice in page.object_list:
        notice.text, notice.url = outbox.notice_text(notice)
    preference = NotificationPreference.objects.filter(user=request.user).first()
    form = PreferenceForm(
        instance=preference,
        initial=None if preference else {"language": get_language(), "email_enabled": True},
    )
    return render(
        request,
        "notifications/notices.html",
        {
            "page_obj": page,
            "notices": page.object_list,
            "preference_form": form,
            "data_saver_form": DataSaverForm(instance=preference),
        },
    )


@login_required
@require_POST
def notices_read(request):
    outbox.mark_read(request.user)
    return redirect("notifications:notices")


@login_required
@require_POST
def notice_open(request, pk):
    notice = Notice.objects.filter(user=request.user, pk=pk).first()
    if notice is None:
        return redirect("notifications:notices")
    outbox.mark_read(request.user, [notice.pk])
    _text, url = outbox.notice_text(notice)
    return redirect(url or reverse("notifications:notices"))


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
    return redirect("notifications:notices")


@login_required
@require_POST
def data_saver(request):
    form = DataSaverForm(request.POST)
    if form.is_valid():
        if set_data_saver(request.user, form.cleaned_data["data_saver"]):
            messages.success(request, _("Data saver is on: lesson videos play the sound only."))
        else:
            messages.success(request, _("Data saver is off: lesson videos play with pictures."))
    return redirect(reverse("notifications:notices") + "#data-saver")
