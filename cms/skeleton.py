"""A page's HTML rendered once for every reader, with each reader's parts filled in.

Most of a lesson page is the same for everyone who reads it: the head, the menus, the
breadcrumbs, the text and the video, the lesson navigation. The rest belongs to the
reader (the account links, the progress panel, a quiz with its CSRF token, the marks in
the syllabus, the messages); the templates wrap those parts in ``{% hole %}``.

The first request for a page renders the template once with every hole left as a
marker, and keeps the result, split at the markers, in this process's memory under the
page's published revision, the language, the host, the path and the content
generations (``cms.generations``): a key that names one version of the page for good,
so nothing needs invalidating. Every request, the first included, then renders only
the holes, with its own context, and joins them with the kept text. The HTML is the
same as a full render's (``tests/cms/test_skeleton.py`` compares them reader by
reader).

A hole is rendered with the full context of its own request, plus the values its tag
named (``{% hole lesson=lesson %}``), taken when the page was first rendered. Holes
must not sit inside a ``{% kept %}`` fragment or a cached StreamField block.
"""

import re
import secrets
from contextvars import ContextVar

from django.conf import settings
from django.template.context import make_context
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms import generations
from config.lru import LeastRecentlyUsed

_TOKEN = secrets.token_hex(6)
MARKER = "<!--hole:" + _TOKEN + ":{}-->"
_SPLIT = re.compile("<!--hole:" + _TOKEN + r":\d+-->")
KEPT_PAGES = 500

_recording = ContextVar("cms_skeleton_recording", default=None)


def recording():
    """True while a skeleton is being recorded: holes leave markers."""
    return _recording.get() is not None


def leave_hole(fill):
    """Record ``fill`` (a callable taking the request's context and returning HTML)
    as the next hole; returns its marker."""
    holes = _recording.get()
    holes.append(fill)
    return mark_safe(MARKER.format(len(holes) - 1))  # noqa: S308


# Skeletons hold compiled template nodes, so they stay in this process, never pickled.
skeletons = LeastRecentlyUsed(KEPT_PAGES)


def enabled():
    return getattr(settings, "BIDAYA_PAGE_SKELETONS", True)


def page_key(page, request, template_name):
    """The key of a page's skeleton, or None when the page must be rendered in full
    (a query string, a draft or preview)."""
    if request.GET or not page.pk or getattr(request, "is_preview", False):
        return None
    return (
        page.pk,
        page.live_revision_id,
        template_name,
        get_language(),
        request.get_host(),
        request.path,
        *generations.stamp(),
    )


class SkeletonResponse(TemplateResponse):
    """A ``TemplateResponse`` rendered from the kept skeleton under ``skeleton_key``."""

    def __init__(self, *args, skeleton_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.skeleton_key = skeleton_key

    @property
    def rendered_content(self):
        template = self.resolve_template(self.template_name)
        skeleton = skeletons.get(self.skeleton_key)
        if skeleton is None:
            token = _recording.set([])
            try:
                html = template.render(self.context_data, self._request)
                holes = _recording.get()
            finally:
                _recording.reset(token)
            skeleton = (_SPLIT.split(html), holes)
            skeletons.set(self.skeleton_key, skeleton)
        return fill(skeleton, template, self.context_data, self._request)


def fill(skeleton, template, context_data, request):
    texts, holes = skeleton
    engine_template = template.template
    context = make_context(context_data, request, autoescape=template.backend.engine.autoescape)
    parts = [texts[0]]
    with (
        context.render_context.push_state(engine_template),
        context.bind_template(engine_template),
    ):
        for fill_hole, text in zip(holes, texts[1:], strict=True):
            parts.append(str(fill_hole(context)))
            parts.append(text)
    return mark_safe("".join(parts))  # noqa: S308


def serve(page, request, *args, **kwargs):
    """``page.serve``, from a kept skeleton when the page's model asks for it (a
    ``kept_skeleton = True`` attribute: its template marks the reader's parts with
    ``{% hole %}``) and the request allows it."""
    if not getattr(page, "kept_skeleton", False) or not enabled():
        return page.serve(request, *args, **kwargs)
    request.is_preview = False
    template_name = page.get_template(request, *args, **kwargs)
    key = page_key(page, request, template_name)
    if key is None:
        return page.serve(request, *args, **kwargs)
    return SkeletonResponse(
        request,
        template_name,
        page.get_context(request, *args, **kwargs),
        skeleton_key=key,
    )
