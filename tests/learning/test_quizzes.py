"""Quizzes: scored on the server, every attempt kept, the retry policy enforced."""

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from django.test import Client
from django.utils import translation

from courses.blocks.quiz import answer_key
from learning.models import QuizAttempt
from learning.progress.errors import RetryLater
from tests.factories.courses import LessonPageFactory
from tests.learning.conftest import quiz_value

START = datetime(2026, 3, 1, 9, tzinfo=UTC)


def key_of(lesson, quiz_id):
    return answer_key(lesson.get_quiz(quiz_id))


def right_answers(lesson, quiz_id):
    return {qid: sorted(q["correct"]) for qid, q in key_of(lesson, quiz_id).items()}


def wrong_answers(lesson, quiz_id):
    answers = {}
    for qid, question in key_of(lesson, quiz_id).items():
        wrong = [c for c in question["choices"] if c not in question["correct"]]
        answers[qid] = wrong[:1]
    return answers


def attempts_url(lesson, quiz_id):
    return f"/lessons/{lesson.pk}/quizzes/{quiz_id}/attempts"


@pytest.mark.django_db
class TestScoring:
    def test_all_right_passes_and_reveals_everything(self, api, course, enrolled, quiz_id):
        lesson = course.quiz_lesson
        response = api.post(
            attempts_url(lesson, quiz_id), {"answers": right_answers(lesson, quiz_id)}
        )
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["score"], body["correct"], body["total"], body["passed"]) == (100, 2, 2, True)
        assert all(result["correct"] for result in body["results"])
        assert all(result["explanation"] for result in body["results"])
        assert all(result["correct_choices"] for result in body["results"])

    def test_multiple_answer_question_needs_exactly_the_right_set(
        self, api, course, enrolled, quiz_id
    ):
        lesson = course.quiz_lesson
        key = key_of(lesson, quiz_id)
        single, multiple = list(key)
        answers = {
            single: sorted(key[single]["correct"]),
            multiple: sorted(key[multiple]["correct"])[:1],
        }
        body = api.post(attempts_url(lesson, quiz_id), {"answers": answers}).json()
        assert body["correct"] == 1
        assert body["score"] == 50
        assert body["passed"] is False
        # By default neither the right choices nor the explanations (which give them
        # away) come with a failed attempt while attempts remain: the next one is a test.
        assert body["results"][1]["explanation"] is None
        assert body["results"][1]["correct_choices"] is None
        assert body["policy"]["shows_correct_answers"] is False
        assert body["policy"]["shows_explanations"] is False

    def test_the_client_cannot_claim_a_score(self, api, course, enrolled, quiz_id):
        lesson = course.quiz_lesson
        response = api.post(
            attempts_url(lesson, quiz_id), {"answers": wrong_answers(lesson, quiz_id), "score": 100}
        )
        assert response.status_code == 422
        assert not QuizAttempt.objects.exists()

    @pytest.mark.parametrize(
        "answers",
        [
            {"not-a-question": ["x"]},
            "everything",
        ],
    )
    def test_foreign_ids_are_refused(self, api, course, enrolled, quiz_id, answers):
        response = api.post(attempts_url(course.quiz_lesson, quiz_id), {"answers": answers})
        assert response.status_code == 422
        assert response.json()["code"] in ("invalid_answers", "invalid_input")
        assert not QuizAttempt.objects.exists()

    def test_a_choice_of_another_question_is_refused(self, api, course, enrolled, quiz_id):
        key = key_of(course.quiz_lesson, quiz_id)
        single, multiple = list(key)
        answers = {single: [key[multiple]["choices"][0]]}
        response = api.post(attempts_url(course.quiz_lesson, quiz_id), {"answers": answers})
        assert response.status_code == 422
        assert response.json()["code"] == "invalid_answers"

    def test_two_answers_to_a_single_answer_question_are_refused(
        self, api, course, enrolled, quiz_id
    ):
        key = key_of(course.quiz_lesson, quiz_id)
        single = list(key)[0]
        response = api.post(
            attempts_url(course.quiz_lesson, quiz_id), {"answers": {single: key[single]["choices"]}}
        )
        assert response.status_code == 422

    def test_not_enrolled_and_unknown_quiz(self, api, course, quiz_id):
        response = api.post(attempts_url(course.quiz_lesson, quiz_id), {"answers": {}})
        assert response.status_code == 403
        assert response.json()["code"] == "not_enrolled"
        assert (
            api.post(attempts_url(course.quiz_lesson, "nope"), {"answers": {}}).status_code == 404
        )
        assert (
            api.post(attempts_url(course.reading_lesson, quiz_id), {"answers": {}}).status_code
            == 404
        )


