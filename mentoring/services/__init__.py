"""Everything that changes a submission: drafts, hand-ins, claims and decisions.

Views and the API call these and nothing else. Each change runs in a transaction that
locks the submission row (or updates it conditionally), checks the move against
``states.TRANSITIONS`` and leaves an event, so two tabs, two mentors or a replayed
request cannot put a submission in a state the table does not allow.

Split by side: ``common`` (the assignment, refusals, events), ``handing_in`` (the
learner) and ``reviewing`` (the mentor); callers use this package's names.
"""

from mentoring.services.common import (
    MAX_FEEDBACK_LENGTH,
    MAX_TEXT_LENGTH,
    Assignment,
    ReviewError,
    assignment_of,
    complete_assignment,
    course_of,
    find_assignment,
    is_enrolled,
    lesson_of,
    require_enrolment,
    start_submission,
    submission_for,
)
from mentoring.services.handing_in import (
    current_draft,
    latest_version,
    missing_parts,
    save_draft,
    submit,
)
from mentoring.services.reviewing import claim, claim_minutes, decide, release, score

__all__ = [
    "MAX_FEEDBACK_LENGTH",
    "MAX_TEXT_LENGTH",
    "Assignment",
    "ReviewError",
    "assignment_of",
    "claim",
    "claim_minutes",
    "complete_assignment",
    "course_of",
    "current_draft",
    "decide",
    "find_assignment",
    "is_enrolled",
    "require_enrolment",
    "latest_version",
    "lesson_of",
    "missing_parts",
    "release",
    "save_draft",
    "score",
    "start_submission",
    "submission_for",
    "submit",
]
