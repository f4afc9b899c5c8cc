"""StreamField blocks of a lesson. ``LessonBodyBlock`` is the body of a LessonPage."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from courses.blocks.assignment import AssignmentBlock
from courses.blocks.calculator import PricingCalculatorBlock
from courses.blocks.content import (
    LESSON_RICH_TEXT_FEATURES,
    ResourceBlock,
    StoryQuoteBlock,
    TipBlock,
)
from courses.blocks.quiz import QuizBlock
from courses.blocks.video import VideoBlock


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("text"), features=LESSON_RICH_TEXT_FEATURES, template="courses/blocks/text.html"
    )
    tip = TipBlock()
    story_quote = StoryQuoteBlock()
    video = VideoBlock()
    quiz = QuizBlock()
    assignment = AssignmentBlock()
    resource = ResourceBlock()
    calculator = PricingCalculatorBlock()

    class Meta:
        block_counts = {"calculator": {"max_num": 2}}


__all__ = [
    "AssignmentBlock",
    "LessonBodyBlock",
    "PricingCalculatorBlock",
    "QuizBlock",
    "ResourceBlock",
    "StoryQuoteBlock",
    "TipBlock",
    "VideoBlock",
]
