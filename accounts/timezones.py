"""Which time zone to show someone times in: their profile's choice, or their browser's.

The profile's choice is Wagtail's user profile field (set in the admin's account
settings). It is read on every signed-in page, so it travels with the signed-in user's
cached row (``accounts.sessions``, which reads it through the shared cache here when it
reads the row); saving the profile forgets both.
"""

import functools
import zoneinfo

from django.core.cache import cache

CACHE_SECONDS = 3600


@functools.cache
def known_zones():
    return frozenset(zoneinfo.available_timezones())


def zone_named(name):
    """The time zone of an IANA name, or ``None`` for anything else (never a file path)."""
    if not name or len(name) > 64 or name not in known_zones():
        return None
    return zoneinfo.ZoneInfo(name)


def cache_key(user_id):
    return f"accounts:tz:{user_id}"


# The name of the profile's zone ("" for none) on a user object that carries it.
ZONE_ATTRIBUTE = "_bidaya_zone_name"


def profile_zone(user):
    """The zone chosen in ``user``'s profile, or ``None``."""
    name = getattr(user, ZONE_ATTRIBUTE, None)
    if name is None:
        name = profile_zone_name(user.pk)
    return zone_named(name)


def profile_zone_name(user_id):
    """The IANA name chosen in the profile of the user ``user_id``, or ""."""
    key = cache_key(user_id)
    name = cache.get(key)
    if name is None:
        from wagtail.users.models import UserProfile

        name = (
            UserProfile.objects.filter(user_id=user_id)
            .values_list("current_time_zone", flat=True)
            .first()
        ) or ""
        cache.set(key, name, CACHE_SECONDS)
    return name


def forget(user_id):
    cache.delete(cache_key(user_id))
