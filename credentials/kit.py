"""The marketplace kit's lines: plain text cut to the fields each marketplace's profile
really has, in the learner's languages, with the month said the way each language
says it ("in December 2026", "في ديسمبر 2026").

Khamsat, Mostaql and Ureed profiles have a bio and portfolio entries (a title, a
description, a link); Upwork, Fiverr and Freelancer.com have a certifications section
(name, issuer, date, link); LinkedIn has its own "Add licence or certification" form
(the "Add to LinkedIn" button) whose fields are the same. None of them shows HTML in
these fields, so the kit gives HTML only for a site of the learner's own.
"""

from datetime import datetime

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

BIO = "bio"
PORTFOLIO = "portfolio"
CERTIFICATE = "certificate"

FIELDS_BY_MARKETPLACE = {
    "khamsat": (BIO, PORTFOLIO),
    "mostaql": (BIO, PORTFOLIO),
    "ureed": (BIO, PORTFOLIO),
    "upwork": (BIO, CERTIFICATE),
    "fiverr": (BIO, CERTIFICATE),
    "freelancer-com": (BIO, CERTIFICATE),
    "linkedin": (CERTIFICATE,),
}
DEFAULT_FIELDS = (BIO,)


def shows_html(slug):
    """Whether the kit offers an HTML snippet: only for a page the learner writes herself."""
    return slug not in FIELDS_BY_MARKETPLACE


def month(issued_on):
    """``December 2026`` in the active language."""
    if isinstance(issued_on, datetime):
        issued_on = issued_on.date()
    return date_format(issued_on, "YEAR_MONTH_FORMAT")


def in_month(issued_on):
    """``in December 2026`` / ``في ديسمبر 2026`` / ``en décembre 2026``."""
    return pgettext("badge earned", "in %(month)s") % {"month": month(issued_on)}


def lines(slug, language, *, badge, issuer, url, issued_on):
    """``[(label, text), …]`` for ``slug``'s profile fields, written in ``language``."""
    with translation.override(language):
        values = {"badge": badge, "issuer": issuer, "url": url, "when": in_month(issued_on)}
        result = []
        for field in FIELDS_BY_MARKETPLACE.get(slug, DEFAULT_FIELDS):
            if field == BIO:
                result.append(
                    (
                        gettext("Bio line"),
                        gettext(
                            "Holder of the “%(badge)s” badge from %(issuer)s, "
                            "earned %(when)s: %(url)s"
                        )
                        % values,
                    )
                )
            elif field == PORTFOLIO:
                result += [
                    (gettext("Portfolio title"), gettext("“%(badge)s” badge, %(issuer)s") % values),
                    (
                        gettext("Portfolio description"),
                        gettext("Earned %(when)s. Anyone can check it here: %(url)s") % values,
                    ),
                    (gettext("Portfolio link"), url),
                ]
            else:
                result += [
                    (gettext("Certificate name"), badge),
                    (gettext("Issued by"), issuer),
                    (gettext("Date issued"), month(issued_on)),
                    (gettext("Certificate link"), url),
                ]
        return result