@pytest.mark.django_db
class TestPolicy:
    def test_waiting_time_then_attempt_limit(self, api, learner, course, enrolled, quiz_id):
        lesson = course.quiz_lesson
        wrong = {"answers": wrong_answers(lesson, quiz_id)}
        url = attempts_url(lesson, quiz_id)
        with freeze_time(START) as clock:
            first = api.post(url, wrong)
            assert first.status_code == 201
            assert first.json()["policy"]["attempts_left"] == 2
            too_soon = api.post(url, wrong)
            assert too_soon.status_code == 429
            assert too_soon.json()["code"] == "retry_later"
            assert int(too_soon["Retry-After"]) == 600
            clock.tick(timedelta(minutes=10))
            assert api.post(url, wrong).status_code == 201
            clock.tick(timedelta(minutes=10))
            third = api.post(url, wrong)
            assert third.status_code == 201
            # Out of attempts: now the right answers can be shown.
            assert third.json()["policy"]["attempts_left"] == 0
            assert third.json()["results"][0]["correct_choices"]
            clock.tick(timedelta(days=1))
            refused = api.post(url, {"answers": right_answers(lesson, quiz_id)})
        assert refused.status_code == 409
        assert refused.json()["code"] == "attempts_exhausted"
        assert QuizAttempt.objects.filter(user=learner).count() == 3
        assert list(QuizAttempt.objects.values_list("number", flat=True)) == [1, 2, 3]

    def test_unlimited_attempts_without_waiting(self, api, course, enrolled):
        lesson = LessonPageFactory(
            parent=course, slug="free", body=[quiz_value(max_attempts=0, wait=0)]
        )
        quiz_id = lesson.body[0].id
        for _ in range(5):
            assert api.post(attempts_url(lesson, quiz_id), {"answers": {}}).status_code == 201
        listing = api.get(attempts_url(lesson, quiz_id)).json()
        assert len(listing["attempts"]) == 5
        assert listing["policy"]["attempts_left"] is None

    def test_history_lists_only_your_attempts(
        self, api, learner, other_learner, course, enrolled, quiz_id
    ):
        from learning.progress import quizzes
        from learning.progress.enrolment import enrol

        enrol(other_learner, course)
        quizzes.submit(other_learner, course.quiz_lesson, quiz_id, {})
        assert api.get(attempts_url(course.quiz_lesson, quiz_id)).json()["attempts"] == []


def quiz_lesson(course, slug, **options):
    lesson = LessonPageFactory(parent=course, slug=slug, body=[quiz_value(wait=0, **options)])
    return lesson, lesson.body[0].id


