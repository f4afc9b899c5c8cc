"""A page's StreamField rendered once per version of each block and language.

Rendering a StreamField costs template work and queries for what its blocks point at
(a video and its renditions, images, snippets). None of it depends on who reads the
page, so each block's HTML is kept in the shared cache under the page, a digest of the
block's stored JSON and the language: any edit of a block changes its key, however the
page was saved (a published revision, a script), so nothing is invalidated by hand.
Blocks whose HTML depends on the reader (a quiz or an assignment form with its CSRF
token, a calculator showing what was typed) are named by the template and rendered on
every request.

Things a block shows that live outside the page (a video finishing its transcode, a
new caption) bump a generation stored beside the fragments (``bump_generation``, called
by the apps that own those things); a fragment of an older generation is rendered anew.
"""

import hashlib
import json

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms import generations, skeleton

GENERATION_KEY = generations.FRAGMENTS
BLOCK_KEY = "cms:block:{generation}:{page}:{language}:{digest}"
FRAGMENT_SECONDS = 7 * 24 * 3600


def bump_generation():
    generations.bump(GENERATION_KEY)


def digest(data):
    """A short, stable digest of JSON-like data (a block's stored value)."""
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def render_stream(context, page, stream, live_types=(), css_class=""):
    """The blocks of ``stream`` (a field of ``page``), each in a ``<div>`` of
    ``css_class`` when one is given.

    Blocks of ``live_types`` are rendered now with ``context``; the others are kept
    (``cms.generations``).
    """
    raw = list(stream.raw_data)
    language = get_language() or ""
    keys = {}
    if page.pk:
        current = generations.of(GENERATION_KEY)
        keys = {
            BLOCK_KEY.format(
                generation=current, page=page.pk, language=language, digest=digest(item)
            ): index
            for index, item in enumerate(raw)
            if item.get("type") not in live_types
        }

    def render(index):
        return render_one(stream[index], context, css_class)

    found = generations.kept_many(
        list(keys), lambda missing: {key: render(keys[key]) for key in missing}, FRAGMENT_SECONDS
    )
    by_index = {index: found[key] for key, index in keys.items()}
    parts = []
    for index in range(len(raw)):
        if index in by_index:
            parts.append(by_index[index])
        elif skeleton.recording():
            # The reader's own block: rendered with each request's context.
            parts.append(skeleton.leave_hole(_live_block(render_one, stream[index], css_class)))
        else:
            parts.append(render(index))
    return format_html_join("\n", "{}", ((mark_safe(part),) for part in parts))  # noqa: S308


def render_one(child, context, css_class=""):
    html = child.render(context=context)
    if css_class:
        html = format_html(
            '<div class="{} {}--{}">{}</div>', css_class, css_class, child.block_type, html
        )
    return str(html)


def _live_block(render, child, css_class):
    return lambda request_context: render(child, request_context.flatten(), css_class)


def remember(key, compute, seconds=FRAGMENT_SECONDS):
    """``compute()``'s result kept under ``key`` until the generation moves on.

    For other content-derived values that blocks' outside things can change (the
    player's settings for a lesson's videos): the key should include ``digest`` of
    the data the value is computed from.
    """
    return generations.kept(f"{key}:{generations.of(GENERATION_KEY)}", compute, seconds)
