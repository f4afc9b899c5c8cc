"""The NinjaAPI root. Each app mounts its router here under /api/v1/."""

import credentials.api
import learning.api
import mentoring.api
import notifications.api
import outcomes.api
from accounts.api import problems
from accounts.api.auth import learner_auth
from accounts.api.openapi import ProblemDetailsAPI

# Its OpenAPI document lists the problem-details errors every operation may answer.
api = ProblemDetailsAPI(
    title="Bidaya API",
    version="1",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.get("/health", tags=["meta"], summary="Liveness probe")
def health(request):
    return {"status": "ok"}


# Every error is answered as problem details (RFC 9457).
problems.install(api)
# Catalogue, enrolments, progress, quizzes, dashboard.
api.add_router("/", learning.api.router)
# Hand-ins, the review queue, feedback snippets.
api.add_router("/", mentoring.api.router)
# Badges, credentials, learner profiles.
api.add_router("/", credentials.api.router)
# What learners earned after their courses: their reports and consents.
api.add_router("/", outcomes.api.router)
# The reader's notices (the app knows nothing of our authentication; it is set here).
api.add_router("/", notifications.api.router, auth=learner_auth)
