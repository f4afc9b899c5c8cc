"""The NinjaAPI root. Each app mounts its routers here under /api/v1/."""

from ninja import NinjaAPI

import lms.api

api = NinjaAPI(
    title="Bidaya API",
    version="1",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.get("/health", tags=["meta"], summary="Liveness probe")
def health(request):
    return {"status": "ok"}


# Learning: catalogue, enrolments, progress, quizzes, dashboard; problem-details errors.
lms.api.install(api)
