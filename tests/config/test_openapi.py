"""The OpenAPI document tells the truth about errors and input limits.

The whole API is fuzzed against the document in tests/mentoring/test_api_conformance.py;
these are the promises that fuzzing checks only by chance.
"""

import re

import pytest
from jsonschema import Draft202012Validator

from accounts.api.problems import CONTENT_TYPE
from accounts.models import AccessToken
from config.api import api
from mentoring import limits
from mentoring.api.common import DecisionIn, SnippetIn
from tests.factories.accounts import UserFactory


@pytest.fixture(scope="module")
def document():
    return api.get_openapi_schema(path_prefix="/api/v1/")


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def test_every_error_is_documented_as_a_problem_document(document):
    for name, operation in operations(document):
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                assert list(response["content"]) == [CONTENT_TYPE], (name, status)
                schema = response["content"][CONTENT_TYPE]["schema"]
                assert schema == {"$ref": "#/components/schemas/Problem"}, (name, status)


def test_what_the_framework_answers_is_documented_for_every_operation(document):
    for name, operation in operations(document):
        responses = operation["responses"]
        body = operation.get("requestBody", {}).get("content", {})
        if "application/json" in body:
            assert "400" in responses, name
        if operation.get("security"):
            assert "401" in responses, name
        if operation.get("parameters") or body:
            assert "422" in responses, name
    assert "401" in document["paths"]["/api/v1/notices"]["get"]["responses"]
    assert "403" in document["paths"]["/api/v1/notices/read"]["post"]["responses"]


@pytest.mark.django_db
def test_malformed_json_is_a_documented_400_problem(client, document):
    _row, secret = AccessToken.issue(UserFactory(), "test")
    response = client.post(
        "/api/v1/enrolments",
        '{"course_id": 1',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == CONTENT_TYPE
    assert response.json()["code"] == "bad_request"
    assert "400" in document["paths"]["/api/v1/enrolments"]["post"]["responses"]


def schema_of(document, name):
    return document["components"]["schemas"][name]


def test_review_levels_keys_are_criterion_indexes_in_the_schema(document):
    levels = schema_of(document, "DecisionIn")["properties"]["levels"]
    assert "patternProperties" not in levels
    pattern = re.compile(levels["propertyNames"]["pattern"])
    accepted = [str(i) for i in range(limits.MAX_RUBRIC_CRITERIA)]
    assert all(pattern.search(key) for key in accepted)
    for refused in ["-1", "01", " 1", "+1", "1.0", str(limits.MAX_RUBRIC_CRITERIA), "a"]:
        assert not pattern.search(refused), refused
        with pytest.raises(ValueError):
            DecisionIn.model_validate(
                {"decision": "reject", "feedback": "x", "levels": {refused: 0}}
            )
    assert levels["additionalProperties"]["exclusiveMaximum"] == limits.MAX_RUBRIC_LEVEL
    decision = DecisionIn.model_validate(
        {"decision": "approve", "feedback": "x", "levels": {"3": 1}}
    )
    assert decision.chosen_levels() == {3: 1}


def test_quiz_answers_keys_are_constrained_in_the_schema(document):
    answers = schema_of(document, "AttemptIn")["properties"]["answers"]
    validator = Draft202012Validator(answers)
    assert validator.is_valid({"q1": ["c1"]})
    assert not validator.is_valid({"q 1": ["c1"]})
    assert not validator.is_valid({"q1": [1]})


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\x1c"])
def test_blank_snippet_titles_and_review_feedback_are_refused_by_the_schema(document, blank):
    title = schema_of(document, "SnippetIn")["properties"]["title"]
    assert title["minLength"] == limits.MIN_SNIPPET_TITLE_LENGTH
    assert title["maxLength"] == limits.MAX_SNIPPET_TITLE_LENGTH
    assert not Draft202012Validator(title).is_valid(blank)
    with pytest.raises(ValueError):
        SnippetIn.model_validate({"title": blank, "text": "نص"})
    feedback = schema_of(document, "DecisionIn")["properties"]["feedback"]
    assert "feedback" in schema_of(document, "DecisionIn")["required"]
    assert not Draft202012Validator(feedback).is_valid(blank)
    with pytest.raises(ValueError):
        DecisionIn.model_validate({"decision": "approve", "feedback": blank})
