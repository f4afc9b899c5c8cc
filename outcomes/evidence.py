"""A learner's verified results as evidence on her badges and her public profile.

Registered into ``credentials.evidence`` (this app sits above credentials, which
never imports it). Only outcomes an editor verified and she chose to show.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from outcomes.models import Outcome


def _money(outcome):
    if outcome.amount is None:
        return ""
    return f"{formats.number_format(outcome.amount, decimal_pos=2)} {outcome.currency}"


def entry(outcome, language):
    with translation.override(language):
        marketplace = outcome.marketplace.name_for(language) if outcome.marketplace else ""
        if outcome.kind == Outcome.Kind.FIRST_CLIENT:
            name = (
                _("First client on %(marketplace)s") % {"marketplace": marketplace}
                if marketplace
                else _("First client")
            )
            narrative = _("On %(date)s.") % {
                "date": formats.date_format(outcome.happened_on, "DATE_FORMAT")
            }
            money = _money(outcome)
            if money:
                amount = _("Amount: %(amount)s.") % {"amount": money}
                narrative = f"{narrative} {amount}"
        else:
            name = str(outcome.get_band_display())
            narrative = _("Monthly earnings since %(month)s.") % {
                "month": formats.date_format(outcome.happened_on, "YEAR_MONTH_FORMAT")
            }
        checked = _("Checked by Bidaya’s editors.")
        return {
            "id": outcome.link or f"urn:bidaya:outcome:{outcome.pk}",
            "name": name,
            "narrative": f"{narrative} {checked}",
            "genre": _("Result"),
        }


def shown_outcomes(user, language):
    rows = (
        Outcome.objects.filter(user=user, show_publicly=True, review=Outcome.Review.VERIFIED)
        .select_related("marketplace")
        .order_by("happened_on", "pk")
    )
    return [entry(row, language) for row in rows]
