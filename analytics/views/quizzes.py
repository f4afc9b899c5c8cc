"""Quizzes: per question the share answering correctly, each option's share, the
discrimination index (as Moodle computes it), and attempts needed to pass."""

from django.utils.translation import get_language_bidi, ngettext
from django.utils.translation import gettext as _

from analytics import charts, reading
from analytics.models import Snapshot
from analytics.tables import Table
from analytics.views.base import AnalyticsView


class QuizzesView(AnalyticsView):
    section = "quizzes"
    choice_param = "quiz"

    def choices(self):
        self.summaries = reading.quizzes()
        return [(q["key"], f"{q['title']} — {q['lesson']}") for q in self.summaries]

    def computed_at(self):
        return reading.computed_at(Snapshot.Kind.QUIZ)

    def tables(self, chosen):
        tables = [
            Table(
                "quizzes",
                _("Quizzes"),
                [
                    _("Quiz"),
                    _("Lesson"),
                    _("Learners"),
                    _("Attempts"),
                    _("Passed"),
                    _("Median attempts to pass"),
                ],
                [
                    [
                        q["title"],
                        q["lesson"],
                        q["learners"],
                        q["attempts"],
                        q["passed"],
                        q["median_attempts_to_pass"],
                    ]
                    for q in self.summaries
                ],
            )
        ]
        quiz = reading.quiz(chosen) if chosen else None
        if quiz is not None:
            tables += self.quiz_tables(quiz)
        return tables

    def quiz_tables(self, quiz):
        rtl = get_language_bidi()
        questions = quiz["questions"]
        items = Table(
            "questions",
            _("Questions: %(quiz)s") % {"quiz": quiz["title"]},
            [
                _("No."),
                _("Question"),
                _("Learners"),
                _("Answered correctly (%)"),
                _("Discrimination index"),
            ],
            [
                [q["number"], q["text"], q["learners"], q["facility"], q["discrimination"]]
                for q in questions
            ],
            note=_(
                "From each learner's first attempt, as Moodle's quiz statistics do. The "
                "discrimination index is 100 × the correlation between a question's score and "
                "the score on the rest of the quiz: above 30 the question tells apart those "
                "who know from those who do not; near 0 or below, look at its wording."
            ),
        )
        facility = [q["facility"] for q in questions]
        items.chart = charts.bar_chart(
            items.caption,
            ngettext(
                "Share of learners answering the question correctly.",
                "Share of learners answering each of the %(count)d questions correctly.",
                len(questions),
            )
            % {"count": len(questions)},
            [str(q["number"]) for q in questions],
            facility,
            rtl=rtl,
            suffix=" %",
            top=100,
        )
        options = Table(
            "options",
            _("Each answer's share"),
            [_("No."), _("Answer"), _("Correct"), _("Chosen by (%)")],
            [
                [q["number"], o["text"], o["correct"], o["share"]]
                for q in questions
                for o in q["options"]
            ],
        )
        rows = quiz["attempts_to_pass"]
        to_pass = Table(
            "attempts-to-pass",
            _("Attempts needed to pass"),
            [_("Attempts"), _("Learners")],
            [[r["attempts"], r["learners"]] for r in rows]
            + [[_("Not passed yet"), quiz["not_passed"]]],
        )
        to_pass.chart = charts.bar_chart(
            to_pass.caption,
            _("Learners by the attempt that passed; the median is %(median)s.")
            % {"median": quiz["median_attempts_to_pass"] or "—"},
            [str(r["attempts"]) for r in rows],
            [r["learners"] for r in rows],
            rtl=rtl,
        )
        return [items, options, to_pass]
