"""Quizzes scored on the server against the QuizBlock, with the quiz's retry policy.

The browser sends only which choice ids were picked. The answer key comes from the
published lesson, every attempt is stored with its per-question result, and the
policy (attempt limit, waiting time) is checked with the enrolment row locked so two
submissions at once cannot both take the last attempt.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.blocks.quiz import (
    MULTIPLE,
    REVIEW_ALWAYS,
    REVIEW_LAST_ATTEMPT,
    REVIEW_PASSED,
    REVIEW_PASSED_OR_LAST,
    answer_key,
)
from learning import signals
from learning.models import Activity, ComponentKind, QuizAttempt
from learning.progress import lessons as lesson_index
from learning.progress.completion import mark_component_done, start_lesson
from learning.progress.enrolment import lock_enrolment
from learning.progress.errors import (
    AttemptsExhausted,
    EventConflict,
    InvalidAnswers,
    NotFound,
    RetryLater,
)

MAX_CHOICES_PER_QUESTION = 10


@dataclass
class Policy:
    max_attempts: int
    wait_minutes: int
    used: int
    passed: bool
    best_score: int | None
    next_attempt_at: datetime | None
    show_correct_answers: str = REVIEW_PASSED_OR_LAST
    show_explanations: str = REVIEW_PASSED_OR_LAST

    @property
    def attempts_left(self):
        if not self.max_attempts:
            return None
        return max(0, self.max_attempts - self.used)

    @property
    def exhausted(self):
        return bool(self.max_attempts) and self.used >= self.max_attempts

    def wait_seconds(self, now=None):
        if self.next_attempt_at is None:
            return 0
        now = now or timezone.now()
        return max(0, int((self.next_attempt_at - now).total_seconds() + 0.999))

    def allows(self, option):
        """Whether a review option lets the learner see it now."""
        if option == REVIEW_ALWAYS:
            return True
        if option == REVIEW_PASSED:
            return self.passed
        if option == REVIEW_LAST_ATTEMPT:
            return self.exhausted
        if option == REVIEW_PASSED_OR_LAST:
            return self.passed or self.exhausted
        return False  # never, or an option this code does not know

    @property
    def reveal_answers(self):
        return self.allows(self.show_correct_answers)

    @property
    def reveal_explanations(self):
        return self.allows(self.show_explanations)

    def review(self, results):
        """An attempt's per-question results with only what the quiz's options allow."""
        answers, explanations = self.reveal_answers, self.reveal_explanations
        return [
            {
                **result,
                "correct_choices": result.get("correct_choices") if answers else None,
                "explanation": (result.get("explanation") or None) if explanations else None,
            }
            for result in results
        ]


def find_quiz(lesson, quiz_id):
    quiz = lesson.get_quiz(quiz_id) if quiz_id else None
    if quiz is None:
        raise NotFound()
    return quiz


def policy_from(quiz, attempts, now=None):
    """The policy for a learner given their attempts (oldest first)."""
    now = now or timezone.now()
    max_attempts = int(quiz.get("max_attempts") or 0)
    wait = int(quiz.get("retry_wait_minutes") or 0)
    used = len(attempts)
    next_at = None
    if attempts and wait:
        candidate = attempts[-1].created_at + timedelta(minutes=wait)
        if candidate > now:
            next_at = candidate
    scores = [a.score for a in attempts]
    return Policy(
        max_attempts=max_attempts,
        wait_minutes=wait,
        used=used,
        passed=any(a.passed for a in attempts),
        best_score=max(scores) if scores else None,
        next_attempt_at=next_at,
        show_correct_answers=quiz.get("show_correct_answers") or REVIEW_PASSED_OR_LAST,
        show_explanations=quiz.get("show_explanations") or REVIEW_PASSED_OR_LAST,
    )


def attempts_of(user, lesson_key, quiz_id):
    return list(
        QuizAttempt.objects.filter(user=user, lesson_key=lesson_key, quiz_id=quiz_id).order_by(
            "number"
        )
    )


def clean_answers(key, answers):
    """``{question_id: [choice_id, …]}`` checked against the key; unknown ids refused."""
    if not isinstance(answers, dict):
        raise InvalidAnswers()
    cleaned = {}
    for question_id, chosen in answers.items():
        question = key.get(question_id)
        if question is None:
            raise InvalidAnswers(question=str(question_id)[:64])
        if isinstance(chosen, str):
            chosen = [chosen]
        if not isinstance(chosen, list | tuple) or len(chosen) > MAX_CHOICES_PER_QUESTION:
            raise InvalidAnswers(question=question_id)
        picked = []
        for choice_id in chosen:
            if choice_id not in question["choices"]:
                raise InvalidAnswers(question=question_id)
            if choice_id not in picked:
                picked.append(choice_id)
        if question["kind"] != MULTIPLE and len(picked) > 1:
            raise InvalidAnswers(question=question_id)
        cleaned[question_id] = picked
    return cleaned


def score(quiz, answers):
    """``(results, correct, total)``; a question is right when exactly its right choices are."""
    key = answer_key(quiz)
    answers = clean_answers(key, answers)
    results = []
    correct = 0
    for question_id, question in key.items():
        chosen = answers.get(question_id, [])
        right = bool(chosen) and set(chosen) == question["correct"]
        correct += right
        results.append(
            {
                "question_id": question_id,
                "chosen": chosen,
                "correct": right,
                "correct_choices": [c for c in question["choices"] if c in question["correct"]],
                "explanation": question["explanation"] or "",
            }
        )
    return answers, results, correct, len(key)


def replayed(user, info, quiz, quiz_id, event_id, now):
    """The attempt an earlier request with this event id made, with the policy now.

    ``None`` when the id is new; a conflict when it named another learner's or another
    quiz's submission.
    """
    if event_id is None:
        return None
    attempt = QuizAttempt.objects.filter(event_id=event_id).first()
    if attempt is None:
        return None
    if (attempt.user_id, str(attempt.lesson_key), attempt.quiz_id) != (
        user.pk,
        str(info.key),
        quiz_id,
    ):
        raise EventConflict()
    return attempt, policy_from(quiz, attempts_of(user, info.key, quiz_id), now)


def submit(user, lesson, quiz_id, answers, now=None, event_id=None):
    """Score and store one attempt; returns ``(attempt, policy_after)`` or raises.

    A submission queued offline is scored when it arrives, under the attempt rules in
    force then; its ``event_id`` makes a resend return the first answer's attempt.
    """
    now = now or timezone.now()
    info = lesson_index.lesson_info_for_page(lesson)
    if info is None:
        raise NotFound()
    quiz = find_quiz(lesson, quiz_id)
    earlier = replayed(user, info, quiz, quiz_id, event_id, now)
    if earlier is not None:
        return earlier
    answers, results, correct, total = score(quiz, answers)
    percent = round(100 * correct / total) if total else 0
    pass_mark = int(quiz.get("pass_mark") or 100)
    passed = percent >= pass_mark
    with transaction.atomic():
        enrolment = lock_enrolment(user, info.course_key)
        # A resend that raced the first request waited for its lock: answer it the same.
        earlier = replayed(user, info, quiz, quiz_id, event_id, now)
        if earlier is not None:
            return earlier
        attempts = attempts_of(user, info.key, quiz_id)
        policy = policy_from(quiz, attempts, now)
        if policy.exhausted:
            raise AttemptsExhausted(max_attempts=policy.max_attempts)
        if policy.next_attempt_at is not None:
            raise RetryLater(
                retry_after=policy.wait_seconds(now),
                next_attempt_at=policy.next_attempt_at.isoformat(),
            )
        try:
            with transaction.atomic():
                attempt = QuizAttempt.objects.create(
                    user=user,
                    course_key=info.course_key,
                    lesson_key=info.key,
                    lesson_id=lesson.pk,
                    quiz_id=quiz_id,
                    number=len(attempts) + 1,
                    answers=answers,
                    results=results,
                    correct=correct,
                    total=total,
                    score=percent,
                    pass_mark=pass_mark,
                    passed=passed,
                    created_at=now,
                    event_id=event_id,
                )
        except IntegrityError:
            # Only reachable without the row lock (SQLite serialises anyway).
            raise RetryLater(retry_after=1) from None
        Activity.objects.create(
            user=user,
            kind=Activity.Kind.QUIZ_PASSED if passed else Activity.Kind.QUIZ_FAILED,
            course_key=info.course_key,
            lesson_key=info.key,
            created_at=now,
            data={"lesson_id": lesson.pk, "score": percent, "quiz_id": quiz_id},
        )
        component = info.component(quiz_id)
        if passed and component is not None and component.kind == ComponentKind.QUIZ:
            mark_component_done(user, info, component, enrolment, now)
        else:
            start_lesson(user, info, now)
        transaction.on_commit(
            lambda: signals.quiz_attempted.send(sender=QuizAttempt, user=user, attempt=attempt)
        )
    return attempt, policy_from(quiz, [*attempts, attempt], now)
