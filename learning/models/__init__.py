"""Enrolments, progress (lessons, components, heartbeats, activity) and quiz attempts."""

from learning.models.enrolment import Enrolment
from learning.models.progress import (
    READING_COMPONENT_ID,
    RUNG_MAX_LENGTH,
    Activity,
    ComponentKind,
    ComponentProgress,
    Heartbeat,
    LessonProgress,
)
from learning.models.quiz import QuizAttempt

__all__ = [
    "READING_COMPONENT_ID",
    "RUNG_MAX_LENGTH",
    "Activity",
    "ComponentKind",
    "ComponentProgress",
    "Enrolment",
    "Heartbeat",
    "LessonProgress",
    "QuizAttempt",
]
