from django.urls import path

from analytics.views.courses import CoursesView
from analytics.views.mentoring import MentoringView
from analytics.views.outcomes import OutcomesView
from analytics.views.quizzes import QuizzesView
from analytics.views.videos import VideosView

app_name = "analytics"
urlpatterns = [
    path("", CoursesView.as_view(), name="courses"),
    path("videos/", VideosView.as_view(), name="videos"),
    path("quizzes/", QuizzesView.as_view(), name="quizzes"),
    path("mentoring/", MentoringView.as_view(), name="mentoring"),
    path("outcomes/", OutcomesView.as_view(), name="outcomes"),
]
