"""The assignment block: real work for the learner's real profile, scored by a rubric.

The rubric is what a mentor scores against and what the learner reads before starting,
so a lesson cannot be published with an assignment that has none.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import ListBlockValidationError, StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

HAND_IN_TEXT = "text"
HAND_IN_FILE = "file"
HAND_IN_LINK = "link"
HAND_IN_CHOICES = [
    (HAND_IN_TEXT, _("Text")),
    (HAND_IN_FILE, _("File")),
    (HAND_IN_LINK, _("Link")),
]

SUBMIT_URL_NAME = "mentoring:assignment-submit"


class RubricLevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("level"), max_length=100)
    description = blocks.TextBlock(label=_("what it looks like"), required=False, rows=2)
    points = blocks.IntegerBlock(label=_("points"), min_value=0, max_value=1000, default=0)

    class Meta:
        label = _("level")
        icon = "pick"


class RubricCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(label=_("criterion"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False, rows=2)
    levels = blocks.ListBlock(
        RubricLevelBlock(), label=_("levels"), min_num=1, max_num=6, collapsed=False
    )

    class Meta:
        label = _("criterion")
        icon = "list-ul"

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and not any(
            level["points"] > 0 for level in value["levels"]
        ):
            raise StructBlockValidationError(
                block_errors={
                    "levels": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(_("At least one level must be worth some points."))
                        ]
                    )
                }
            )
        return value


class AssignmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    prompt = blocks.RichTextBlock(
        label=_("what to do"), features=["bold", "italic", "link", "ol", "ul"]
    )
    hand_in = blocks.MultipleChoiceBlock(
        label=_("what to hand in"),
        choices=HAND_IN_CHOICES,
        default=[HAND_IN_TEXT],
        required=False,  # checked in clean() with a clearer message
        widget=forms.CheckboxSelectMultiple,
    )
    link_marketplace = SnippetChooserBlock(
        "cms.Marketplace",
        label=_("marketplace of the link"),
        required=False,
        help_text=_("For a link hand-in: the marketplace whose page the learner links to."),
    )
    link_hint = blocks.CharBlock(
        label=_("link hint"),
        required=False,
        max_length=300,
        help_text=_("For example: the address of your service page on Khamsat."),
    )
    rubric = blocks.ListBlock(
        RubricCriterionBlock(), label=_("rubric"), min_num=1, max_num=12, collapsed=True
    )
    example_answer = blocks.RichTextBlock(
        label=_("example of a good answer"),
        required=False,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    mentor_approval_required = blocks.BooleanBlock(
        label=_("a mentor must approve it"), required=False, default=True
    )

    class Meta:
        label = _("assignment")
        icon = "form"
        template = "courses/blocks/assignment.html"

    def clean(self, value):
        if not self.is_deferred_validation and not value.get("rubric"):
            # Checked before the children so the message is the first thing an editor reads.
            raise StructBlockValidationError(
                block_errors={
                    "rubric": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(
                                _("Add a rubric: at least one criterion with scored levels.")
                            )
                        ]
                    )
                }
            )
        value = super().clean(value)
        if not self.is_deferred_validation and not value["hand_in"]:
            raise StructBlockValidationError(
                block_errors={"hand_in": ValidationError(_("Choose what the learner hands in."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = context.get("page")
        block_id = context.get("id")
        submit_url = None
        if page is not None and getattr(page, "pk", None) and block_id:
            try:
                submit_url = reverse(
                    SUBMIT_URL_NAME, kwargs={"lesson_id": page.pk, "assignment_id": block_id}
                )
            except NoReverseMatch:
                submit_url = None
        request = context.get("request")
        user = getattr(request, "user", None)
        hand_in = set(value["hand_in"] or [])
        context.update(
            {
                "assignment_id": block_id,
                "submit_url": submit_url,
                "can_submit": bool(submit_url and user is not None and user.is_authenticated),
                "wants_text": HAND_IN_TEXT in hand_in,
                "wants_file": HAND_IN_FILE in hand_in,
                "wants_link": HAND_IN_LINK in hand_in,
                "max_points": max_points(value),
            }
        )
        return context


def max_points(value):
    """The best score the rubric allows: the top level of every criterion."""
    return sum(max((level["points"] for level in c["levels"]), default=0) for c in value["rubric"])
