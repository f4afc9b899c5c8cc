"""The mentor's queue, one submission's review page, and their feedback snippets.

A front-end page, not the Wagtail admin: mentors are freelancers reviewing in the
evening, often on a phone; they need one focused list and one page per submission,
not the CMS's menus and permissions.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from learning.models.enrolment import titles_for_keys
from learning.pages import COURSE_REMOVED
from mentoring import services
from mentoring.forms import QueueFilterForm, ReviewForm, SnippetForm
from mentoring.models import FeedbackSnippet
from mentoring.permissions import is_lead_mentor, reviewable_submissions, scope_key
from mentoring.reviewers import sla
from mentoring.states import WAITING, State
from mentoring.views.common import report, require_mentor
from notifications.outbox import account_name, display_name
from notifications.outbox import prefetch_names as outbox_names

PAGE_SIZE = 50
CHOICES_SECONDS = 300


# What a row of the queue shows and no more: the people as the fields their names are
# made of; titles are looked up once for the page, in the reader's language.
NAME_FIELDS = ("first_name", "last_name", "email", "username")
QUEUE_FIELDS = (
    "uuid",
    "assignment_title",
    "state",
    "waiting_since",
    "claim_expires_at",
    "course_key",
    "lesson_key",
    "lesson",
    "learner",
    "claimed_by",
    *(f"{person}__{name}" for person in ("learner", "claimed_by") for name in NAME_FIELDS),
)
UUID_SLOT = "00000000-0000-0000-0000-000000000000"


def queue_rows(user, filters, now=None):
    """The mentor's submissions matching the filters, oldest wait first."""
    rows = (
        reviewable_submissions(user)
        .select_related("learner", "claimed_by")
        .annotate(cohort_name=F("cohort__name"))
        .only(*QUEUE_FIELDS)
    )
    state = filters.get("state") or "waiting"
    if state == "waiting":
        rows = rows.filter(state__in=WAITING)
    elif state != "all":
        rows = rows.filter(state=state)
    else:
        rows = rows.exclude(state=State.DRAFT)
    if filters.get("course"):
        rows = rows.filter(course_key=filters["course"])
    if filters.get("assignment"):
        rows = rows.filter(assignment_id=filters["assignment"])
    return rows.order_by("waiting_since", "first_submitted_at", "pk")


def annotate(rows, user, now):
    """What each row shows, worked out once for the page: names, titles in the reader's
    language (one query), waiting times, claims, links and state labels."""
    limit = sla()
    rows = list(rows)
    outbox_names([row.learner for row in rows])
    keys = {row.course_key for row in rows}
    keys.update(row.lesson_key for row in rows if row.lesson_id is None)
    titles = titles_for_keys(keys, get_language()) if keys else {}
    href = reverse("mentoring:mentor-submission", args=[UUID_SLOT])
    for row in rows:
        row.learner_name = display_name(row.learner)
        row.course_title = titles.get(row.course_key, "")
        row.lesson_removed = row.lesson_id is None and row.lesson_key not in titles
        row.href = href.replace(UUID_SLOT, str(row.uuid))
        row.state_label = State(row.state).label
        row.waited = row.waiting_for(now)
        row.waited_text = timesince(row.waiting_since, now) if row.waited else ""
        row.late = bool(row.waited and row.waited > limit)
        row.claim_live = row.claim_is_live(now)
        row.mine = row.claim_live and row.claimed_by_id == user.pk
        row.claimer_name = account_name(row.claimed_by) if row.claimed_by_id else ""
    return rows


def _filter_choices(user):
    """The courses and assignments of the filter form, kept for a few minutes: reading
    them means a DISTINCT over every submission the mentor may see, and they change
    only when a new course or assignment gets its first hand-in."""
    language = get_language()
    key = f"mentoring:queue-choices:{user.pk}:{scope_key(user)}:{language}"
    choices = cache.get(key)
    if choices is None:
        base = reviewable_submissions(user).exclude(state=State.DRAFT)
        keys = set(base.order_by().values_list("course_key", flat=True).distinct())
        titles = titles_for_keys(keys, language)
        courses = sorted(((str(k), titles.get(k, "")) for k in keys), key=lambda c: c[1])
        assignments = {}
        for block_id, title in (
            base.order_by("assignment_title")
            .values_list("assignment_id", "assignment_title")
            .distinct()
        ):
            assignments.setdefault(block_id, title or block_id)
        choices = (courses, list(assignments.items()))
        cache.set(key, choices, CHOICES_SECONDS)
    return choices


def queue_counts(user, now):
    """How many submissions wait, and how many of them past the SLA: one aggregate."""
    return (
        reviewable_submissions(user)
        .filter(state__in=WAITING)
        .aggregate(
            waiting=Count("pk"),
            late=Count("pk", filter=Q(waiting_since__lt=now - sla())),
        )
    )


@login_required
def queue(request):
    require_mentor(request)
    now = timezone.now()
    courses, assignments = _filter_choices(request.user)
    courses = [(key, title or COURSE_REMOVED) for key, title in courses]
    form = QueueFilterForm(request.GET or None, courses=courses, assignments=assignments)
    filters = form.filters() if request.GET else {"state": "waiting"}
    counts = queue_counts(request.user, now)
    paginator = Paginator(queue_rows(request.user, filters, now), PAGE_SIZE)
    if (
        not (filters.get("course") or filters.get("assignment"))
        and (filters.get("state") or "waiting") == "waiting"
    ):
        # The default view lists exactly the waiting submissions counted above.
        paginator.count = counts["waiting"]
    page = paginator.get_page(request.GET.get("page"))
    annotate(page.object_list, request.user, now)
    context = {
        "form": form,
        "page_obj": page,
        "rows": page.object_list,
        "waiting_count": counts["waiting"],
        "late_count": counts["late"],
        "sla_hours": settings.BIDAYA_REVIEW_SLA_HOURS,
        "claim_minutes": settings.BIDAYA_REVIEW_CLAIM_MINUTES,
        "is_lead": is_lead_mentor(request.user),
        "now": now,
    }
    return render(request, "mentoring/mentor/queue.html", context)


