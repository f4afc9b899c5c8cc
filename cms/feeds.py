"""RSS 2.0 and Atom feeds of a story index, one per language.

Each index page serves its own feeds (`feed/rss/`, `feed/atom/`), so the Arabic feed
lists Arabic stories and the English feed their English translations.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

FEED_ITEMS = 20


class StoryRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.request = None
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, index):
        return f"{index.title} · {gettext('Bidaya')}"

    def link(self, index):
        return index.get_url(request=self.request)

    def description(self, index):
        return index.intro or gettext("Success stories of online freelancers")

    def feed_url(self, index):
        return self.request.path

    def items(self, index):
        return index.stories().with_card_data().order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        parts = [story.intro]
        parts += [
            f"{block.value['value']} {block.value['label']}"
            for block in story.figures
            if block.block_type == "figure"
        ]
        if story.pull_quote:
            parts.append(f"« {story.pull_quote} »")
        return "\n\n".join(part for part in parts if part)

    def item_link(self, story):
        return story.get_url(request=self.request)

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at

    def item_categories(self, story):
        names = [s.name for s in story.specialisations.all()]
        names += [m.name for m in story.marketplaces.all()]
        if story.country_id:
            names.append(story.country.name)
        return names


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