@pytest.mark.django_db
class TestReviewOptions:
    def test_the_last_attempt_reveals_by_default(self, api, course, enrolled):
        lesson, quiz_id = quiz_lesson(course, "last")
        wrong = wrong_answers(lesson, quiz_id)
        bodies = [api.post(attempts_url(lesson, quiz_id), {"answers": wrong}).json() for _ in "abc"]
        assert [b["results"][0]["correct_choices"] is None for b in bodies] == [True, True, False]
        assert bodies[-1]["results"][1]["explanation"] == "المثال والموعد يطمئنان العميل"
        # The history follows the options as they stand now: earlier attempts too.
        listing = api.get(attempts_url(lesson, quiz_id)).json()
        assert all(a["results"][0]["correct_choices"] for a in listing["attempts"])

    def test_never_keeps_the_answers_even_after_passing(self, api, course, enrolled):
        lesson, quiz_id = quiz_lesson(course, "never", answers="never", explanations="passed")
        body = api.post(
            attempts_url(lesson, quiz_id), {"answers": right_answers(lesson, quiz_id)}
        ).json()
        assert body["passed"] is True
        assert [r["correct_choices"] for r in body["results"]] == [None, None]
        assert body["results"][1]["explanation"] == "المثال والموعد يطمئنان العميل"

    def test_explanations_after_every_attempt_when_the_editor_says_so(self, api, course, enrolled):
        lesson, quiz_id = quiz_lesson(course, "explain", explanations="always")
        body = api.post(
            attempts_url(lesson, quiz_id), {"answers": wrong_answers(lesson, quiz_id)}
        ).json()
        assert body["passed"] is False
        assert body["results"][1]["explanation"] == "المثال والموعد يطمئنان العميل"
        assert body["results"][1]["correct_choices"] is None

    def test_only_after_the_last_attempt_hides_them_after_passing_early(
        self, api, course, enrolled
    ):
        lesson, quiz_id = quiz_lesson(course, "last-only", answers="last_attempt")
        body = api.post(
            attempts_url(lesson, quiz_id), {"answers": right_answers(lesson, quiz_id)}
        ).json()
        assert body["passed"] is True
        assert [r["correct_choices"] for r in body["results"]] == [None, None]

    def test_the_result_page_shows_only_what_the_options_allow(self, learner, course, enrolled):
        lesson, quiz_id = quiz_lesson(course, "page")
        client = Client()
        client.force_login(learner)
        key = key_of(lesson, quiz_id)
        single, multiple = list(key)
        wrong = wrong_answers(lesson, quiz_id)
        form = {f"question-{single}": wrong[single], f"question-{multiple}": wrong[multiple]}
        response = client.post(f"/ar/learn/lessons/{lesson.pk}/quizzes/{quiz_id}/", form)
        html = client.get(response["Location"]).content.decode()
        assert "المثال والموعد يطمئنان العميل" not in html
        assert "is-right" not in html


@pytest.mark.django_db
class TestWithoutJavaScript:
    def test_post_form_then_result_page(self, learner, course, enrolled, quiz_id):
        client = Client()
        client.force_login(learner)
        lesson = course.quiz_lesson
        key = key_of(lesson, quiz_id)
        single, multiple = list(key)
        form = {
            "quiz": quiz_id,
            f"question-{single}": sorted(key[single]["correct"]),
            f"question-{multiple}": sorted(key[multiple]["correct"]),
        }
        response = client.post(f"/ar/learn/lessons/{lesson.pk}/quizzes/{quiz_id}/", form)
        assert response.status_code == 302
        result = client.get(response["Location"])
        assert result.status_code == 200
        html = result.content.decode()
        assert "100%" in html
        assert "المثال والموعد يطمئنان العميل" in html  # the explanation
        assert QuizAttempt.objects.get(user=learner).passed

    def test_the_lesson_page_form_points_at_the_submit_view(
        self, learner, course, enrolled, quiz_id
    ):
        client = Client()
        client.force_login(learner)
        html = client.get(course.quiz_lesson.url).content.decode()
        assert f'action="/ar/learn/lessons/{course.quiz_lesson.pk}/quizzes/{quiz_id}/"' in html
        # The answers are not in the page.
        assert "correct" not in html.split('class="quiz"')[1].split("</section>")[0].lower()

    def test_policy_message_without_javascript(self, learner, course, enrolled, quiz_id):
        client = Client()
        client.force_login(learner)
        url = f"/ar/learn/lessons/{course.quiz_lesson.pk}/quizzes/{quiz_id}/"
        with freeze_time(START):
            client.post(url, {})
            response = client.post(url, {}, follow=True)
        assert QuizAttempt.objects.count() == 1
        messages = [str(m) for m in response.context["messages"]]
        with translation.override("ar"):
            assert messages == [str(RetryLater.message)]

    def test_someone_elses_result_is_not_found(
        self, learner, other_learner, course, enrolled, quiz_id
    ):
        from learning.progress import quizzes
        from learning.progress.enrolment import enrol

        enrol(other_learner, course)
        attempt, _ = quizzes.submit(other_learner, course.quiz_lesson, quiz_id, {})
        client = Client()
        client.force_login(learner)
        lesson_id = course.quiz_lesson.pk
        url = f"/ar/learn/lessons/{lesson_id}/quizzes/{quiz_id}/attempts/{attempt.number}/"
        assert client.get(url).status_code == 404
