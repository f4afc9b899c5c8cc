"""The quiz block: questions whose answers stay on the server.

Every question and every choice is a ListBlock item, so it carries a UUID that is stored
with the page and survives reordering and translation (``copy_for_translation`` keeps
block ids). The rendered form names inputs by those ids; the server scores a submission
with :func:`answer_key` and never sends which choice is correct, nor the explanations
that would give it away, before the learner has answered.
"""

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import blocks
from wagtail.blocks import ListBlockValidationError, StructBlockValidationError

SINGLE = "single"
MULTIPLE = "multiple"

# When an attempt's review shows the right choices, and separately the explanations (as
# Moodle's review options do). "The last attempt" never comes when attempts are unlimited.
REVIEW_ALWAYS = "always"
REVIEW_PASSED_OR_LAST = "passed_or_last"
REVIEW_PASSED = "passed"
REVIEW_LAST_ATTEMPT = "last_attempt"
REVIEW_NEVER = "never"
REVIEW_CHOICES = [
    (REVIEW_PASSED_OR_LAST, _("After passing, or when no attempt is left")),
    (REVIEW_PASSED, _("Only after passing")),
    (REVIEW_LAST_ATTEMPT, _("Only when no attempt is left")),
    (REVIEW_NEVER, _("Never")),
]

# The endpoint that scores an attempt belongs to the learning app. The form resolves it by
# name so this app never imports that one; until it exists the form renders disabled.
SUBMIT_URL_NAME = "learning:quiz-submit"


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)

    class Meta:
        label = _("answer")
        icon = "radio-full"
        form_classname = "struct-block quiz-answer"


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"), max_length=1000, rows=2)
    kind = blocks.ChoiceBlock(
        label=_("answers to pick"),
        choices=[
            (SINGLE, _("One correct answer")),
            (MULTIPLE, _("One or more correct answers")),
        ],
        default=SINGLE,
    )
    choices = blocks.ListBlock(
        AnswerOptionBlock(), label=_("answers"), min_num=2, max_num=10, collapsed=False
    )
    explanation = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        max_length=2000,
        rows=2,
        help_text=_(
            "Why the right answer is right; shown in the review as the quiz's options allow."
        ),
    )

    class Meta:
        label = _("question")
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            # A draft may hold a half-written question; publishing runs these checks.
            return value
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        message = None
        if correct == 0:
            message = _("Mark at least one answer as correct.")
        elif value["kind"] == SINGLE and correct > 1:
            message = ngettext(
                "This question accepts one correct answer but %(count)d is marked. "
                "Mark only one, or let learners pick several answers.",
                "This question accepts one correct answer but %(count)d are marked. "
                "Mark only one, or let learners pick several answers.",
                correct,
            ) % {"count": correct}
        if message:
            raise StructBlockValidationError(
                block_errors={
                    "choices": ListBlockValidationError(non_block_errors=[ValidationError(message)])
                }
            )
        return value

    def get_searchable_content(self, value):
        # The explanation gives the answer away; keep it out of the search index.
        return [value["question"], *(choice["text"] for choice in value["choices"])]


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    intro = blocks.TextBlock(label=_("introduction"), required=False, max_length=1000, rows=2)
    questions = blocks.ListBlock(
        QuestionBlock(), label=_("questions"), min_num=1, max_num=50, collapsed=True
    )
    pass_mark = blocks.IntegerBlock(
        label=_("pass mark (%)"),
        min_value=1,
        max_value=100,
        default=70,
        help_text=_("Share of questions to answer correctly to pass, in percent."),
    )
    max_attempts = blocks.IntegerBlock(
        label=_("attempts allowed"),
        min_value=0,
        max_value=100,
        default=0,
        help_text=_("0 allows unlimited attempts."),
    )
    retry_wait_minutes = blocks.IntegerBlock(
        label=_("wait between attempts (minutes)"),
        min_value=0,
        max_value=60 * 24 * 30,
        default=0,
    )
    show_correct_answers = blocks.ChoiceBlock(
        label=_("show the right answers"),
        choices=REVIEW_CHOICES,
        default=REVIEW_PASSED_OR_LAST,
        help_text=_(
            "Shown earlier, the right answers would let a learner pass by reading the "
            "first failed attempt."
        ),
    )
    show_explanations = blocks.ChoiceBlock(
        label=_("show the explanations"),
        choices=[(REVIEW_ALWAYS, _("After every attempt")), *REVIEW_CHOICES],
        default=REVIEW_PASSED_OR_LAST,
        help_text=_("Choose “after every attempt” only if they do not give the answers away."),
    )

    class Meta:
        label = _("quiz")
        icon = "tasks"
        template = "courses/blocks/quiz.html"

    def reader_kind(self, context):
        """What of the reader the quiz's HTML depends on (``cms.fragments``): whether
        she is signed in, and for a visitor the address the log-in link returns to."""
        request = context.get("request")
        if request is None:
            return None
        if request.user.is_authenticated:
            return "learner"
        return "visitor:" + request.get_full_path()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = context.get("page")
        block_id = context.get("id")
        submit_url = None
        if page is not None and getattr(page, "pk", None) and block_id:
            try:
                submit_url = reverse(
                    SUBMIT_URL_NAME, kwargs={"lesson_id": page.pk, "quiz_id": block_id}
                )
            except NoReverseMatch:
                submit_url = None
        request = context.get("request")
        user = getattr(request, "user", None)
        context["quiz_id"] = block_id
        context["submit_url"] = submit_url
        context["can_submit"] = bool(submit_url and user is not None and user.is_authenticated)
        context["questions"] = [
            {
                "id": bound.id,
                "number": number,
                "text": bound.value["question"],
                "multiple": bound.value["kind"] == MULTIPLE,
                # Only ids and texts: which answer is right stays on the server.
                "choices": [
                    {"id": choice.id, "text": choice.value["text"]}
                    for choice in bound.value["choices"].bound_blocks
                ],
            }
            for number, bound in enumerate(value["questions"].bound_blocks, start=1)
        ]
        return context

    def get_api_representation(self, value, context=None):
        return {
            "title": value["title"],
            "intro": value["intro"],
            "pass_mark": value["pass_mark"],
            "max_attempts": value["max_attempts"],
            "retry_wait_minutes": value["retry_wait_minutes"],
            "show_correct_answers": value["show_correct_answers"],
            "show_explanations": value["show_explanations"],
            "questions": [
                {
                    "id": bound.id,
                    "question": bound.value["question"],
                    "kind": bound.value["kind"],
                    "choices": [
                        {"id": choice.id, "text": choice.value["text"]}
                        for choice in bound.value["choices"].bound_blocks
                    ],
                }
                for bound in value["questions"].bound_blocks
            ],
        }


def answer_key(value):
    """What the server scores against: ``{question_id: {...}}`` for a QuizBlock value.

    Each entry has the question's ``kind``, the set of ``correct`` choice ids, every
    ``choices`` id in order, and the ``explanation`` to reveal after an attempt.
    """
    return {
        question.id: {
            "kind": question.value["kind"],
            "correct": {c.id for c in question.value["choices"].bound_blocks if c.value["correct"]},
            "choices": [c.id for c in question.value["choices"].bound_blocks],
            "explanation": question.value["explanation"],
        }
        for question in value["questions"].bound_blocks
    }
