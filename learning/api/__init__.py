"""The learning API: catalogue, enrolments, progress, quizzes and the dashboard.

``router`` gathers this app's routers; ``config/api.py`` mounts it under ``/api/v1/``.
"""

from ninja import Router

from learning.api import catalogue, dashboard, enrolments, offline, progress, quizzes

router = Router()
for _part in (catalogue, enrolments, progress, quizzes, dashboard, offline):
    router.add_router("", _part.router)
