from django.urls import path

from cms import app

urlpatterns = [
    path("manifest.webmanifest", app.manifest, name="web-manifest"),
    path("offline/", app.offline, name="offline"),
]
