"""Mentoring: waiting times per cohort and mentor, reviews per week, requests for
changes, and work past the review promise."""

from django.utils.formats import date_format
from django.utils.translation import get_language_bidi, ngettext
from django.utils.translation import gettext as _

from analytics import charts, reading
from analytics.models import Snapshot
from analytics.tables import Table
from analytics.views.base import AnalyticsView

GROUP_FIGURES = ("reviews", "p50_hours", "p90_hours", "changes_requested_share", "past_sla")


def group_columns():
    return [
        _("Reviews"),
        _("Waiting time p50 (hours)"),
        _("Waiting time p90 (hours)"),
        _("Changes requested (%)"),
        _("Reviewed past the promise"),
    ]


class MentoringView(AnalyticsView):
    section = "mentoring"

    def computed_at(self):
        return reading.computed_at(Snapshot.Kind.MENTORING)

    def tables(self, chosen):
        figures = reading.mentoring()
        if figures is None:
            return []
        rtl = get_language_bidi()
        weeks = figures["reviews_per_week"]
        per_week = Table(
            "reviews-per-week",
            _("Reviews per week"),
            [_("Week of"), _("Reviews"), _("Changes requested")],
            [
                [date_format(w["week"], "DATE_FORMAT"), w["reviews"], w["changes_requested"]]
                for w in weeks
            ],
        )
        per_week.chart = charts.bar_chart(
            per_week.caption,
            _("A bar per week over the last %(weeks)d weeks, %(total)d reviews in all.")
            % {"weeks": len(weeks), "total": sum(w["reviews"] for w in weeks)},
            [date_format(w["week"], "j/n") for w in weeks],
            [w["reviews"] for w in weeks],
            rtl=rtl,
        )
        every = figures["all"]
        summary = Table(
            "summary",
            _("All reviews"),
            [*group_columns(), _("Waiting now"), _("Waiting past the promise now")],
            [
                [
                    *(every[f] for f in GROUP_FIGURES),
                    figures["waiting_now"],
                    figures["waiting_past_sla"],
                ]
            ],
            note=ngettext(
                "The review promise: a decision within %(hours)d hour of a hand-in.",
                "The review promise: a decision within %(hours)d hours of a hand-in.",
                int(figures["sla_hours"]),
            )
            % {"hours": figures["sla_hours"]},
        )
        cohorts = Table(
            "cohorts",
            _("Per cohort"),
            [_("Cohort"), _("Course"), *group_columns()],
            [
                [c["name"] or _("No cohort"), c["course"], *(c[f] for f in GROUP_FIGURES)]
                for c in figures["cohorts"]
            ],
        )
        mentors = Table(
            "mentors",
            _("Per mentor"),
            [_("Mentor"), *group_columns()],
            [[m["name"], *(m[f] for f in GROUP_FIGURES)] for m in figures["mentors"]],
        )
        return [summary, per_week, cohorts, mentors]
