from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.base import token_kwargs
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site

from cms import app, routing, skeleton
from cms.editorial import edits_pages
from cms.fragments import render_stream
from cms.plurals import plural_forms
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
    translations = page_translation_urls(page, request) if isinstance(page, Page) else {}
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
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
    if request is None:
        return []
    entries = routing.kept(
        f"cms:menu:{request.get_host()}:{get_language()}", lambda: _menu_entries(request)
    )
    current_path = request.path
    return [
        {"title": title, "url": url, "active": bool(url) and current_path.startswith(url)}
        for title, url in entries
    ]


def _menu_entries(request):
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return []
    site = Site.find_for_request(request)
    if site is None:
        return []
    site_root = site.root_page.get_translation_or_none(locale) or site.root_page
    return [
        (child.title, child.get_url(request=request))
        for child in site_root.get_children().live().in_menu().specific()
    ]


def page_translation_urls(page, request):
    """``{language: url}`` of the page's live translations, itself included; kept until
    the page tree changes (``cms.routing``)."""
    host = request.get_host() if request is not None else ""
    return routing.kept(
        f"cms:translations:{page.pk}:{host}",
        lambda: {
            translation.locale.language_code: translation.get_url(request=request)
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        },
    )


@register.simple_tag(takes_context=True)
def stream_blocks(context, page, field="body", live="", css_class=""):
    """A page's StreamField, each block from the fragment cache unless its type is
    listed in ``live`` (space-separated), which are rendered for this reader."""
    stream = getattr(page, field)
    return render_stream(context.flatten(), page, stream, set(live.split()), css_class)


@register.simple_tag(takes_context=True)
def shows_userbar(context):
    """Wagtail's editing bar is for people who edit pages; learners skip its checks."""
    request = context.get("request")
    return edits_pages(getattr(request, "user", None))


class KeptNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        values = ":".join(str(part.resolve(context)) for part in self.parts)
        key = f"cms:kept:{self.name}:{get_language()}:{values}"
        return mark_safe(routing.kept(key, lambda: str(self.nodelist.render(context))))  # noqa: S308


@register.tag
def kept(parser, token):
    """``{% kept name part… %}…{% endkept %}``: the enclosed HTML, the same for every
    reader, kept under its name, the parts, the language and the page tree's
    generation (in this process's memory, then the shared cache)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


class HoleNode(template.Node):
    def __init__(self, nodelist, extra):
        self.nodelist, self.extra = nodelist, extra

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.extra.items()}

        def fill(request_context):
            with request_context.push(**values):
                return self.nodelist.render(request_context)

        if skeleton.recording():
            return skeleton.leave_hole(fill)
        return fill(context)


@register.tag
def hole(parser, token):
    """``{% hole name=value… %}…{% endhole %}``: a part of the page that belongs to
    its reader, rendered for every request even when the rest of the page is kept
    (``cms.skeleton``). The named values are taken where the tag stands."""
    bits = token.split_contents()[1:]
    extra = token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError("{% hole %} takes only name=value arguments")
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(nodelist, extra)


@register.simple_tag(takes_context=True)
def return_here(context):
    """``?next=<this page>`` for the header's log-in and sign-up links, so the visitor
    comes back to the course or lesson she was reading; nothing on the account pages
    themselves (logging in from the login page has nowhere better to return to)."""
    request = context.get("request")
    if request is None or request.method != "GET":
        return ""
    segments = request.path.strip("/").split("/")
    if "accounts" in segments[:2] or request.path.rstrip("/") in ("", f"/{segments[0]}"):
        return ""
    return "?" + urlencode({"next": request.get_full_path()})


@register.inclusion_tag("cms/app/head.html")
def app_head():
    """The manifest, the theme colour, the icons and the app's scripts (static/js/app/)."""
    return {"theme_colour": app.THEME_COLOUR}


@register.inclusion_tag("cms/app/body.html")
def app_body():
    """The bar that tells about progress waiting to sync and offers a new version."""
    return {"strings": app_strings()}


_APP_STRINGS = {}


def app_strings():
    """The app scripts' words in the current language, built once per language."""
    language = get_language()
    if language not in _APP_STRINGS:
        _APP_STRINGS[language] = _app_strings()
    return _APP_STRINGS[language]


def _app_strings():
    return {
        "waiting": plural_forms(
            "%(counter)s update waiting to sync", "%(counter)s updates waiting to sync"
        ),
        "offline": _(
            "You are offline: your progress is kept on this device and sent when you reconnect."
        ),
        "synced": _("Your offline progress went through at %(time)s."),
        "refused": _("Not counted: %(detail)s"),
        # Saving lessons for offline (static/js/app/saved.js).
        "sizeLine": _("About %(size)s MB to download."),
        "saving": _("Saving… %(done)s of %(total)s files."),
        "saved": _("Saved on this device: %(size)s MB."),
        "savedAt": _("Saved for offline (%(quality)s, %(size)s MB)."),
        "savedPill": _("Saved for offline"),
        "savedLessons": plural_forms(
            "%(counter)s lesson saved for offline", "%(counter)s lessons saved for offline"
        ),
        "usage": _("Saved lessons use %(used)s MB on this device."),
        "noSpace": _(
            "There is not enough space on this device: saving needs %(need)s MB and "
            "%(free)s MB is free. Remove saved lessons or choose a lower quality."
        ),
        "quotaFull": _(
            "This device ran out of space while saving, so nothing was kept. Remove "
            "saved lessons or choose a lower quality."
        ),
        "saveFailed": _("Saving stopped: the connection dropped. Try again when you are online."),
        "removed": _("Removed from this device."),
        "remove": _("Remove"),
        "notSaved": _("You are offline and this page is not saved on this device."),
        "audio": _("Sound only"),
        "megabytes": _("%(size)s MB"),
        "draftQueued": _(
            "You are offline: your draft is kept on this device and saved when you "
            "reconnect. Hand it in once you are back online."
        ),
    }
