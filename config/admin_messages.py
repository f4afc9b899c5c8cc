"""Wagtail's own admin strings whose Arabic (or French) in Wagtail's catalogues is
missing or wrong, retranslated in the project's catalogues.

The project's ``locale/`` directory comes first in ``LOCALE_PATHS``, and Django prefers
those catalogues to every app's, so a msgid of Wagtail's translated there replaces
Wagtail's translation. Nothing imports this module: it lists the msgids so that
``make messages`` (``makemessages --no-obsolete``) finds them in the project's code and
keeps their translations. Each must be spelled exactly as in Wagtail's source.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    # Draftail's toolbar and the keyboard shortcuts dialog: left in English in Arabic.
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    # The locked pages report's filter: missing in Arabic and French.
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    # A page's history: Wagtail's Arabic reads "creation date" (a column header) for the
    # "Created" action, and its titles in Latin quotes are reordered around Latin text.
    gettext_noop("Created"),
    gettext_noop("Renamed from '%(old)s' to '%(new)s'"),
    # The content checks panel and the autosave notice keep English words in Arabic.
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for '
        "more information on how content metrics are calculated."
    ),
    gettext_noop("Autosave is <span>paused</span>"),
)

# Plural entries whose Arabic forms are partly English.
PLURALS = (
    ngettext_lazy(
        "This action will delete <b>%(total_pages_formatted)s</b> page in total.",
        "This action will delete <b>%(total_pages_formatted)s</b> pages in total.",
        "total_pages_formatted",
    ),
    ngettext_lazy("Delete 1 image", "Delete %(counter)s images", "counter"),
    ngettext_lazy("Delete 1 user", "Delete %(counter)s users", "counter"),
    ngettext_lazy("Assign role to 1 user", "Assign role to %(counter)s users", "counter"),
)
