"""Serving pages without walking the page tree on every request.

Wagtail finds the page for a URL by walking down from the site's root, two queries per
level (the child by slug, then its specific row): a lesson four levels down costs
about ten queries before anything is rendered. The first request for a URL takes that
walk; the page it found is remembered in the shared cache under the host, the
language and the path, so later requests load the page's specific row directly (one
query). What comes after routing is Wagtail's own: the ``on_serve_page`` and
``before_serve_page`` hooks (view restrictions among them) and ``page.serve``.

A remembered route is only a pointer. What can change *which* page a URL leads to, or
what its live row holds (publishing, unpublishing, moving, renaming, deleting a page,
editing a site), bumps a generation number that every entry carries, which retires them
all at once. Under the same number, each process keeps the live pages it has read in
its own memory (pickled, so no request sees another's changes to the object): a page is
read from the database once per process and publication. Saving a draft changes
only the page's bookkeeping columns (its latest revision, the draft title), never what
its live version shows. Only a page's own URL is remembered, never a routable page's
sub-views (its feeds).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms import generations, skeleton

GENERATION_KEY = generations.ROUTES
ROUTE_KEY = "cms:route:{generation}:{host}:{language}:{path}"
PAGE_KEY = "cms:live-page:{generation}:{page_id}"
MAX_PATH = 400


def generation():
    return generations.of(GENERATION_KEY)


def bump_generation(**kwargs):
    """Retire every remembered route (and what is keyed on the same generation)."""
    generations.bump(GENERATION_KEY)


def kept(name, compute):
    """``compute()``'s result, kept under ``name`` until the page tree changes.

    For what is the same for every reader but shows other pages or snippets (menus,
    translations, filters, the syllabus): publishing, moving or restricting a page,
    or editing a reference snippet, retires it.
    """
    return generations.kept(f"{name}:{generation()}", compute)


def _route_key(request, path):
    return ROUTE_KEY.format(
        generation=generation(), host=request.get_host(), language=get_language(), path=path
    )


def remembered_page(request, path):
    """The live page remembered for this URL, or None (unknown, stale or gone)."""
    if len(path) > MAX_PATH:
        return None
    key = _route_key(request, path)
    entry = generations.local.get(key) or cache.get(key)
    if not entry:
        return None
    generations.local.set(key, entry)
    content_type_id, page_id = entry
    page_key = PAGE_KEY.format(generation=generation(), page_id=page_id)
    page = generations.local.get(page_key)
    if page is not None:
        return page
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.filter(pk=page_id, live=True).first()
    if page is not None:
        generations.local.set(page_key, page)
    return page


def remember(request, path, page):
    if len(path) <= MAX_PATH:
        entry = (page.content_type_id, page.pk)
        key = _route_key(request, path)
        cache.set(key, entry, generations.KEPT_SECONDS)
        generations.local.set(key, entry)
        if page.live:
            generations.local.set(PAGE_KEY.format(generation=generation(), page_id=page.pk), page)


def _known_site(request):
    """Give Wagtail the request's site from the cache (``Site.find_for_request`` keeps
    it on the request as ``_wagtail_site``): page URLs need it, and it rarely changes.
    Both attributes are Wagtail's own per-request memos."""
    site = kept(f"cms:site:{request.get_host()}", lambda: (Site.find_for_request(request),))[0]
    if site is not None:
        request._wagtail_site = site
    # So are the sites' root paths, which every page URL is built from.
    request._wagtail_cached_site_root_paths = kept("cms:site-root-paths", Site.get_site_root_paths)


class KnownSiteMiddleware:
    """Every page request, not only a Wagtail page's, gets its site and the root paths
    from what is kept: page URLs on any view (the dashboard, the mentor queue) cost no
    query. The API is left alone: most of its answers hold no page URL, and a
    heartbeat should not pay for reading the generations."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            _known_site(request)
        return self.get_response(request)


def route(request, path):
    """``(page, args, kwargs)`` for the URL path, from memory or by Wagtail's walk.

    A remembered page is asked to route the empty remainder of the path, which is free:
    a plain page answers itself, a routable page (the story index) its main view.
    """
    page = remembered_page(request, path)
    if page is not None:
        return page.route(request, [])
    result = Page.route_for_request(request, path)
    if result is None:
        raise Http404
    page, args, kwargs = result
    if page.get_url(request=request) == request.path:
        # The URL is the page's own, not one of a routable page's sub-views.
        remember(request, path, page)
    return page, args, kwargs


def serve(request, path):
    """Wagtail's ``serve`` view, with the route found as above."""
    page, args, kwargs = route(request, path)

    def serve_chain(page, request, args, kwargs):
        return skeleton.serve(page, request, *args, **kwargs)

    from wagtail.wagtail_hooks import check_view_restrictions

    chain = serve_chain
    unrestricted = _outside_restrictions(page)
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        if unrestricted and wrap is check_view_restrictions:
            continue  # it would read the page's restrictions to find there are none
        chain = wrap(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def _outside_restrictions(page):
    """True when no view restriction can apply to the page: it is no alias and no
    restricted page is among its ancestors or itself (the paths are kept in the cache)."""
    from cms.querysets import restricted_paths

    if page.alias_of_id:
        return False
    return not any(page.path.startswith(path) for path in restricted_paths())


def _bump_on_commit(**kwargs):
    # Now, and again once committed: a request that read the old tree in between must
    # not leave its answer behind.
    bump_generation()
    transaction.on_commit(bump_generation)


for _signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    _signal.connect(_bump_on_commit, dispatch_uid=f"cms-routes-{_signal!r}")


@receiver(post_delete, sender=Page, dispatch_uid="cms-routes-page-deleted")
@receiver(post_save, sender=Site, dispatch_uid="cms-routes-site-saved")
@receiver(post_delete, sender=Site, dispatch_uid="cms-routes-site-deleted")
def _structure_changed(sender, **kwargs):
    _bump_on_commit()


# Names of the reference snippets appear in kept listings (the story filters), and the
# pricing calculator keeps the rates and each country's payout methods.
for _model in (
    "cms.Country",
    "cms.Marketplace",
    "cms.Specialisation",
    "cms.PayoutMethod",
    "cms.CountryPayoutMethod",
    "cms.ExchangeRate",
):
    post_save.connect(_structure_changed, sender=_model, dispatch_uid=f"cms-routes-{_model}-saved")
    post_delete.connect(
        _structure_changed, sender=_model, dispatch_uid=f"cms-routes-{_model}-deleted"
    )
