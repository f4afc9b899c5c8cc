"""Front-end URLs of outcomes (namespace ``outcomes``), under the language prefix."""

from django.urls import path

from outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("outcomes/report/", views.report, name="report"),
    path("outcomes/<int:outcome_id>/consents/", views.consents, name="consents"),
]
