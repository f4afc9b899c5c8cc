"""Response schemas of the analytics API. A figure hidden by the privacy threshold is
``null``; every count is of learners unless its name says otherwise."""

from datetime import date, datetime

from ninja import Schema
from pydantic import Field

Hidden = Field(default=None, description="null when about fewer learners than min_learners")


class AnalyticsCourseSummaryOut(Schema):
    key: str
    title: str
    track: str
    shown: bool
    enrolled: int | None = Hidden
    started: int | None = Hidden
    finished: int | None = Hidden
    badged: int | None = Hidden
    median_days: float | None = Hidden


class AnalyticsTrackOut(Schema):
    track: str
    title: str
    courses: int
    enrolled: int | None = Hidden
    started: int | None = Hidden
    finished: int | None = Hidden
    badged: int | None = Hidden
    median_days: float | None = Hidden


class AnalyticsCoursesOut(Schema):
    min_learners: int
    computed_at: datetime | None
    tracks: list[AnalyticsTrackOut]
    courses: list[AnalyticsCourseSummaryOut]


class AnalyticsFunnelStepOut(Schema):
    step: str = Field(description="enrolled, started, lesson, finished or badged")
    label: str | None = Field(default=None, description="the lesson's title, for a lesson")
    learners: int | None = Hidden
    share: float | None = Field(default=None, description="percent of those enrolled")
    drop_off: float | None = Field(
        default=None,
        description="percent of the previous step's learners who did not do this lesson",
    )


class AnalyticsWeekOut(Schema):
    week: date
    enrolments: int | None = Hidden


class AnalyticsCourseOut(AnalyticsCourseSummaryOut):
    funnel: list[AnalyticsFunnelStepOut]
    enrolments_per_week: list[AnalyticsWeekOut]
    computed_at: datetime


class AnalyticsVideoSummaryOut(Schema):
    key: str = Field(description="<lesson key>/<video block id>")
    title: str
    course_key: str | None
    duration: float
    shown: bool
    viewers: int | None = Hidden
    finished: int | None = Hidden
    average_coverage: float | None = Hidden
    watch_hours: float | None = Hidden


class AnalyticsPointOut(Schema):
    start: float
    end: float
    watched_share: float | None = Field(default=None, description="percent of the viewers")
    plays_per_viewer: float | None = None


class AnalyticsPassageOut(Schema):
    start: float
    end: float
    viewers: int
    plays: int


class AnalyticsRungOut(Schema):
    name: str
    kind: str
    bytes: int = Field(description="bytes to watch the whole video at this rung")
    megabytes_if_all_here: float | None = None


class AnalyticsVideoOut(Schema):
    key: str
    title: str
    shown: bool
    duration: float
    stretch_seconds: float
    viewers: int | None = Hidden
    finished: int | None = Hidden
    average_coverage: float | None = Hidden
    watch_hours: float | None = Hidden
    curve: list[AnalyticsPointOut]
    passages: list[AnalyticsPassageOut]
    rung_recorded: bool = Field(description="whether heartbeats say which rung was playing")
    rungs: list[AnalyticsRungOut]
    computed_at: datetime


class AnalyticsQuizSummaryOut(Schema):
    key: str = Field(description="<lesson key>/<quiz block id>")
    title: str
    lesson: str
    shown: bool
    learners: int | None = Hidden
    attempts: int | None = Hidden
    passed: int | None = Hidden
    median_attempts_to_pass: float | None = Hidden


class AnalyticsOptionOut(Schema):
    id: str
    text: str
    correct: bool
    share: float | None = Hidden


class AnalyticsQuestionOut(Schema):
    number: int
    id: str
    text: str
    learners: int | None = Hidden
    facility: float | None = Field(default=None, description="percent answering correctly")
    discrimination: float | None = Field(
        default=None, description="100 × r(question score, rest-of-quiz score), as Moodle"
    )
    options: list[AnalyticsOptionOut]


class AnalyticsAttemptsToPassOut(Schema):
    attempts: int
    learners: int | None = Hidden


class AnalyticsQuizOut(Schema):
    key: str
    title: str
    lesson: str
    shown: bool
    learners: int | None = Hidden
    first_attempts: int | None = Hidden
    questions: list[AnalyticsQuestionOut]
    attempts_to_pass: list[AnalyticsAttemptsToPassOut]
    not_passed: int | None = Hidden
    median_attempts_to_pass: float | None = Hidden
    computed_at: datetime


class AnalyticsReviewGroupOut(Schema):
    shown: bool
    reviews: int | None = Hidden
    p50_hours: float | None = Hidden
    p90_hours: float | None = Hidden
    changes_requested_share: float | None = Hidden
    past_sla: int | None = Hidden


class AnalyticsCohortOut(AnalyticsReviewGroupOut):
    name: str
    course: str


class AnalyticsMentorOut(AnalyticsReviewGroupOut):
    name: str


class AnalyticsReviewWeekOut(Schema):
    week: date
    reviews: int
    changes_requested: int


class AnalyticsMentoringOut(Schema):
    sla_hours: float
    all: AnalyticsReviewGroupOut
    cohorts: list[AnalyticsCohortOut]
    mentors: list[AnalyticsMentorOut]
    reviews_per_week: list[AnalyticsReviewWeekOut]
    waiting_now: int
    waiting_past_sla: int
    computed_at: datetime


class AnalyticsOutcomeGroupOut(Schema):
    finishers: int | None = Hidden
    reporters: int | None = Field(default=None, description="learners who reported a first client")
    within_30: float | None = Field(default=None, description="percent of finishers, 30 days")
    within_60: float | None = Field(default=None, description="percent of finishers, 60 days")
    within_90: float | None = Field(default=None, description="percent of finishers, 90 days")
    median_days: float | None = Field(
        default=None, description="median days from first enrolment to first earnings"
    )


class AnalyticsOutcomeBreakdownOut(AnalyticsOutcomeGroupOut):
    key: str
    title: str


class AnalyticsOutcomesOut(Schema):
    overall: AnalyticsOutcomeGroupOut
    by_country: list[AnalyticsOutcomeBreakdownOut]
    by_marketplace: list[AnalyticsOutcomeBreakdownOut] = Field(
        description="finishers and shares are null: a marketplace groups reporters only"
    )
    by_track: list[AnalyticsOutcomeBreakdownOut]
    computed_at: datetime
