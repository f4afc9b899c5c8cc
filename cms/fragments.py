"""A page's StreamField rendered once per version of each block and language.

Rendering a StreamField costs template work and queries for what its blocks point at
(a video and its renditions, images, snippets). None of it depends on who reads the
page, so each block's HTML is kept in the shared cache under the page, a digest of the
block's stored JSON and the language: any edit of a block changes its key, however the
page was saved (a published revision, a script), so nothing is invalidated by hand.
Blocks whose HTML depends on the reader (a quiz or an assignment form with its CSRF
token, a calculator showing what was typed) are named by the template and rendered on
every request, or, when they depend only on the kind of reader (``reader_kind``), once
per kind with each request's CSRF token put in.

Things a block shows that live outside the page (a video finishing its transcode, a
new caption) bump a generation stored beside the fragments (``bump_generation``, called
by the apps that own those things); a fragment of an older generation is rendered anew.
"""

import hashlib
import json
import secrets

from django.middleware.csrf import get_token
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
            fill = _live_block(render_one, stream[index], css_class, (page.pk, digest(raw[index])))
            parts.append(skeleton.leave_hole(fill))
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


# Where a kept rendering of a reader's block holds the CSRF token of each request.
_TOKEN_MARK = "csrf" + secrets.token_hex(12)


def _live_block(render, child, css_class, version):
    """The hole of a reader's block.

    A block whose HTML depends on its reader only through a few kinds of readers (a
    quiz: signed in or not) names the kind with ``reader_kind(context)``; it is rendered
    once per kind and version of the block in this process, with a mark where each
    request's CSRF token goes. Other blocks are rendered for every request.
    """
    kind_of = getattr(child.block, "reader_kind", None)

    def fill(request_context):
        kind = kind_of(request_context) if kind_of is not None else None
        if kind is None:
            return render(child, request_context.flatten(), css_class)
        key = "cms:reader-block:{}:{}:{}:{}:{}".format(
            *version, get_language(), ":".join(map(str, generations.stamp())), kind
        )
        html = generations.local.get(key)
        if html is None:
            flat = request_context.flatten()
            flat["csrf_token"] = _TOKEN_MARK
            html = render(child, flat, css_class)
            generations.local.set(key, html)
        if _TOKEN_MARK in html:
            html = html.replace(_TOKEN_MARK, get_token(request_context.get("request")))
        return html

    return fill


def remember(key, compute, seconds=FRAGMENT_SECONDS):
    """``compute()``'s result kept under ``key`` until the generation moves on.

    For other content-derived values that blocks' outside things can change (the
    player's settings for a lesson's videos): the key should include ``digest`` of
    the data the value is computed from.
    """
    return generations.kept(f"{key}:{generations.of(GENERATION_KEY)}", compute, seconds)
