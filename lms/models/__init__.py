"""The learning app's models, one module per concern; other features add theirs below."""

from lms.models.enrolment import Enrolment
from lms.models.progress import (
    READING_COMPONENT_ID,
    Activity,
    ComponentKind,
    ComponentProgress,
    Heartbeat,
    LessonProgress,
)
from lms.models.quiz import QuizAttempt
from lms.models.tokens import AccessToken

__all__ = [
    "READING_COMPONENT_ID",
    "AccessToken",
    "Activity",
    "ComponentKind",
    "ComponentProgress",
    "Enrolment",
    "Heartbeat",
    "LessonProgress",
    "QuizAttempt",
]

# Assignments and mentor review.
from lms.models.cohorts import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, CohortMembership  # noqa: E402
from lms.models.notifications import Notice, NotificationPreference, OutboxEmail  # noqa: E402
from lms.models.reviews import FeedbackSnippet, Review  # noqa: E402
from lms.models.submissions import Submission, SubmissionEvent, SubmissionVersion  # noqa: E402

__all__ += [
    "LEAD_MENTORS_GROUP",
    "MENTORS_GROUP",
    "Cohort",
    "CohortMembership",
    "FeedbackSnippet",
    "NotificationPreference",
    "Notice",
    "OutboxEmail",
    "Review",
    "Submission",
    "SubmissionEvent",
    "SubmissionVersion",
]

# Learner profiles and badges.
from lms.models.badges import BadgeAward, BadgeClass, BadgeRule, DesignTrack  # noqa: E402
from lms.models.profiles import LearnerProfile, MarketplaceLink  # noqa: E402

__all__ += [
    "BadgeAward",
    "BadgeClass",
    "BadgeRule",
    "DesignTrack",
    "LearnerProfile",
    "MarketplaceLink",
]
