"""Home page and standard pages (about, FAQ…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.blocks import BaseStreamBlock, TrackBlock
from cms.querysets import SitePageManager
from cms.search import searchable_text

FEATURED_STORIES = 3
# ``hook(request)`` -> {"value": int, "label": str} or None: a live figure the home page
# shows (e.g. how many learners reported a first client), registered by the apps that
# know it; it must cost no query when its value is kept.
HOME_FIGURES_HOOK = "cms_home_figures"


def stream_text(page, field_name):
    field = page._meta.get_field(field_name)
    return " ".join(field.get_searchable_content(getattr(page, field_name)))


class HomePage(Page):
    objects = SitePageManager()

    intro = models.CharField(_("intro"), max_length=300, blank=True)
    body = RichTextField(
        _("what Bidaya is"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
    )
    tracks = StreamField(
        [("track", TrackBlock())],
        verbose_name=_("tracks"),
        blank=True,
        max_num=3,
        help_text=_("Pitching, pricing and specialising, each with a short text."),
    )
    catalogue_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course catalogue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the tracks link to when a track has no page of its own."),
    )
    signup_title = models.CharField(_("sign-up title"), max_length=120, blank=True)
    signup_text = models.CharField(_("sign-up text"), max_length=300, blank=True)
    signup_button = models.CharField(_("sign-up button label"), max_length=40, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "featured_stories",
            label=_("Featured stories"),
            max_num=FEATURED_STORIES,
            help_text=_("Leave empty to show the latest stories."),
        ),
        FieldPanel("tracks"),
        FieldPanel("catalogue_page"),
        MultiFieldPanel(
            [FieldPanel("signup_title"), FieldPanel("signup_text"), FieldPanel("signup_button")],
            heading=_("Sign-up call to action"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    @classmethod
    def can_create_at(cls, parent):
        # Only directly under the tree root, where each locale gets its own home page.
        return super().can_create_at(parent) and parent.is_root()

    @property
    def search_text(self):
        from wagtail.rich_text import get_text_for_indexing

        return searchable_text(
            self.title, self.intro, get_text_for_indexing(self.body), stream_text(self, "tracks")
        )

    @property
    def summary(self):
        return self.search_description or self.intro

    def story_index(self):
        from cms.models.stories import SuccessStoryIndexPage

        return SuccessStoryIndexPage.objects.live().child_of(self).first()

    def featured_story_list(self):
        """The editor's picks in this page's language, topped up with the latest stories.

        Picks are stored on the page they were chosen on; a translated home page may
        still point at the original stories, so they are mapped by translation key.
        """
        from cms.models.stories import SuccessStoryPage

        chosen_ids = [item.story_id for item in self.featured_stories.all() if item.story_id]
        key_by_id = dict(
            Page.objects.filter(pk__in=chosen_ids).values_list("pk", "translation_key")
        )
        keys = [key_by_id[pk] for pk in chosen_ids if pk in key_by_id]
        stories = []
        if keys:
            found = {
                story.translation_key: story
                for story in SuccessStoryPage.objects.live()
                .public()
                .filter(translation_key__in=keys, locale_id=self.locale_id)
                .with_card_data()
            }
            stories = [found[key] for key in keys if key in found]
        if len(stories) < FEATURED_STORIES:
            stories += list(
                SuccessStoryPage.objects.live()
                .public()
                .descendant_of(self)
                .exclude(pk__in=[story.pk for story in stories])
                .with_card_data()
                .order_by("-first_published_at", "-pk")[: FEATURED_STORIES - len(stories)]
            )
        return stories

    def track_list(self):
        catalogue = self.catalogue_page if self.catalogue_page_id else None
        items = []
        for block in self.tracks:
            value = block.value
            target = value.get("page") or catalogue
            items.append(
                {
                    "track": value.get("track"),
                    "title": value.get("title"),
                    "text": value.get("text"),
                    "page": target if target is not None and target.live else None,
                }
            )
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_stories"] = self.featured_story_list()
        context["story_index"] = self.story_index()
        context["track_items"] = self.track_list()
        context["home_figures"] = [
            figure for hook in hooks.get_hooks(HOME_FIGURES_HOOK) if (figure := hook(request))
        ]
        return context


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "cms.SuccessStoryPage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")


class StandardPage(Page):
    objects = SitePageManager()

    intro = models.CharField(_("intro"), max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    @property
    def search_text(self):
        return searchable_text(self.title, self.intro, stream_text(self, "body"))

    @property
    def summary(self):
        return self.search_description or self.intro
