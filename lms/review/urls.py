"""URLs of the review feature, included in the ``lms`` namespace under the language prefix."""

from django.urls import path

from lms.review.views import downloads, learner, mentor, notices

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
    path("notices/", notices.notices, name="notices"),
    path("notices/read/", notices.notices_read, name="notices-read"),
    path("notices/<int:pk>/open/", notices.notice_open, name="notice-open"),
    path("notices/preferences/", notices.preferences, name="notice-preferences"),
]
