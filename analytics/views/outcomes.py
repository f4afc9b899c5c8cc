"""Outcomes: finishers who report a first client within 30, 60 and 90 days, and the
days from enrolment to the first earnings, by country, marketplace and track. Only
learners who agreed to be counted."""

from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from analytics import charts, reading
from analytics.models import Snapshot
from analytics.tables import Table
from analytics.views.base import AnalyticsView

FIGURES = ("finishers", "reporters", "within_30", "within_60", "within_90", "median_days")


def columns():
    return [
        _("Finishers"),
        _("Reported a first client"),
        _("Within 30 days (%)"),
        _("Within 60 days (%)"),
        _("Within 90 days (%)"),
        _("Median days from enrolment to first earnings"),
    ]


class OutcomesView(AnalyticsView):
    section = "outcomes"

    def computed_at(self):
        return reading.computed_at(Snapshot.Kind.OUTCOMES)

    def tables(self, chosen):
        figures = reading.outcomes()
        if figures is None:
            return []
        overall = figures["overall"]
        summary = Table(
            "overall",
            _("All finishers"),
            [_("Learners"), *columns()],
            [[_("Everyone"), *(overall[f] for f in FIGURES)]],
            note=_(
                "Only outcomes the learner agreed to have counted. A share within N days "
                "is of the finishers who finished at least N days ago."
            ),
        )
        windows = [overall["within_30"], overall["within_60"], overall["within_90"]]
        summary.chart = charts.bar_chart(
            _("Finishers reporting a first client"),
            _("Share of finishers who reported a first client within 30, 60 and 90 days."),
            [_("30 days"), _("60 days"), _("90 days")],
            windows,
            rtl=get_language_bidi(),
            suffix=" %",
            top=100,
        )
        tables = [summary]
        for kind, title, heading in (
            ("country", _("By country"), _("Country")),
            ("track", _("By track"), _("Track")),
        ):
            tables.append(
                Table(
                    kind,
                    title,
                    [heading, *columns()],
                    [[g["title"], *(g[f] for f in FIGURES)] for g in figures[f"by_{kind}"]],
                )
            )
        tables.append(
            Table(
                "marketplace",
                _("By marketplace of the first client"),
                [_("Marketplace"), columns()[1], columns()[5]],
                [[g["title"], g["reporters"], g["median_days"]] for g in figures["by_marketplace"]],
            )
        )
        return tables
