"""Demo content for `manage.py seed_demo`, and the hook other apps extend it with.

`seed_demo` runs every registered *seeder* in order. A seeder is a callable taking a
`SeedContext`; it must be idempotent (create what is missing, never duplicate, never
overwrite what an editor changed) and cheap when everything already exists, because
`make run` seeds on every start.

Another app adds its demo data by writing a `demo.py` module (found automatically,
like `admin.py`)::

    # courses/demo.py
    from cms.demo import register_seeder

    @register_seeder("courses", order=50)
    def seed_courses(ctx):
        home = ctx.data["home_pages"]["ar"]  # published by the "site" seeder
        ...

Orders used here: 10 editorial setup, 20 reference data, 30 site pages, 40 stories,
90 accounts, 95 moderation. Seeders share results through `ctx.data` (see each seeder's docstring).
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import autodiscover_modules

_SEEDERS = {}


@dataclass
class SeedContext:
    stdout: Any
    style: Any
    verbosity: int = 1
    data: dict = field(default_factory=dict)
    created: dict = field(default_factory=dict)

    def count(self, what, number=1):
        self.created[what] = self.created.get(what, 0) + number

    def log(self, message):
        if self.verbosity >= 2:
            self.stdout.write(message)


def register_seeder(name, *, order=100):
    """Register `func` as the seeder called `name` (re-registering replaces it)."""

    def decorator(func):
        _SEEDERS[name] = (order, func)
        return func

    return decorator


def get_seeders():
    """Every registered seeder as (name, func), in order."""
    autodiscover_modules("demo")
    return [
        (name, func)
        for name, (order, func) in sorted(_SEEDERS.items(), key=lambda item: (item[1][0], item[0]))
    ]


# The cms seeders register themselves on import.
from cms.demo import accounts, moderation, payouts, reference, site, stories  # noqa: E402, F401
