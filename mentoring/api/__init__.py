"""Assignments and mentor review over the API: the same rules as the pages.

Learners read their submission, save a draft (JSON, and a file as multipart) and hand
it in. Mentors read their queue, claim, release and decide. Refusals are problem
details with stable codes: 404 for anything outside the caller's reach (it is not
told whether it exists), 409 ``claimed``/``not_claimed``/``not_editable``/
``invalid_transition``, 422 for invalid fields.
"""

from ninja import Router

from mentoring.api import learner, mentor

router = Router()
router.add_router("", learner.router)
router.add_router("", mentor.router)
