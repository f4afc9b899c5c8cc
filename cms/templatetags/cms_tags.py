from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from config.i18n import switch_language_url

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in every other language.

    A Wagtail page links to its translation (falling back to that language's home page
    when no translation exists yet); any other view keeps its path under the new prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request=request)
        elif isinstance(page, Page):
            url = f"/{code}/"
        elif request is not None:
            url = switch_language_url(request.get_full_path(), current, code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links, "current": current}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages of the current language's home page that are shown in menus."""
    request = context.get("request")
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return []
    site_root = None
    if request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is not None:
            site_root = site.root_page.get_translation_or_none(locale) or site.root_page
    if site_root is None:
        return []
    current_path = request.path if request is not None else ""
    items = []
    for child in site_root.get_children().live().in_menu().specific():
        url = child.get_url(request=request)
        items.append(
            {"title": child.title, "url": url, "active": bool(url) and current_path.startswith(url)}
        )
    return items
