"""The progress tracker: enrolment, heartbeats, completions and quizzes.

What other features call:

``complete_component(user, lesson, component_id, kind="assignment")``
    marks a lesson component done (the mentor review calls it on approval); lesson and
    course completions follow, each recorded once, with their signals from
    :mod:`learning.signals` sent after commit.
``enrol(user, course)`` / ``leave(user, course_key)``
    the enrolment itself (:mod:`learning.signals` ``enrolled`` / ``left`` follow).
"""

from learning.progress.completion import Completion, complete_component
from learning.progress.enrolment import active_enrolment, enrol, leave
from learning.progress.errors import LearningError

__all__ = [
    "Completion",
    "LearningError",
    "active_enrolment",
    "complete_component",
    "enrol",
    "leave",
]
