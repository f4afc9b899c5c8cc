"""Moving a visitor between language prefixes without losing their place."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.urls import translate_url


def _swap_prefix(path, current, code):
    prefix = f"/{current}/"
    if current and path.startswith(prefix):
        return f"/{code}/{path[len(prefix) :]}"
    return None


def switch_language_url(full_path, current, code):
    """``full_path`` (path and query) as it reads under the ``code`` prefix.

    Django's ``translate_url`` only knows paths that resolve, so a 404 page would link
    to itself; there the prefix is swapped directly. A ``next`` parameter pointing at
    the current language follows the switch too, so logging in after switching lands
    in the chosen language.
    """
    if code not in dict(settings.LANGUAGES):
        return f"/{settings.LANGUAGE_CODE}/"
    url = translate_url(full_path, code)
    parts = urlsplit(url)
    path = parts.path
    if url == full_path and code != current:
        path = _swap_prefix(path, current, code) or f"/{code}/"
    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True)
    switched = [
        (key, (_swap_prefix(value, current, code) or value) if key == "next" else value)
        for key, value in pairs
    ]
    if switched != pairs:
        query = urlencode(switched, safe="/")
    return urlunsplit(("", "", path, query, parts.fragment))


def isolate(value):
    """``value`` set apart from the sentence around it, for plain text.

    An address, a marketplace's Latin name or a file type inside an Arabic sentence
    is reordered by the bidirectional algorithm together with the punctuation next to
    it ("khamsat.com." shows as ".khamsat.com"). In pages ``<bdi>`` isolates it; in
    text that is not HTML (form errors, flash messages, API problems, plain-text
    e-mails) the Unicode first-strong isolate and its closing mark do the same, and
    show as nothing.
    """
    return f"\u2068{value}\u2069"
