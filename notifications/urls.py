"""Front-end URLs of notifications (namespace ``notifications``), under the language prefix."""

from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("notices/", views.notices, name="notices"),
    path("notices/read/", views.notices_read, name="notices-read"),
    path("notices/<int:pk>/open/", views.notice_open, name="notice-open"),
    path("notices/preferences/", views.preferences, name="notice-preferences"),
    path("notices/data-saver/", views.data_saver, name="data-saver"),
]
