"""Cohorts, their mentors and intake settings; submissions, versions, events; reviews."""

from mentoring.models.cohorts import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, CohortMembership
from mentoring.models.intake import DEFAULT_COHORT_CAPACITY, Intake
from mentoring.models.reviews import FeedbackSnippet, Review
from mentoring.models.submissions import Submission, SubmissionEvent, SubmissionVersion

__all__ = [
    "LEAD_MENTORS_GROUP",
    "MENTORS_GROUP",
    "DEFAULT_COHORT_CAPACITY",
    "Cohort",
    "CohortMembership",
    "FeedbackSnippet",
    "Intake",
    "Review",
    "Submission",
    "SubmissionEvent",
    "SubmissionVersion",
]
