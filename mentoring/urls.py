"""Front-end URLs of mentoring (namespace ``mentoring``), mounted under the language prefix."""

from django.urls import path

from mentoring.views import downloads, learner, mentor

app_name = "mentoring"

urlpatterns = [
    path(
        "learn/lessons/<int:lesson_id>/assignments/<str:assignment_id>/",
        learner.assignment_workspace,
        name="assignment-submit",
    ),
    path("learn/files/<uuid:version_uuid>/", downloads.submission_file, name="submission-file"),
    path("mentor/", mentor.queue, name="mentor-queue"),
    path(
        "mentor/submissions/<uuid:submission_uuid>/",
        mentor.submission_detail,
        name="mentor-submission",
    ),
    path("mentor/submissions/<uuid:submission_uuid>/claim/", mentor.claim, name="mentor-claim"),
    path(
        "mentor/submissions/<uuid:submission_uuid>/release/",
        mentor.release,
        name="mentor-release",
    ),
    path("mentor/submissions/<uuid:submission_uuid>/review/", mentor.review, name="mentor-review"),
    path("mentor/snippets/", mentor.snippets, name="mentor-snippets"),
    path("mentor/snippets/<int:pk>/", mentor.snippet_edit, name="mentor-snippet"),
]
