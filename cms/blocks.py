"""StreamField blocks of the public site.

Kept small and semantic: editors pick what a passage *is* (a quote, an interview
answer, a headline figure) and the templates decide how it looks in both directions.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]


class FigureBlock(blocks.StructBlock):
    """A headline number with what it measures, e.g. "25 %" / "of monthly income"."""

    value = blocks.CharBlock(
        label=_("value"),
        max_length=20,
        help_text=_('The number as it should read, e.g. "25 %" or "200+".'),
    )
    label = blocks.CharBlock(
        label=_("label"),
        max_length=120,
        help_text=_('What the number measures, e.g. "of monthly income after 4 months".'),
    )

    class Meta:
        icon = "order"
        label = _("Figure")
        template = "cms/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("attribution"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class InterviewBlock(blocks.StructBlock):
    """One question and its answer, so interviews keep their rhythm on the page."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Interview question and answer")
        template = "cms/blocks/interview.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=200,
        required=False,
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "cms/blocks/image_with_caption.html"


class FaqBlock(blocks.StructBlock):
    """A question that opens on click without JavaScript (<details>)."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Frequently asked question")
        template = "cms/blocks/faq.html"


class TrackBlock(blocks.StructBlock):
    """One of the three learning tracks on the home page.

    `page` is the hook for the course catalogue: while it is empty the home page falls
    back to its `catalogue_page`, and while that is empty too no link is shown.
    """

    track = blocks.ChoiceBlock(
        label=_("track"),
        choices=[
            ("pitching", _("Pitching")),
            ("pricing", _("Pricing")),
            ("specialising", _("Specialising")),
        ],
    )
    title = blocks.CharBlock(label=_("title"), max_length=80)
    text = blocks.TextBlock(label=_("short text"), max_length=400)
    page = blocks.PageChooserBlock(label=_("link to"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Track")


class BaseStreamBlock(blocks.StreamBlock):
    """Body of standard pages (about, FAQ…)."""

    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    quote = QuoteBlock()
    image = ImageWithCaptionBlock()
    faq = FaqBlock()
    figure = FigureBlock()


class StoryStreamBlock(blocks.StreamBlock):
    """Body of a success story: narrative, quotes, interview, figures and images."""

    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    quote = QuoteBlock()
    interview = InterviewBlock()
    figure = FigureBlock()
    image = ImageWithCaptionBlock()
