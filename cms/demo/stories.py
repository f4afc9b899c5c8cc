"""The demo success stories: Arabic originals with English and French translations."""

from datetime import timedelta

from django.utils import timezone

from cms.demo import register_seeder
from cms.demo.site import (
    SOURCE_LANGUAGE,
    create_source,
    create_translated,
    demo_key,
    existing_pages,
    languages,
    stream,
)
from cms.demo.story_texts import STORIES
from cms.models import SuccessStoryPage


def story_fields(text):
    return {
        "title": text["title"],
        "person_name": text["person_name"],
        "city": text["city"],
        "intro": text["intro"],
        "figures": stream(
            ("figure", {"value": value, "label": label}) for value, label in text["figures"]
        ),
        "pull_quote": text["pull_quote"],
        "body": stream(text["body"]),
    }


@register_seeder("stories", order=40)
def seed_stories(ctx):
    """One page per story in every language, under each language's story index.

    Publication dates are spread a week apart so that feeds and "latest" lists have a
    meaningful order.
    """
    indexes = ctx.data["story_indexes"]
    reference = {
        "countries": ctx.data["countries"],
        "marketplaces": ctx.data["marketplaces"],
        "specialisations": ctx.data["specialisations"],
    }
    existing = existing_pages([demo_key(f"story:{story['key']}") for story in STORIES])
    now = timezone.now()
    for position, story in enumerate(STORIES):
        key = demo_key(f"story:{story['key']}")
        page = SuccessStoryPage(
            slug=story["slug"],
            locale=indexes[SOURCE_LANGUAGE].locale,
            translation_key=key,
            age=story["age"],
            country=reference["countries"].get(story["country"]) if story["country"] else None,
            months_to_first_earnings=story["months"],
            first_published_at=now - timedelta(weeks=position + 1),
            **story_fields(story[SOURCE_LANGUAGE]),
        )
        page.marketplaces = [reference["marketplaces"][slug] for slug in story["marketplaces"]]
        page.specialisations = [
            reference["specialisations"][slug] for slug in story["specialisations"]
        ]
        source = create_source(indexes[SOURCE_LANGUAGE], page, existing, ctx)
        create_translated(
            source, {code: story_fields(story[code]) for code in languages()}, existing, ctx
        )
