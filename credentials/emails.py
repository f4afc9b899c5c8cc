"""The "you earned a badge" e-mail, sent through the outbox.

``credentials.awarding.announce`` writes an ``OutboxEmail`` of kind ``badge_awarded``;
the outbox renders it with the builder registered here and the templates
``templates/notifications/email/<lang>/badge_awarded.*``, and retries a failed send like any
other e-mail. A badge revoked before the e-mail left is not announced.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from credentials.models import BadgeAward
from notifications.models import OutboxEmail
from notifications.outbox import CONTEXT_BUILDERS

from . import site


def badge_awarded_context(row, context):
    award = (
        BadgeAward.objects.select_related("badge_class").filter(pk=row.data.get("award")).first()
    )
    if award is None or award.is_revoked:
        return None
    badge_class = award.badge_class
    with translation.override(row.language):
        verify_page = site.absolute(reverse("badge_pages:verify", args=[award.uuid]))
        profile_page = site.absolute(reverse("badge_pages:profile"))
    context.update(
        {
            "award": award,
            "badge_name": badge_class.name_for(row.language),
            "badge_description": badge_class.description_for(row.language),
            "reason": award.reason,
            "url": verify_page,
            "share_url": site.verify_url(award),
            "image_url": site.class_image_url(badge_class),
            "profile_url": profile_page,
            "issuer_name": settings.BIDAYA_BADGE_ISSUER_NAME,
        }
    )
    return context


CONTEXT_BUILDERS[OutboxEmail.Kind.BADGE_AWARDED] = badge_awarded_context
