"""Forms of the learner's workspace and the mentor's review page."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from config.i18n import isolate
from mentoring.files import ALLOWED_LABEL
from mentoring.limits import (
    MAX_FEEDBACK_LENGTH,
    MAX_LINK_LENGTH,
    MAX_REASON_LENGTH,
    MAX_TEXT_LENGTH,
)
from mentoring.models import FeedbackSnippet
from mentoring.states import Action, State

FILE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.odt,.zip,.txt,.md"


class DraftForm(forms.Form):
    """What the learner types; the checks themselves live in services.save_draft."""

    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12, "maxlength": MAX_TEXT_LENGTH}),
    )
    link = forms.CharField(
        label=_("Link"),
        required=False,
        max_length=MAX_LINK_LENGTH,
        widget=forms.URLInput(attrs={"dir": "ltr", "placeholder": "https://"}),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
    )
    remove_file = forms.BooleanField(label=_("Remove the attached file"), required=False)

    def __init__(self, *args, assignment=None, **kwargs):
        super().__init__(*args, **kwargs)
        hand_in = assignment.hand_in if assignment else {"text", "link", "file"}
        for name in ("text", "link", "file"):
            if name not in hand_in:
                del self.fields[name]
        if "file" not in hand_in:
            del self.fields["remove_file"]
        else:
            # In the reader's language: a lazy text filled in here, not at import.
            self.fields["file"].help_text = _("Accepted: %(types)s.") % {
                "types": isolate(ALLOWED_LABEL)
            }
        if assignment is not None and "link" in self.fields:
            hint = assignment.value.get("link_hint")
            if hint:
                self.fields["link"].help_text = hint


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Action.APPROVE.value, _("Approve")),
            (Action.REQUEST_CHANGES.value, _("Request changes")),
            (Action.REJECT.value, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback for the learner"),
        max_length=MAX_FEEDBACK_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    snippets = forms.ModelMultipleChoiceField(
        label=_("Add saved feedback"),
        queryset=FeedbackSnippet.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The chosen snippets are added after your feedback."),
    )
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        required=False,
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, rubric=(), mentor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = list(rubric)
        for index, criterion in enumerate(self.rubric):
            self.fields[f"criterion_{index}"] = forms.TypedChoiceField(
                label=criterion["criterion"],
                help_text=criterion["description"],
                choices=[
                    (str(i), f"{level['label']} ({level['points']})")
                    for i, level in enumerate(criterion["levels"])
                ],
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )
        if mentor is not None:
            self.fields["snippets"].queryset = FeedbackSnippet.objects.filter(mentor=mentor)
            self.fields["snippets"].label_from_instance = lambda snippet: (
                f"{snippet.title} — {Truncator(snippet.text).chars(90)}"
            )

    def criterion_fields(self):
        return [self[f"criterion_{index}"] for index in range(len(self.rubric))]

    def levels(self):
        return {
            index: self.cleaned_data.get(f"criterion_{index}")
            for index in range(len(self.rubric))
            if self.cleaned_data.get(f"criterion_{index}") not in (None, "")
        }

    def full_feedback(self):
        parts = [self.cleaned_data.get("feedback", "").strip()]
        parts += [snippet.text.strip() for snippet in self.cleaned_data.get("snippets") or []]
        return "\n\n".join(part for part in parts if part)


class SnippetForm(forms.ModelForm):
    class Meta:
        model = FeedbackSnippet
        fields = ["title", "language", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}


STATE_FILTERS = [
    ("waiting", _("Waiting for review")),
    (State.SUBMITTED.value, State.SUBMITTED.label),
    (State.RESUBMITTED.value, State.RESUBMITTED.label),
    (State.IN_REVIEW.value, State.IN_REVIEW.label),
    (State.CHANGES_REQUESTED.value, State.CHANGES_REQUESTED.label),
    (State.APPROVED.value, State.APPROVED.label),
    (State.REJECTED.value, State.REJECTED.label),
    ("all", _("All")),
]


class QueueFilterForm(forms.Form):
    course = forms.ChoiceField(label=_("Course"), required=False)
    assignment = forms.ChoiceField(label=_("Assignment"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False, choices=STATE_FILTERS)

    def __init__(self, *args, courses=(), assignments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", _("All courses")), *courses]
        self.fields["assignment"].choices = [("", _("All assignments")), *assignments]

    def filters(self):
        if not self.is_valid():
            return {"state": "waiting"}
        data = dict(self.cleaned_data)
        data["state"] = data.get("state") or "waiting"
        return data
