"""Page querysets whose ``public()`` costs no query.

Wagtail's ``public()`` reads every view restriction from the database each time it is
called, so a page that lists lessons, courses and a catalogue link pays one query per
list. Restrictions change rarely; here their page paths are kept in the shared cache,
under the generation that ``cms.routing`` bumps when the page tree or a restriction
changes.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from cms import routing


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are private)."""
    return routing.kept(
        "cms:restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


class SitePageQuerySet(PageQuerySet):
    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="cms-restrictions-saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="cms-restrictions-deleted")
def restrictions_changed(sender, **kwargs):
    routing.bump_generation()


SitePageManager = PageManager.from_queryset(SitePageQuerySet)
