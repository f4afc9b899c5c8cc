"""Courses and tracks: enrolments per week, the funnel with its drop-off, time to finish."""

from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from analytics import charts, reading
from analytics.models import Snapshot
from analytics.tables import Table
from analytics.views.base import AnalyticsView

STEP_NAMES = {
    "enrolled": lambda: _("Enrolled"),
    "started": lambda: _("Started"),
    "finished": lambda: _("Course finished"),
    "badged": lambda: _("Badge earned"),
}


def step_label(step):
    if step["step"] == "lesson":
        return _("Lesson done: %(lesson)s") % {"lesson": step["label"]}
    return STEP_NAMES[step["step"]]()


class CoursesView(AnalyticsView):
    section = "courses"
    choice_param = "course"

    def choices(self):
        self.summaries = reading.courses()
        return [(c["key"], c["title"]) for c in self.summaries]

    def computed_at(self):
        return reading.computed_at(Snapshot.Kind.COURSE)

    def tables(self, chosen):
        columns = [
            _("Enrolled"),
            _("Started"),
            _("Finished"),
            _("Badge earned"),
            _("Median days to finish"),
        ]
        figures = ("enrolled", "started", "finished", "badged", "median_days")
        tables = [
            Table(
                "tracks",
                _("Tracks"),
                [_("Track"), _("Courses"), *columns],
                [[t["title"], t["courses"], *(t[f] for f in figures)] for t in reading.tracks()],
            ),
            Table(
                "courses",
                _("Courses"),
                [_("Course"), *columns],
                [[c["title"], *(c[f] for f in figures)] for c in self.summaries],
            ),
        ]
        course = reading.course(chosen) if chosen else None
        if course is not None:
            tables += self.course_tables(course)
        return tables

    def course_tables(self, course):
        rtl = get_language_bidi()
        weeks = course["enrolments_per_week"]
        labels = [date_format(w["week"], "j/n") for w in weeks]
        values = [w["enrolments"] for w in weeks]
        total = sum(v for v in values if v is not None)
        enrolments = Table(
            "enrolments",
            _("Enrolments per week: %(course)s") % {"course": course["title"]},
            [_("Week of"), _("Enrolments")],
            [[date_format(w["week"], "DATE_FORMAT"), w["enrolments"]] for w in weeks],
        )
        enrolments.chart = charts.bar_chart(
            enrolments.caption,
            _("A bar per week over the last %(weeks)d weeks, %(total)d enrolments shown in all.")
            % {"weeks": len(weeks), "total": total},
            labels,
            values,
            rtl=rtl,
        )
        steps = course["funnel"]
        funnel = Table(
            "funnel",
            _("From enrolment to badge: %(course)s") % {"course": course["title"]},
            [_("Step"), _("Learners"), _("Share of those enrolled (%)"), _("Drop-off (%)")],
            [
                [
                    step_label(s),
                    s["learners"],
                    s["share"],
                    s["drop_off"] if s["step"] == "lesson" else "",
                ]
                for s in steps
            ],
            note=_("Drop-off: the share of learners who did the step before but not this lesson."),
        )
        enrolled = steps[0]["learners"] or 0
        funnel.chart = charts.hbar_chart(
            funnel.caption,
            _("One bar per step, from %(enrolled)d learners enrolled to %(badged)s with the badge.")
            % {"enrolled": enrolled, "badged": steps[-1]["learners"] or _("fewer")},
            [step_label(s) for s in steps],
            [s["learners"] for s in steps],
            rtl=rtl,
        )
        return [enrolments, funnel]
