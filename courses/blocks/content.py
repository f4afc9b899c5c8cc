"""Reading blocks of a lesson: callouts, quotes from success stories, downloads."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

LESSON_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[
            ("tip", _("Tip")),
            ("warning", _("Watch out")),
            ("example", _("Example")),
        ],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        label = _("tip or callout")
        icon = "warning"
        template = "courses/blocks/tip.html"


class StoryQuoteBlock(blocks.StructBlock):
    story = blocks.PageChooserBlock(label=_("success story"), page_type="cms.SuccessStoryPage")
    quote = blocks.TextBlock(label=_("quote"), max_length=600, rows=3)
    attribution = blocks.CharBlock(
        label=_("attribution"),
        required=False,
        max_length=200,
        help_text=_("Who said it, if not the story's title, e.g. “Afaf, web developer”."),
    )

    class Meta:
        label = _("quote from a success story")
        icon = "openquote"
        template = "courses/blocks/story_quote.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        story = value["story"]
        if story is not None:
            # Link to the story in the reader's language when it has been translated.
            story = story.localized
            context["story_url"] = story.get_url(request=context.get("request"))
            context["story_title"] = story.title
        return context


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False, rows=2)

    class Meta:
        label = _("downloadable resource")
        icon = "doc-full"
        template = "courses/blocks/resource.html"
