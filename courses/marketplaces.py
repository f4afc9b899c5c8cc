"""Marketplace data the pricing calculator offers, read from the cms snippet."""

from cms.models import Marketplace


def marketplace_options(marketplaces=None, *, language):
    """``[(slug, name, commission_percent)]`` for the given marketplaces, or all of them.

    Editors pick marketplaces per calculator; when they pick none, every marketplace with
    a commission on record is offered, in the snippet's order.
    """
    if marketplaces is None:
        marketplaces = Marketplace.objects.all()
    return [
        (m.slug, m.name_for(language), m.commission_percent)
        for m in marketplaces
        if m.commission_percent is not None
    ]
