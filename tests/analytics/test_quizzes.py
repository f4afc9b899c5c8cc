"""Item statistics of a three-question quiz answered by six learners."""

import pytest

from analytics import reading
from analytics.rollup.quizzes import correlation
from courses.blocks.quiz import answer_key
from learning.models import QuizAttempt

pytestmark = pytest.mark.django_db

# First attempts, right (1) or wrong (0) on questions 1, 2 and 3.
FIRST = [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 1, 0), (1, 0, 1), (0, 0, 0)]


def attempt(course, user, number, marks):
    quiz = course.quiz_lesson.get_quiz(course.quiz_id)
    key = answer_key(quiz)
    results = []
    for (question_id, spec), mark in zip(key.items(), marks, strict=True):
        wrong = [c for c in spec["choices"] if c not in spec["correct"]]
        chosen = sorted(spec["correct"]) if mark else wrong[:1]
        results.append({"question_id": question_id, "chosen": chosen, "correct": bool(mark)})
    right = sum(marks)
    return QuizAttempt.objects.create(
        user=user,
        course_key=course.translation_key,
        lesson_key=course.quiz_lesson.translation_key,
        lesson_id=course.quiz_lesson.pk,
        quiz_id=course.quiz_id,
        number=number,
        answers={r["question_id"]: r["chosen"] for r in results},
        results=results,
        correct=right,
        total=3,
        score=round(100 * right / 3),
        pass_mark=60,
        passed=right >= 2,
    )


@pytest.fixture
def answered(academy, learners, threshold):
    threshold(1)
    for user, marks in zip(learners, FIRST, strict=False):
        attempt(academy, user, 1, marks)
    # Learner 3 passes at her second attempt, learner 6 at her third; learner 4 not yet.
    attempt(academy, learners[2], 2, (1, 1, 0))
    attempt(academy, learners[5], 2, (0, 1, 0))
    attempt(academy, learners[5], 3, (1, 1, 1))
    attempt(academy, learners[3], 2, (0, 0, 0))
    return academy


def quiz_figures(course):
    return reading.quiz(f"{course.quiz_lesson.translation_key}/{course.quiz_id}")


def test_facility_is_the_share_answering_correctly_at_the_first_attempt(answered, rollup):
    rollup()
    questions = quiz_figures(answered)["questions"]
    assert [q["facility"] for q in questions] == [66.7, 50.0, 33.3]
    assert [q["learners"] for q in questions] == [6, 6, 6]


def test_discrimination_is_the_correlation_with_the_rest_of_the_quiz(answered, rollup):
    rollup()
    questions = quiz_figures(answered)["questions"]
    # Question 1: scores 1 1 1 0 1 0 against rest-of-quiz scores 2 1 0 1 1 0.
    # Deviations from the means (2/3 and 5/6) give Σxy = 2/3, Σx² = 4/3, Σy² = 17/6,
    # so r = (2/3) / √(4/3 × 17/6) = 0.343.
    assert questions[0]["discrimination"] == 34.3
    assert correlation([1, 1, 1, 0, 1, 0], [2, 1, 0, 1, 1, 0]) == pytest.approx(0.343, abs=5e-4)


def test_a_question_everybody_answers_alike_has_no_discrimination(
    academy, learners, threshold, rollup
):
    threshold(1)
    for user, marks in zip(learners, [(1, 1, 0), (1, 0, 0), (1, 1, 1)], strict=False):
        attempt(academy, user, 1, marks)
    rollup()
    assert quiz_figures(academy)["questions"][0]["discrimination"] is None


def test_each_option_has_its_share(answered, rollup):
    rollup()
    third = quiz_figures(answered)["questions"][2]
    right, wrong, other_wrong = third["options"]
    assert right["correct"] and not wrong["correct"]
    # Two of six answered question 3 correctly; the four others picked the first wrong one.
    assert (right["share"], wrong["share"], other_wrong["share"]) == (33.3, 66.7, 0.0)


def test_attempts_needed_to_pass(answered, rollup):
    rollup()
    figures = quiz_figures(answered)
    assert figures["attempts_to_pass"] == [
        {"attempts": 1, "learners": 3},
        {"attempts": 2, "learners": 1},
        {"attempts": 3, "learners": 1},
    ]
    assert figures["not_passed"] == 1
    assert figures["median_attempts_to_pass"] == 1


def test_below_the_threshold_the_questions_are_hidden(answered, threshold, rollup):
    threshold(7)
    rollup()
    figures = quiz_figures(answered)
    assert figures["first_attempts"] is None
    assert all(q["facility"] is None and q["discrimination"] is None for q in figures["questions"])
    assert all(o["share"] is None for q in figures["questions"] for o in q["options"])