def _submission(request, submission_uuid):
    require_mentor(request)
    return get_object_or_404(
        reviewable_submissions(request.user).select_related(
            "learner", "course", "lesson", "claimed_by", "cohort"
        ),
        uuid=submission_uuid,
    )


@login_required
def submission_detail(request, submission_uuid, form=None, status=200):
    submission = _submission(request, submission_uuid)
    lesson = services.lesson_of(submission)
    try:
        assignment = services.assignment_of(submission)
    except services.ReviewError as error:
        if error.code != "lesson_removed":
            raise Http404(str(error.message)) from error
        # The work, its reviews and its files outlive the lesson: read-only from now on.
        assignment = None
    now = timezone.now()
    annotate([submission], request.user, now)
    versions = list(
        submission.versions.filter(number__isnull=False)
        .prefetch_related("reviews__mentor")
        .order_by("-number")
    )
    for version in versions:
        version.review = next(iter(version.reviews.all()), None)
    rubric = assignment.rubric() if assignment else []
    if form is None and submission.mine and assignment:
        form = ReviewForm(rubric=rubric, mentor=request.user)
    snippets = FeedbackSnippet.objects.filter(mentor=request.user)
    context = {
        "submission": submission,
        "lesson": lesson,
        "course": services.course_of(submission),
        "lesson_removed": lesson is None,
        "assignment": assignment,
        "value": assignment.value if assignment else {},
        "rubric": rubric,
        "versions": versions,
        "latest": versions[0] if versions else None,
        "events": submission.events.select_related("actor").order_by("created_at", "pk"),
        "form": form if assignment else None,
        "snippets": snippets,
        "can_claim": bool(assignment)
        and submission.state in WAITING
        and (not submission.claim_live or submission.mine),
        "State": State,
        "sla_hours": settings.BIDAYA_REVIEW_SLA_HOURS,
    }
    return render(request, "mentoring/mentor/submission.html", context, status=status)


@login_required
@require_POST
def claim(request, submission_uuid):
    submission = _submission(request, submission_uuid)
    try:
        services.claim(submission, request.user)
        messages.success(
            request,
            ngettext(
                "It is yours to review for the next %(minutes)s minute.",
                "It is yours to review for the next %(minutes)s minutes.",
                settings.BIDAYA_REVIEW_CLAIM_MINUTES,
            )
            % {"minutes": settings.BIDAYA_REVIEW_CLAIM_MINUTES},
        )
    except services.ReviewError as error:
        report(request, error)
    return redirect("mentoring:mentor-submission", submission.uuid)


@login_required
@require_POST
def release(request, submission_uuid):
    submission = _submission(request, submission_uuid)
    try:
        services.release(submission, request.user)
        messages.success(request, _("Released: another mentor can take it now."))
    except services.ReviewError as error:
        report(request, error)
        return redirect("mentoring:mentor-submission", submission.uuid)
    return redirect("mentoring:mentor-queue")


@login_required
@require_POST
def review(request, submission_uuid):
    submission = _submission(request, submission_uuid)
    try:
        assignment = services.assignment_of(submission)
    except services.ReviewError as error:
        report(request, error)
        return redirect("mentoring:mentor-submission", submission.uuid)
    form = ReviewForm(request.POST, rubric=assignment.rubric(), mentor=request.user)
    if not form.is_valid():
        return submission_detail(request, submission_uuid, form=form, status=400)
    try:
        result = services.decide(
            submission,
            request.user,
            form.cleaned_data["decision"],
            levels=form.levels(),
            feedback=form.full_feedback(),
            reason=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
        return submission_detail(request, submission_uuid, form=form, status=400)
    except services.ReviewError as error:
        report(request, error)
        return redirect("mentoring:mentor-submission", submission.uuid)
    messages.success(
        request,
        _("Review sent to %(name)s: %(decision)s.")
        % {"name": display_name(submission.learner), "decision": result.get_decision_display()},
    )
    return redirect("mentoring:mentor-queue")


@login_required
def snippets(request):
    require_mentor(request)
    form = SnippetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        snippet = form.save(commit=False)
        snippet.mentor = request.user
        snippet.save()
        messages.success(request, _("Snippet saved."))
        return redirect("mentoring:mentor-snippets")
    return render(
        request,
        "mentoring/mentor/snippets.html",
        {
            "form": form,
            "snippets": FeedbackSnippet.objects.filter(mentor=request.user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def snippet_edit(request, pk):
    require_mentor(request)
    snippet = get_object_or_404(FeedbackSnippet, pk=pk, mentor=request.user)
    if request.method == "POST" and request.POST.get("delete"):
        snippet.delete()
        messages.success(request, _("Snippet deleted."))
        return redirect("mentoring:mentor-snippets")
    form = SnippetForm(request.POST or None, instance=snippet)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Snippet saved."))
        return redirect("mentoring:mentor-snippets")
    return render(
        request,
        "mentoring/mentor/snippet_edit.html",
        {"form": form, "snippet": snippet},
        status=400 if form.errors else 200,
    )
