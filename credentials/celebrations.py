"""The badge a learner just earned, celebrated on the spot.

Finishing a course or having work approved awards a badge (often a moment later, from
a task). The next lesson page the learner sees, or the lesson page she is on when its
status box learns the lesson is done (``static/js/lesson-status.js``), shows a panel
with the badge, "Add to LinkedIn", the marketplace kit and the verification page; each
award is celebrated once (``BadgeAward.celebrated_at``), so the panel is news, never
furniture. The lesson page asks through the learning app's ``CELEBRATIONS_HOOK``.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from config.prepared import Prepared
from credentials import site
from credentials.models import BadgeAward, LearnerProfile
from credentials.views.badges import public_links, sharing

AT_ONCE = 3

# Asked on every lesson page, where the answer is nearly always "none".
_WAITING = Prepared(
    lambda user_id: (
        BadgeAward.objects.valid()
        .filter(recipient_id=user_id, celebrated_at__isnull=True)
        .order_by("-awarded_at", "-pk")
        .values_list("pk", flat=True)[:AT_ONCE]
    ),
    user_id=int,
)


def pending(user):
    """The learner's valid awards not yet celebrated, newest first (one query when
    there are none, two when there are)."""
    if user is None or not user.is_authenticated:
        return []
    waiting = _WAITING(user_id=user.pk)
    if not waiting:
        return []
    rows = BadgeAward.objects.filter(pk__in=waiting).select_related("badge_class")
    return list(rows.order_by("-awarded_at", "-pk"))


def panel(user, request):
    """The panel's HTML for the awards waiting to be celebrated ("" when none), which
    are marked celebrated: the learner sees each one once."""
    awards = pending(user)
    if not awards:
        return ""

    language = get_language()
    profile = LearnerProfile.objects.filter(user=user).first()
    links = public_links(profile, language)
    cards = []
    for award in awards:
        linkedin_url, kits = sharing(award, language, links)
        cards.append(
            {
                "award": award,
                "name": award.badge_class.name_for(language),
                "image_url": site.class_image_url(award.badge_class),
                "verify_url": site.verify_url(award),
                "linkedin_url": linkedin_url,
                "kits": kits,
            }
        )
    html = render_to_string(
        "credentials/badges/celebration.html",
        {"cards": cards, "has_links": bool(links)},
        request=request,
    )
    BadgeAward.objects.filter(pk__in=[a.pk for a in awards]).update(celebrated_at=timezone.now())
    return html
