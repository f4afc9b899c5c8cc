"""The installable app: the web app manifest, the service worker and the offline page.

The worker is a small hand-written script (``templates/cms/app/sw.js``) rendered by a
view at ``/sw.js``, so that its scope is the whole site and the static addresses it
precaches are the ones this deployment serves (hashed names in production). Its
version is a digest of what it precaches and of its own text: any change to either
makes browsers install a new worker, which waits until the learner accepts the "new
version" prompt (``static/js/app/shell.js``).
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

THEME_COLOUR = "#0f766e"
BACKGROUND_COLOUR = "#fbfaf7"

# What every page needs to render offline: styles, the fonts they name, the scripts of
# the site and of the lesson page, and the app's icon. The lesson videos' player
# library is not here: it is saved with each lesson (a learner who never saves one
# never downloads it twice).
SHELL_FILES = (
    "css/bidaya.css",
    "fonts/plex-arabic-400.woff2",
    "fonts/plex-latin-400.woff2",
    "fonts/plex-arabic-700.woff2",
    "fonts/plex-latin-700.woff2",
    "js/words.js",
    "js/timezone.js",
    "js/app/outbox.js",
    "js/app/shell.js",
    "js/app/saved.js",
    "js/app/saved-ui.js",
    "js/app/draft.js",
    "js/quiz.js",
    "js/lesson-status.js",
    "js/player/core.js",
    "js/player/engine.js",
    "js/player/heartbeats.js",
    "js/player/player.js",
    "js/player/boot.js",
    "img/app/icon-192.png",
)
OUTBOX_SCRIPT = "js/app/outbox.js"
VERSION_MARK = "__BIDAYA_VERSION__"


def shell_files():
    """The shell's static paths that exist in this checkout (the player may be split)."""
    return [path for path in SHELL_FILES if finders.find(path)]


def offline_urls():
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(reverse("offline"))
    return urls


def _digest(paths):
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode())
        with open(finders.find(path), "rb") as handle:
            digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _kept_digest(paths):
    return _digest(paths)


def worker_source():
    paths = tuple(shell_files())
    files_digest = _digest(paths) if settings.DEBUG else _kept_digest(paths)
    context = {
        "precache": json.dumps([static(path) for path in paths] + offline_urls()),
        "offline_pages": json.dumps(offline_urls()),
        "outbox_url": json.dumps(static(OUTBOX_SCRIPT)),
        "languages": json.dumps([code for code, _name in settings.LANGUAGES]),
        "static_url": settings.STATIC_URL,
        "version": VERSION_MARK,
    }
    text = render_to_string("cms/app/sw.js", context)
    version = hashlib.sha256((files_digest + text).encode()).hexdigest()[:12]
    return text.replace(VERSION_MARK, json.dumps(version))


@require_GET
def service_worker(request):
    """``/sw.js``: the site's service worker, scoped to the whole site.

    Browsers check it for updates on navigation regardless of caching; ``no-cache``
    makes every check reach the server, so a deployment is noticed at once.
    """
    response = HttpResponse(worker_source(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request):
    """The web app manifest in the page's language (Arabic first: right to left)."""
    language = get_language()
    data = {
        "id": "/",
        "name": _("Bidaya — learn to freelance"),
        "short_name": _("Bidaya"),
        "description": _("Short courses on pitching, pricing and specialising, offline too."),
        "lang": language,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static("img/app/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/app/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("img/app/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def offline(request):
    """What a page without a connection shows, and where saved lessons are managed.

    The worker keeps one copy per language, fetched without cookies, so the copy is
    the same for everyone; the list of saved lessons is drawn by the script from what
    this device holds.
    """
    return HttpResponse(render_to_string("cms/app/offline.html", request=request))
