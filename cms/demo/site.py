"""Locales, editorial setup, the page tree (home, story index, about, FAQ) and the Site.

Pages are recognised by a translation key derived from a fixed name, so a second run
finds them in one query whatever an editor has since renamed or moved.
"""

import uuid

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, Site, Workflow

from cms.demo import register_seeder
from cms.demo.texts import ABOUT, FAQ, HOME, STORY_INDEX
from cms.editorial import EDITORS, MODERATORS, WORKFLOW_NAME, ensure_editorial_setup
from cms.models import HomePage, StandardPage, SuccessStoryIndexPage

DEMO_NAMESPACE = uuid.UUID("5b0f3c1e-8d0a-4f62-9a57-0d7c2b1e4a90")
SOURCE_LANGUAGE = "ar"
SITE_HOSTNAME = "127.0.0.1"
SITE_PORT = 8000


def demo_key(name):
    """The translation key shared by a demo page and its translations."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


def languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def stream(items):
    """[(block_type, value), …] → the raw form a StreamField accepts."""
    return [{"type": block_type, "value": value} for block_type, value in items]


def existing_pages(keys):
    """{(translation_key, language_code): specific page} for the given keys."""
    pages = Page.objects.filter(translation_key__in=keys).select_related("locale").specific()
    return {(page.translation_key, page.locale.language_code): page for page in pages}


def publish(page, ctx):
    page.save_revision().publish()
    ctx.count("pages")
    ctx.data.setdefault("created_pages", []).append(page)
    return page


def create_translated(source, fields_by_language, existing, ctx):
    """The source page and one published translation per other content language.

    Translations are real copies (`copy_for_translation`) sharing the source's
    translation key, with their own texts set before publishing.
    """
    pages = {source.locale.language_code: source}
    locales = ctx.data["locales"]
    for code in languages():
        if code in pages:
            continue
        page = existing.get((source.translation_key, code))
        if page is None:
            page = source.copy_for_translation(locales[code])
            for name, value in fields_by_language[code].items():
                setattr(page, name, value)
            if source.first_published_at:
                page.first_published_at = source.first_published_at
            publish(page, ctx)
        pages[code] = page
    return pages


def create_source(parent, page, existing, ctx):
    found = existing.get((page.translation_key, SOURCE_LANGUAGE))
    if found is not None:
        return found
    parent.add_child(instance=page)
    return publish(page, ctx)


@register_seeder("editorial", order=10)
def seed_editorial(ctx):
    """Locales, then groups and workflow if missing. Provides ctx.data["locales"].

    An existing setup is left as the administrators shaped it.
    """
    ctx.data["locales"] = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in languages()
    }
    from django.contrib.auth.models import Group

    complete = (
        Workflow.objects.filter(name=WORKFLOW_NAME).exists()
        and Group.objects.filter(name__in=[EDITORS, MODERATORS]).count() == 2
    )
    if not complete:
        ensure_editorial_setup(django_apps)
        ctx.count("editorial setup")


def ensure_tree_root(locale):
    root = Page.get_first_root_node()
    if root is None:  # a flushed test database has no tree at all
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def home_fields(code):
    text = HOME[code]
    return {
        "title": text["title"],
        "intro": text["intro"],
        "body": text["body"],
        "tracks": stream(
            ("track", {"track": track, "title": title, "text": body, "page": None})
            for track, title, body in text["tracks"]
        ),
        "signup_title": text["signup_title"],
        "signup_text": text["signup_text"],
        "signup_button": text["signup_button"],
    }


def standard_fields(texts, code):
    return {
        "title": texts[code]["title"],
        "intro": texts[code]["intro"],
        "body": stream(texts[code]["body"]),
    }


@register_seeder("site", order=30)
def seed_site(ctx):
    """Home pages, story indexes and standard pages in every language, and the Site.

    Provides ctx.data["home_pages"] and ctx.data["story_indexes"], keyed by language.
    """
    locales = ctx.data["locales"]
    keys = {name: demo_key(name) for name in ("home", "stories", "about", "faq")}
    existing = existing_pages(keys.values())
    root = ensure_tree_root(locales[SOURCE_LANGUAGE])

    home = create_source(
        root,
        HomePage(
            slug="bidaya",
            locale=locales[SOURCE_LANGUAGE],
            translation_key=keys["home"],
            **home_fields(SOURCE_LANGUAGE),
        ),
        existing,
        ctx,
    )
    homes = create_translated(
        home, {code: home_fields(code) for code in languages()}, existing, ctx
    )

    index = create_source(
        home,
        SuccessStoryIndexPage(
            slug="stories",
            locale=locales[SOURCE_LANGUAGE],
            translation_key=keys["stories"],
            show_in_menus=True,
            **STORY_INDEX[SOURCE_LANGUAGE],
        ),
        existing,
        ctx,
    )
    indexes = create_translated(
        index, {code: STORY_INDEX[code] for code in languages()}, existing, ctx
    )

    for name, slug, texts in (("about", "about", ABOUT), ("faq", "faq", FAQ)):
        page = create_source(
            home,
            StandardPage(
                slug=slug,
                locale=locales[SOURCE_LANGUAGE],
                translation_key=keys[name],
                show_in_menus=True,
                **standard_fields(texts, SOURCE_LANGUAGE),
            ),
            existing,
            ctx,
        )
        create_translated(
            page, {code: standard_fields(texts, code) for code in languages()}, existing, ctx
        )

    ensure_site(home, ctx)
    ctx.data.update(home_pages=homes, story_indexes=indexes)


def ensure_site(home, ctx):
    """Serve the Arabic home page (and, through it, its translations) on 127.0.0.1:8000.

    Wagtail's out-of-the-box Site (localhost:80 on a "Welcome" page) is taken over;
    a Site an administrator configured is left alone except for being made the default.
    """
    site = (
        Site.objects.filter(hostname=SITE_HOSTNAME, port=SITE_PORT).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        site = Site(hostname=SITE_HOSTNAME, port=SITE_PORT, root_page=home, site_name="Bidaya")
    changed = site.pk is None
    if (site.hostname, site.port) == ("localhost", 80):
        site.hostname, site.port, changed = SITE_HOSTNAME, SITE_PORT, True
    if site.root_page_id != home.pk and not isinstance(site.root_page.specific, HomePage):
        site.root_page, changed = home, True
    if not site.site_name:
        site.site_name, changed = "Bidaya", True
    if not site.is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site.is_default_site, changed = True, True
    if changed:
        site.save()
        ctx.count("sites")
    # The plain "Welcome to Wagtail" page is now unreachable and only confuses editors.
    welcome = Page.objects.filter(
        depth=2,
        numchild=0,
        content_type=ContentType.objects.get_for_model(Page),
        sites_rooted_here__isnull=True,
    )
    for page in welcome:
        page.delete()
        ctx.count("placeholder pages removed")
