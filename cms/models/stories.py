"""Success stories and their index (filters, pagination, RSS/Atom feeds)."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from cms.blocks import FigureBlock, StoryStreamBlock
from cms.models.pages import stream_text
from cms.models.snippets import Country, Marketplace, Specialisation
from cms.querysets import SitePageManager, SitePageQuerySet
from cms.search import searchable_text

STORIES_PER_PAGE = 9
RELATED_STORIES = 3
PORTRAIT_CARD_FILTER = "fill-160x160"
PORTRAIT_PAGE_FILTER = "fill-320x320"


class SuccessStoryQuerySet(SitePageQuerySet):
    def with_card_data(self):
        """Everything a story card shows, fetched in a fixed number of queries."""
        images = get_image_model().objects.prefetch_renditions(
            PORTRAIT_CARD_FILTER, PORTRAIT_PAGE_FILTER
        )
        return self.select_related("country").prefetch_related(
            "marketplaces", "specialisations", Prefetch("portrait", queryset=images)
        )


SuccessStoryManager = PageManager.from_queryset(SuccessStoryQuerySet)


class SuccessStoryIndexPage(RoutablePageMixin, Page):
    objects = SitePageManager()

    intro = models.CharField(_("intro"), max_length=300, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.SuccessStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("success story index")

    @property
    def search_text(self):
        return searchable_text(self.title, self.intro)

    @property
    def summary(self):
        return self.search_description or self.intro

    def stories(self):
        return SuccessStoryPage.objects.live().public().child_of(self)

    def filter_form(self, data):
        from cms.forms import StoryFilterForm

        return StoryFilterForm.for_index(data, self)

    def filtered_stories(self, filters):
        stories = self.stories().with_card_data()
        if filters.get("country"):
            stories = stories.filter(country__code=filters["country"])
        if filters.get("marketplace"):
            stories = stories.filter(marketplaces__slug=filters["marketplace"])
        if filters.get("specialisation"):
            stories = stories.filter(specialisations__slug=filters["specialisation"])
        return stories.order_by("-first_published_at", "-pk")

    @path("")
    def story_list(self, request):
        form = self.filter_form(request.GET)
        filters = form.active_filters()
        paginator = Paginator(self.filtered_stories(filters), STORIES_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "active_filters": filters,
                "page_obj": page_obj,
                "stories": page_obj.object_list,
            },
        )

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from cms.feeds import StoryRssFeed

        return StoryRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from cms.feeds import StoryAtomFeed

        return StoryAtomFeed(self)(request)


class SuccessStoryPage(Page):
    person_name = models.CharField(_("person's name"), max_length=120)
    age = models.PositiveSmallIntegerField(
        _("age"),
        null=True,
        blank=True,
        validators=[MinValueValidator(12), MaxValueValidator(100)],
    )
    city = models.CharField(_("city or region"), max_length=120, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="success_stories",
    )
    marketplaces = ParentalManyToManyField(
        Marketplace, verbose_name=_("marketplaces"), blank=True, related_name="success_stories"
    )
    specialisations = ParentalManyToManyField(
        Specialisation,
        verbose_name=_("specialisations"),
        blank=True,
        related_name="success_stories",
    )
    intro = models.CharField(
        _("intro"),
        max_length=300,
        help_text=_("One or two sentences shown on cards, in feeds and in search results."),
    )
    figures = StreamField(
        [("figure", FigureBlock())],
        verbose_name=_("headline figures"),
        blank=True,
        max_num=4,
    )
    months_to_first_earnings = models.PositiveSmallIntegerField(
        _("months to first earnings"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
    )
    first_earnings_note = models.CharField(
        _("first earnings, in words"),
        max_length=150,
        blank=True,
        help_text=_('Optional, e.g. "one month after signing up".'),
    )
    pull_quote = models.TextField(_("pull quote"), max_length=500, blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait_consent = models.BooleanField(
        _("consent to show the portrait"),
        default=False,
        help_text=_(
            "Only tick this when the person agreed in writing. Otherwise an initial is shown."
        ),
    )
    portrait_consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    body = StreamField(StoryStreamBlock(), verbose_name=_("body"), blank=True)

    objects = SuccessStoryManager()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldRowPanel([FieldPanel("age"), FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("marketplaces"),
                FieldPanel("specialisations"),
            ],
            heading=_("Person"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("portrait"),
                FieldRowPanel(
                    [FieldPanel("portrait_consent"), FieldPanel("portrait_consent_date")]
                ),
            ],
            heading=_("Portrait"),
        ),
        FieldPanel("figures"),
        FieldRowPanel([FieldPanel("months_to_first_earnings"), FieldPanel("first_earnings_note")]),
        FieldPanel("pull_quote"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.FilterField("country"),
    ]

    parent_page_types = ["cms.SuccessStoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    def clean(self):
        super().clean()
        errors = {}
        if self.portrait_consent and not self.portrait_consent_date:
            errors["portrait_consent_date"] = _("Record the date the person gave their consent.")
        if self.portrait_consent_date and self.portrait_consent_date > timezone.localdate():
            errors["portrait_consent_date"] = _("The consent date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def show_portrait(self):
        """The portrait appears only with recorded consent: the box and its date."""
        return bool(self.portrait_id and self.portrait_consent and self.portrait_consent_date)

    @property
    def initial(self):
        name = (self.person_name or self.title or "?").strip()
        return name[:1].upper()

    @property
    def summary(self):
        return self.search_description or self.intro

    @property
    def first_earnings_display(self):
        if self.months_to_first_earnings is None:
            return self.first_earnings_note
        months = self.months_to_first_earnings
        return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}

    @property
    def search_text(self):
        language = self.locale.language_code if self.locale_id else None
        return searchable_text(
            self.title,
            self.person_name,
            self.city,
            self.country.name_for(language) if self.country_id else "",
            " ".join(m.name_for(language) for m in self.marketplaces.all()),
            " ".join(s.name_for(language) for s in self.specialisations.all()),
            self.intro,
            stream_text(self, "figures"),
            self.first_earnings_note,
            self.pull_quote,
            stream_text(self, "body"),
        )

    def related_stories(self, limit=RELATED_STORIES):
        """Up to `limit` live stories in the same language sharing a specialisation or a
        marketplace, the closest first, in one query plus the card prefetches."""
        specialisation_ids = [s.pk for s in self.specialisations.all()]
        marketplace_ids = [m.pk for m in self.marketplaces.all()]
        if not specialisation_ids and not marketplace_ids:
            return []
        candidates = (
            SuccessStoryPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .annotate(
                shared_specialisations=Count(
                    "specialisations",
                    filter=Q(specialisations__in=specialisation_ids),
                    distinct=True,
                ),
                shared_marketplaces=Count(
                    "marketplaces", filter=Q(marketplaces__in=marketplace_ids), distinct=True
                ),
            )
            .filter(Q(shared_specialisations__gt=0) | Q(shared_marketplaces__gt=0))
            .order_by(
                "-shared_specialisations", "-shared_marketplaces", "-first_published_at", "-pk"
            )
        )
        return list(candidates.with_card_data()[:limit])

    def get_context(self, request, *args, **kwargs):
        # Read once for the page and for finding related stories.
        prefetch_related_objects([self], "specialisations", "marketplaces")
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = self.related_stories()
        context["story_index"] = SuccessStoryIndexPage.objects.parent_of(self).first()
        return context
