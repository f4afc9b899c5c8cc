"""Front-end URLs of learning (namespace ``learning``), mounted under the language prefix."""

from django.urls import path

from learning.views import dashboard, learning, quiz

app_name = "learning"

urlpatterns = [
    # Learning: dashboard, enrolment, reading lessons, quizzes without JavaScript.
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/tokens/", dashboard.create_token, name="token-create"),
    path("dashboard/tokens/<int:token_id>/revoke/", dashboard.revoke_token, name="token-revoke"),
    path("learn/courses/<int:course_id>/enrol/", learning.enrol, name="enrol"),
    path("learn/courses/<int:course_id>/leave/", learning.leave, name="leave"),
    path("learn/celebrations/", learning.celebrate, name="celebrations"),
    path("learn/lessons/<int:lesson_id>/done/", learning.lesson_done, name="lesson-done"),
    path(
        "learn/lessons/<int:lesson_id>/quizzes/<str:quiz_id>/",
        quiz.submit,
        name="quiz-submit",
    ),
    path(
        "learn/lessons/<int:lesson_id>/quizzes/<str:quiz_id>/attempts/<int:number>/",
        quiz.result,
        name="quiz-result",
    ),
]
