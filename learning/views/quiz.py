"""The quiz without JavaScript: the lesson's form posts here, the result page follows.

Posting redirects to the attempt's own page (post/redirect/get), so reloading the
result never submits the answers a second time.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from courses.blocks.quiz import answer_key
from courses.models import CoursePage, LessonPage
from learning.links import page_url
from learning.progress import quizzes
from learning.progress.errors import LearningError, NotFound

MAX_QUIZ_ID = 64


def lesson_and_quiz(lesson_id, quiz_id):
    if len(quiz_id) > MAX_QUIZ_ID:
        raise Http404()
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404()
    try:
        quiz = quizzes.find_quiz(lesson, quiz_id)
    except NotFound:
        raise Http404() from None
    return lesson, quiz


def quiz_anchor(request, lesson, quiz_id):
    return f"{page_url(lesson, request)}#quiz-{quiz_id}"


@require_POST
@login_required
def submit(request, lesson_id, quiz_id):
    lesson, quiz = lesson_and_quiz(lesson_id, quiz_id)
    answers = {}
    for question_id in answer_key(quiz):
        chosen = request.POST.getlist(f"question-{question_id}")
        if chosen:
            answers[question_id] = chosen[: quizzes.MAX_CHOICES_PER_QUESTION]
    try:
        attempt, _policy = quizzes.submit(request.user, lesson, quiz_id, answers)
    except LearningError as error:
        messages.error(request, error.message)
        return redirect(quiz_anchor(request, lesson, quiz_id))
    return redirect(
        reverse(
            "learning:quiz-result",
            kwargs={"lesson_id": lesson.pk, "quiz_id": quiz_id, "number": attempt.number},
        )
    )


def question_rows(quiz, attempt, policy):
    """The questions as answered: each choice with whether it was picked and, as far as
    the quiz's review options allow, is right, with the explanation."""
    results = {result["question_id"]: result for result in policy.review(attempt.results)}
    rows = []
    for number, bound in enumerate(quiz["questions"].bound_blocks, start=1):
        result = results.get(bound.id)
        if result is None:  # added to the quiz after this attempt
            continue
        correct_choices = set(result.get("correct_choices") or [])
        rows.append(
            {
                "number": number,
                "text": bound.value["question"],
                "correct": result["correct"],
                "explanation": result.get("explanation") or "",
                "choices": [
                    {
                        "text": choice.value["text"],
                        "chosen": choice.id in result["chosen"],
                        "right": choice.id in correct_choices,
                    }
                    for choice in bound.value["choices"].bound_blocks
                ],
            }
        )
    return rows


@login_required
def result(request, lesson_id, quiz_id, number):
    lesson, quiz = lesson_and_quiz(lesson_id, quiz_id)
    attempts = quizzes.attempts_of(request.user, lesson.translation_key, quiz_id)
    attempt = next((a for a in attempts if a.number == number), None)
    if attempt is None:
        raise Http404()
    policy = quizzes.policy_from(quiz, attempts)
    course = CoursePage.objects.parent_of(lesson).first()
    context = {
        "page": lesson,
        "lesson": lesson,
        "course": course,
        "quiz": quiz,
        "quiz_id": quiz_id,
        "attempt": attempt,
        "policy": policy,
        "questions": question_rows(quiz, attempt, policy),
        "lesson_url": quiz_anchor(request, lesson, quiz_id),
        "can_retry": not policy.exhausted and policy.next_attempt_at is None,
        "is_latest": attempt.number == attempts[-1].number,
    }
    return TemplateResponse(request, "learning/quiz_result.html", context)
