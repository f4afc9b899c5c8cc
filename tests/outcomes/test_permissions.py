"""Who may do what with outcomes: one expected status per person and action."""

import pytest

from django.test import Client
from django.urls import reverse

from tests.factories.accounts import UserFactory
from tests.factories.outcomes import OutcomeFactory

from .conftest import client_for, report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db, learner, editor, moderator):
    return {
        "anonymous": None,
        "learner": learner,
        "mentor": UserFactory(email="mentor@example.com", groups=["Mentors"]),
        "editor": editor,
        "moderator": moderator,
        "admin": UserFactory(email="admin@example.com", is_superuser=True, is_staff=True),
    }


def as_(people, who):
    user = people[who]
    return client_for(user) if user is not None else Client()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),  # to the login
        ("learner", 302),  # the admin sends a non-editor to its login
        ("mentor", 302),
        ("editor", 200),
        ("moderator", 200),
        ("admin", 200),
    ],
)
def test_the_admin_listing(people, who, status, mostaql):
    OutcomeFactory(marketplace=mostaql)
    assert as_(people, who).get(reverse("outcomes_admin:index")).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("learner", 302), ("mentor", 302), ("editor", 302), ("admin", 302)],
)
def test_the_story_action(people, who, status, index, mostaql, learner):
    """Only staff who may change outcomes reach it; for them it makes the draft and
    redirects to the page editor, for others it redirects to the login."""
    outcome = OutcomeFactory(user=learner, marketplace=mostaql)
    response = as_(people, who).post(reverse("outcomes_admin:story", args=[outcome.pk]))
    assert response.status_code == status
    outcome.refresh_from_db()
    made = outcome.story_id is not None
    assert made == (who in ("editor", "admin"))


def test_nobody_adds_an_outcome_in_the_admin(people):
    for who in ("editor", "moderator", "admin"):
        response = as_(people, who).get(reverse("outcomes_admin:add"))
        assert response.status_code == 302, who


@pytest.mark.parametrize(("who", "status"), [("editor", 302), ("moderator", 302), ("learner", 302)])
def test_marking_verified_through_the_edit_form(people, who, status, mostaql):
    outcome = OutcomeFactory(marketplace=mostaql)
    response = as_(people, who).post(
        reverse("outcomes_admin:edit", args=[outcome.pk]), {"review": "verified"}
    )
    assert response.status_code == status
    outcome.refresh_from_db()
    assert (outcome.review == "verified") == (who in ("editor", "moderator"))


@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("learner", 200)])
def test_the_report_page(people, who, status, mostaql):
    assert as_(people, who).get(reverse("outcomes:report")).status_code == status


def test_a_learner_cannot_change_another_learners_consents(people, mostaql):
    theirs = OutcomeFactory(user=UserFactory(), marketplace=mostaql)
    response = as_(people, "learner").post(reverse("outcomes:consents", args=[theirs.pk]), {})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.count_in_statistics is True


def test_the_page_report_saves_and_returns_to_the_dashboard(people, learner, mostaql):
    response = as_(people, "learner").post(reverse("outcomes:report"), report_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("learning:dashboard")
    assert learner.outcomes.count() == 1


def test_the_page_shows_errors_where_they_are(people, learner, mostaql):
    response = as_(people, "learner").post(
        reverse("outcomes:report"), report_data(link="https://khamsat.com/x/1")
    )
    assert response.status_code == 200
    assert b'data-field="link"' in response.content
    assert b"field--invalid" in response.content
    assert learner.outcomes.count() == 0


def test_the_inspect_view_says_yes_and_no_in_arabic(people, mostaql):
    outcome = OutcomeFactory(marketplace=mostaql, show_publicly=False)
    html = as_(people, "editor").get(reverse("outcomes_admin:inspect", args=[outcome.pk]))
    text = html.content.decode()
    assert "<dd>" in text
    assert "True" not in text.split("<main", 1)[-1] and "False" not in text.split("<main", 1)[-1]
    assert "نعم" in text and "لا" in text


def test_she_withdraws_one_consent_from_her_dashboard(people, learner, mostaql):
    mine = OutcomeFactory(user=learner, marketplace=mostaql, show_publicly=True)
    prefix = f"o{mine.pk}"
    response = as_(people, "learner").post(
        reverse("outcomes:consents", args=[mine.pk]),
        {f"{prefix}-may_contact": "on", f"{prefix}-show_publicly": "on"},
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.count_in_statistics, mine.may_contact, mine.show_publicly) == (False, True, True)
