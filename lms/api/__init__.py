"""The learning API, mounted on the API root (``config/api.py``) under ``/api/v1/``.

``install(api)`` registers the problem-details error handlers and every router of this
app; other features of the app add their routers to ``ROUTERS``.
"""

from ninja import Router

from lms.api import badges, catalogue, dashboard, enrolments, errors, progress, quizzes, review

ROUTERS = [
    catalogue.router,
    enrolments.router,
    progress.router,
    quizzes.router,
    dashboard.router,
    review.router,
    badges.router,
]


def build_router():
    root = Router()
    for router in ROUTERS:
        root.add_router("", router)
    return root


def install(api):
    errors.install(api)
    api.add_router("/", build_router())
