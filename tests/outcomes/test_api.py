"""The learner's outcome endpoints: create, list, withdraw consent; problem details."""

import datetime
import json

import pytest

from django.test import Client

from accounts.models import AccessToken
from outcomes import statistics
from outcomes.models import Outcome
from tests.factories.accounts import UserFactory
from tests.factories.outcomes import OutcomeFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


class Api:
    def __init__(self, user=None):
        self.client = Client()
        self.headers = {}
        if user is not None:
            _row, secret = AccessToken.issue(user, "tests")
            self.headers = {"Authorization": f"Bearer {secret}"}

    def post(self, path, body):
        return self.client.post(
            f"/api/v1{path}",
            data=json.dumps(body),
            content_type="application/json",
            headers=self.headers,
        )

    def get(self, path):
        return self.client.get(f"/api/v1{path}", headers=self.headers)


def body(**changes):
    data = {
        "kind": "first_client",
        "marketplace": "mostaql",
        "link": "https://mostaql.com/project/123456-logo",
        "happened_on": (datetime.date.today() - datetime.timedelta(days=3)).isoformat(),
        "amount": "40.00",
        "currency": "USD",
        "count_in_statistics": True,
        "may_contact": True,
    }
    data.update(changes)
    return data


@pytest.fixture
def api(learner):
    return Api(learner)


def test_a_report_is_created_and_listed(api, learner, mostaql):
    response = api.post("/outcomes", body())
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["kind"] == "first_client"
    assert created["marketplace"] == "mostaql"
    assert created["review"] == "reported"
    assert (created["count_in_statistics"], created["may_contact"], created["show_publicly"]) == (
        True,
        True,
        False,
    )
    listed = api.get("/outcomes/mine").json()
    assert [row["id"] for row in listed] == [created["id"]]
    assert Outcome.objects.get(pk=created["id"]).user == learner


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"link": "https://khamsat.com/programming/1-logo"}, "link"),
        (
            {"happened_on": (datetime.date.today() + datetime.timedelta(days=3)).isoformat()},
            "happened_on",
        ),
        ({"marketplace": "nowhere"}, "marketplace"),
        ({"link": ""}, "link"),
        ({"currency": None}, "currency"),
        ({"amount": "1000000.01"}, "amount"),
        ({"amount": "0.00"}, "amount"),
    ],
)
def test_a_rule_broken_is_a_422_problem_naming_the_field(api, mostaql, changes, field):
    response = api.post("/outcomes", body(**changes))
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["code"] == "invalid_outcome"
    assert ["body", "data", field] in [error["loc"] for error in problem["errors"]]


@pytest.mark.parametrize(
    "changes",
    [
        {"amount": "99999999"},
        {"amount": 40.5},
        {"amount": "1e400"},
        {"amount": "NaN"},
        {"currency": "XYZ"},
        {"kind": "lottery"},
        {"band": "millions"},
        {"link": "https://mostaql.com/" + "x" * 600},
        {"user_id": 1},
    ],
)
def test_malformed_input_is_refused_by_the_schema(api, mostaql, changes):
    response = api.post("/outcomes", body(**changes))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert not Outcome.objects.exists()


def test_an_empty_body_is_refused(api, mostaql):
    response = api.post("/outcomes", {})
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM


def test_a_duplicate_first_client_is_a_409(api, mostaql):
    assert api.post("/outcomes", body()).status_code == 201
    response = api.post("/outcomes", body(link="https://mostaql.com/project/2-other"))
    assert response.status_code == 409
    assert response.json()["code"] == "duplicate"


def test_withdrawing_the_statistics_consent_takes_her_out_of_the_figure(api, learner, mostaql):
    others = OutcomeFactory.create_batch(5)
    mine = OutcomeFactory(user=learner, marketplace=mostaql)
    assert statistics.first_clients() == len(others) + 1
    response = api.post(f"/outcomes/{mine.pk}/withdraw", {"consents": ["count_in_statistics"]})
    assert response.status_code == 200
    assert response.json()["count_in_statistics"] is False
    assert response.json()["may_contact"] is True
    assert statistics.first_clients() == len(others)


def test_withdrawing_without_a_list_withdraws_every_consent(api, learner, mostaql):
    mine = OutcomeFactory(user=learner, marketplace=mostaql, show_publicly=True)
    data = api.post(f"/outcomes/{mine.pk}/withdraw", {}).json()
    assert (data["count_in_statistics"], data["may_contact"], data["show_publicly"]) == (
        False,
        False,
        False,
    )


def test_another_learners_outcome_is_a_404(api, mostaql):
    theirs = OutcomeFactory(user=UserFactory(), marketplace=mostaql)
    response = api.post(f"/outcomes/{theirs.pk}/withdraw", {})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.count_in_statistics is True


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/outcomes/mine"), ("post", "/outcomes"), ("post", "/outcomes/1/withdraw")],
)
def test_without_a_token_every_endpoint_is_a_401(method, path):
    anonymous = Api()
    response = anonymous.get(path) if method == "get" else anonymous.post(path, {})
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM


def test_the_endpoints_are_in_the_openapi_document(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {"post"} <= set(paths["/api/v1/outcomes"])
    assert "get" in paths["/api/v1/outcomes/mine"]
    assert "post" in paths["/api/v1/outcomes/{outcome_id}/withdraw"]
    create = paths["/api/v1/outcomes"]["post"]
    assert {"201", "409", "422"} <= set(create["responses"])
