"""Which time zone to show someone times in: their profile's choice, or their browser's.

The profile's choice is Wagtail's user profile field (set in the admin's account
settings). It is read on every signed-in request, so it is kept in the shared cache
rather than costing a query each time, and forgotten when the profile is saved.
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


def profile_zone(user):
    """The zone chosen in ``user``'s profile, or ``None``."""
    key = cache_key(user.pk)
    name = cache.get(key)
    if name is None:
        from wagtail.users.models import UserProfile

        name = (
            UserProfile.objects.filter(user_id=user.pk)
            .values_list("current_time_zone", flat=True)
            .first()
        ) or ""
        cache.set(key, name, CACHE_SECONDS)
    return zone_named(name)


def forget(user_id):
    cache.delete(cache_key(user_id))
