"""A count's sentence in every plural form of the page's language, for scripts.

Scripts pick the form with the browser's ``Intl.PluralRules`` and fill in
``%(counter)s``; gettext picks the same form for the sample number of each category in
ar, en and fr, so an Arabic count reads as the server would write it.
"""

from django.utils.translation import ngettext

# A number in each plural category of the Unicode plural rules.
PLURAL_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def plural_forms(singular, plural):
    """``{"zero": …, "one": …, "two": …, "few": …, "many": …, "other": …}``."""
    return {name: ngettext(singular, plural, n) for name, n in PLURAL_SAMPLES.items()}
