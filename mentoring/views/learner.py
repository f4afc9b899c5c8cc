"""The learner's workspace for one assignment: draft, hand in, read the feedback.

The lesson page's assignment form posts here too (its action is this view's URL),
without an ``action`` field: that is a hand-in. A learner who is not enrolled yet is
told so before she types, and handing in or saving here enrols her in the course in
the same request, so what she typed is never thrown away.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from config.uploads import upload_limit
from courses.models import LessonPage
from learning.progress.enrolment import enrol
from mentoring import services
from mentoring.files import too_large_error
from mentoring.forms import DraftForm
from mentoring.limits import max_file_bytes
from mentoring.reviewers import promise_for
from mentoring.states import EDITABLE, FINAL, WAITING, State
from mentoring.views.common import report


def _history(submission):
    """Frozen versions newest first, each with its review."""
    if submission is None:
        return []
    versions = list(
        submission.versions.filter(number__isnull=False)
        .prefetch_related("reviews__mentor")
        .order_by("-number")
    )
    for version in versions:
        version.review = next(iter(version.reviews.all()), None)
    return versions


def _promise(user, assignment, submission):
    """Who will review and by when, for work a mentor reviews that is not decided yet."""
    waiting = submission is not None and submission.state in WAITING
    if not (waiting or assignment.needs_mentor) or (submission and submission.state in FINAL):
        return None
    return promise_for(user, assignment.course.translation_key, submission)


@upload_limit(max_file_bytes)
@login_required
def assignment_workspace(request, lesson_id, assignment_id):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    try:
        assignment = services.find_assignment(lesson, assignment_id)
    except services.ReviewError as error:
        report(request, error)
    submission = services.submission_for(request.user, assignment)
    enrolled = services.is_enrolled(request.user, assignment.course)
    form = None
    errors = {}
    if request.method == "POST":
        form = DraftForm(request.POST, request.FILES, assignment=assignment)
        result = _handle_post(request, assignment, submission, form)
        if result is not None:
            return result
        errors = form.errors
        submission = services.submission_for(request.user, assignment)
    draft = services.current_draft(submission) if submission else None
    latest = services.latest_version(submission) if submission else None
    editable = submission is None or submission.state in EDITABLE
    if form is None:
        source = draft or latest
        initial = {"text": source.text, "link": source.link} if source else {}
        form = DraftForm(initial=initial, assignment=assignment)
    history = _history(submission)
    context = {
        "page": lesson,
        "lesson": lesson,
        "course": assignment.course,
        "assignment": assignment,
        "value": assignment.value,
        "rubric": assignment.rubric(),
        "submission": submission,
        "draft": draft,
        "file_version": draft or latest,
        "history": history,
        "latest_review": next((v.review for v in history if v.review), None),
        "form": form,
        "errors": errors,
        # The hand-in was refused after the draft was saved: say so, not "nothing saved".
        "draft_kept": bool(errors) and getattr(form, "draft_kept", False),
        "editable": editable,
        "enrolled": enrolled,
        "State": State,
        "promise": _promise(request.user, assignment, submission),
    }
    return render(
        request, "mentoring/assignments/workspace.html", context, status=400 if errors else 200
    )


def _handle_post(request, assignment, submission, form):
    """Save the draft and maybe hand it in; a redirect on success, None to re-render."""
    if getattr(request, "upload_too_large", False):
        form.is_valid()
        form.add_error(None, too_large_error())
        return None
    if not form.is_valid():
        return None
    action = request.POST.get("action")
    if action is None and submission is not None:
        # The lesson page's short form, posted although work already exists here (an old
        # tab): it would overwrite the draft with what that form held. Keep the work.
        messages.warning(request, _("You already have work for this assignment; continue it here."))
        return redirect(request.path)
    action = action or "submit"
    if not services.is_enrolled(request.user, assignment.course):
        enrol(request.user, assignment.course)
        messages.success(
            request,
            _("You are enrolled in “%(title)s”. Welcome!") % {"title": assignment.course.title},
        )
    try:
        submission = submission or services.start_submission(
            request.user, assignment, get_language()
        )
        data = form.cleaned_data
        services.save_draft(
            submission,
            text=data.get("text") if "text" in form.fields else None,
            link=data.get("link") if "link" in form.fields else None,
            upload=data.get("file") or None,
            remove_file=bool(data.get("remove_file")),
            assignment=assignment,
        )
        # From here on the draft is kept, whatever the hand-in says.
        form.draft_kept = True
        if action == "submit":
            services.submit(submission, request.user, assignment=assignment)
            if submission.state == State.APPROVED:
                messages.success(request, _("Handed in. This assignment is complete."))
            else:
                messages.success(
                    request, _("Handed in. A mentor will review it; we will let you know.")
                )
        else:
            messages.success(request, _("Draft saved."))
    except ValidationError as error:
        for field, field_errors in error.message_dict.items():
            for message in field_errors:
                form.add_error(field if field in form.fields else None, message)
        return None
    except services.ReviewError as error:
        report(request, error)
    return redirect(request.path)
