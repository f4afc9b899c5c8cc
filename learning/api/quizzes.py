"""Quiz attempts: submit answers, get them scored by the server, see past attempts."""

from ninja import Path, Router, Status

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, Problem
from accounts.api.throttle import write_throttle
from courses.models import LessonPage
from learning.api.schemas import MAX_ID, AttemptIn, AttemptOut, AttemptsOut
from learning.progress import lessons as lesson_index
from learning.progress import quizzes
from learning.progress.errors import NotFound

router = Router(tags=["quizzes"], auth=learner_auth)

QUIZ_ID = Path(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")


def policy_out(policy):
    return {
        "max_attempts": policy.max_attempts,
        "attempts_used": policy.used,
        "attempts_left": policy.attempts_left,
        "wait_minutes": policy.wait_minutes,
        "next_attempt_at": policy.next_attempt_at,
        "passed": policy.passed,
        "best_score": policy.best_score,
        "shows_correct_answers": policy.reveal_answers,
        "shows_explanations": policy.reveal_explanations,
    }


def attempt_out(attempt, policy):
    return {
        "id": attempt.pk,
        "number": attempt.number,
        "score": attempt.score,
        "pass_mark": attempt.pass_mark,
        "passed": attempt.passed,
        "correct": attempt.correct,
        "total": attempt.total,
        "created_at": attempt.created_at,
        "results": policy.review(attempt.results),
        "policy": policy_out(policy),
    }


def lesson_and_quiz(lesson_id, quiz_id):
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None:
        raise NotFound()
    info = lesson_index.lesson_info_for_page(lesson)
    if info is None:
        raise NotFound()
    return lesson, info, quizzes.find_quiz(lesson, quiz_id)


@router.get(
    "/lessons/{lesson_id}/quizzes/{quiz_id}/attempts",
    response={200: AttemptsOut, **COMMON_ERRORS},
    summary="Your attempts at a quiz and what its policy still allows",
)
def list_attempts(request, lesson_id: int = Path(..., ge=1, le=MAX_ID), quiz_id: str = QUIZ_ID):
    _lesson, info, quiz = lesson_and_quiz(lesson_id, quiz_id)
    attempts = quizzes.attempts_of(request.auth, info.key, quiz_id)
    policy = quizzes.policy_from(quiz, attempts)
    return {
        "policy": policy_out(policy),
        "attempts": [attempt_out(attempt, policy) for attempt in attempts],
    }


@router.post(
    "/lessons/{lesson_id}/quizzes/{quiz_id}/attempts",
    response={201: AttemptOut, 409: Problem, **COMMON_ERRORS},
    throttle=[write_throttle],
    summary="Submit answers; the server scores them",
    description=(
        "`answers` maps question ids to the chosen choice ids. Refused with 403 "
        "`not_enrolled`, 409 `attempts_exhausted` or `event_conflict` (the `event_id` "
        "was used for another quiz or learner), 429 `retry_later` (the quiz's waiting "
        "time; see Retry-After) or 422 `invalid_answers` (ids not in this quiz)."
    ),
)
def submit_attempt(
    request, data: AttemptIn, lesson_id: int = Path(..., ge=1, le=MAX_ID), quiz_id: str = QUIZ_ID
):
    lesson, _info, _quiz = lesson_and_quiz(lesson_id, quiz_id)
    attempt, policy = quizzes.submit(
        request.auth, lesson, quiz_id, data.answers, event_id=data.event_id
    )
    return Status(201, attempt_out(attempt, policy))
