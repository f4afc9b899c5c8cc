"""Per-user rate limits in the shared cache (Redis in production).

A fixed window counted atomically in the cache (``config.cache.count``): two
requests at the same instant both count, which a read-modify-write of a timestamp
list would not guarantee across several web processes. The rate is read from
settings at each request, so operators and tests can change it.
"""

import time

from ninja.throttling import BaseThrottle

from django.conf import settings

from config import cache as counters

PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600}


def parse_rate(rate):
    """``"60/m"`` → ``(60, 60)``; ``"10/30s"`` → ``(10, 30)``; ``""`` → no limit."""
    if not rate:
        return None
    count, _slash, period = str(rate).partition("/")
    period = period.strip() or "m"
    digits = "".join(ch for ch in period if ch.isdigit())
    unit = period[len(digits) :] or "s"
    seconds = int(digits or 1) * PERIODS[unit]
    return int(count), seconds


class UserRateThrottle(BaseThrottle):
    """``scope`` names the setting (``BIDAYA_RATE_<SCOPE>``) that holds the rate."""

    def __init__(self, scope, default):
        self.scope = scope
        self.default = default
        self._wait = None

    def rate(self):
        return parse_rate(getattr(settings, f"BIDAYA_RATE_{self.scope.upper()}", self.default))

    def allow_request(self, request):
        limit = self.rate()
        user = getattr(request, "user", None)
        if limit is None or user is None or not user.is_authenticated:
            return True
        count, window = limit
        now = time.time()
        index = int(now // window)
        key = f"accounts:rate:{self.scope}:{user.pk}:{index}"
        used = counters.count(key, window + 1)
        if used > count:
            self._wait = (index + 1) * window - now
            return False
        return True

    def wait(self):
        return self._wait


heartbeat_throttle = UserRateThrottle("heartbeat", "60/m")
write_throttle = UserRateThrottle("write", "30/m")
