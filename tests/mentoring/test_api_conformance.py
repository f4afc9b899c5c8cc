"""The whole API against its own OpenAPI document, with every check schemathesis has.

schemathesis generates valid and invalid requests for every operation from
``/api/v1/openapi.json`` and sends them to the Django WSGI application in process,
with a personal access token of a learner and then of a mentor, over a course with a
video, a quiz and an assignment, a handed-in submission and an awarded badge. Each
response must conform: its status code is documented, its content type is the
documented one (``application/problem+json`` for every error), its body matches the
documented schema, valid input is accepted, invalid input is refused, and an
operation that needs a token refuses a request without one.

Valid requests name the world's real lessons, quizzes, submissions and badges half of
the time (random ids only ever reach the 404 branch).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from accounts.models import AccessToken
from config.wsgi import application
from mentoring.models import FeedbackSnippet
from tests.factories.courses import LessonPageFactory, ready_video, video_block
from tests.factories.credentials import BadgeAwardFactory
from tests.learning.conftest import block_id, quiz_value

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

# Enough for each operation to meet both kinds of input, small enough for the whole
# API, two roles and both modes to run in about a minute.
MAX_EXAMPLES = 6


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    return [result.ok() for result in schema.get_all_operations()]


def positive_data_acceptance_or_documented_refusal(ctx, response, case):
    """schemathesis's ``positive_data_acceptance``, except for the rules a schema cannot
    state (a quiz's own question ids, a video's length): a 422 whose problem ``code``
    the operation's description names as a refusal is what the document promises."""
    if response.status_code == 422 and case.meta.generation.mode.is_positive:
        code = response.json().get("code", "")
        if code and f"422 `{code}`" in case.operation.definition.raw.get("description", ""):
            return None
    return positive_data_acceptance(ctx, response, case)


def has_input(operation):
    return bool(operation.path_parameters or operation.query or operation.body)


@pytest.fixture
def keep_connection():
    """Requests go to the WSGI app directly, not through Django's test client, so do
    what the test client does: leave the test's connection (inside its transaction)
    open at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(roles, submitted, course, lesson, settings):
    """Real ids for the path parameters, and no rate limits (the fuzzer is fast)."""
    settings.BIDAYA_RATE_HEARTBEAT = ""
    settings.BIDAYA_RATE_WRITE = ""
    video = ready_video(duration=120.0)
    video_lesson = LessonPageFactory(
        parent=course, title="شاهد", slug="watch", body=[video_block(video)]
    )
    quiz_lesson = LessonPageFactory(parent=course, title="اختبر", slug="quiz", body=[quiz_value()])
    award = BadgeAwardFactory(recipient=roles["learner"])
    snippet = FeedbackSnippet.objects.create(mentor=roles["mentor"], title="شكرا", text="أحسنت")
    enrolment = roles["learner"].enrolments.get()
    return {
        "course_id": [course.pk],
        "enrolment_id": [enrolment.pk],
        "lesson_id": [lesson.pk, video_lesson.pk, quiz_lesson.pk],
        "quiz_id": [block_id(quiz_lesson, "quiz")],
        "assignment_id": [lesson.assignment_id],
        "submission_id": [str(submitted.uuid)],
        "award_id": [str(award.uuid)],
        "snippet_id": [snippet.pk],
        "roles": roles,
    }


def with_real_ids(strategy, world):
    """Positive cases whose path parameters name the world's rows half of the time."""

    @st.composite
    def cases(draw):
        case = draw(strategy)
        if case.path_parameters and draw(st.booleans()):
            for name in case.path_parameters:
                if name in world:
                    case.path_parameters[name] = draw(st.sampled_from(world[name]))
        return case

    return cases()


@pytest.mark.parametrize("role", ["learner", "mentor"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_conforms_to_the_document(world, role, mode, keep_connection):
    """(schemathesis's own pytest plugin does not run under this pytest; hypothesis does.)"""
    _row, secret = AccessToken.issue(world["roles"][role], "conformance")
    # The checks read bodies through a WSGI client that does not decode gzip; the
    # compression of answers is not what this test is about.
    headers = {"Authorization": f"Bearer {secret}", "Accept-Encoding": "identity"}
    found = operations()
    assert len(found) >= 30
    for operation in found:
        if mode == GenerationMode.NEGATIVE and not has_input(operation):
            continue  # nothing to get wrong
        strategy = operation.as_strategy(generation_mode=mode)
        if mode == GenerationMode.POSITIVE:
            strategy = with_real_ids(strategy, world)

        @given(case=strategy)
        @hypothesis_settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(
                headers=headers,
                excluded_checks=[positive_data_acceptance],
                additional_checks=[positive_data_acceptance_or_documented_refusal],
            )

        check()
