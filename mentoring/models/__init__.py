"""Cohorts and their mentors, submissions with their versions and events, reviews."""

from mentoring.models.cohorts import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, CohortMembership
from mentoring.models.reviews import FeedbackSnippet, Review
from mentoring.models.submissions import Submission, SubmissionEvent, SubmissionVersion

__all__ = [
    "LEAD_MENTORS_GROUP",
    "MENTORS_GROUP",
    "Cohort",
    "CohortMembership",
    "FeedbackSnippet",
    "Review",
    "Submission",
    "SubmissionEvent",
    "SubmissionVersion",
]
