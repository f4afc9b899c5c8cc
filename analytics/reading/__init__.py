"""The figures as pages and the API show them: read from the rollup's rows, with the
privacy threshold applied. One definition for both, so they cannot disagree.

Every function reads a bounded number of rows (one snapshot, or a course's daily
counts for a few weeks), whatever the number of learners.
"""

from analytics.reading.common import computed_at, share
from analytics.reading.courses import course, courses, per_week, tracks, weeks
from analytics.reading.media import quiz, quizzes, video, videos
from analytics.reading.people import mentoring, outcomes

__all__ = [
    "computed_at",
    "course",
    "courses",
    "mentoring",
    "outcomes",
    "per_week",
    "quiz",
    "quizzes",
    "share",
    "tracks",
    "video",
    "videos",
    "weeks",
]
