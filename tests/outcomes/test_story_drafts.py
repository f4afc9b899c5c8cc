"""An editor turns a consenting learner's outcome into a draft story in moderation."""

from decimal import Decimal

import pytest

from django.urls import reverse

from cms.models import SuccessStoryPage
from notifications.models import NotificationPreference
from outcomes import stories
from outcomes.models import Outcome
from tests.factories.outcomes import OutcomeFactory

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def outcome(learner, profile, mostaql):
    return OutcomeFactory(
        user=learner, marketplace=mostaql, amount=Decimal("40.00"), currency="USD"
    )


def test_the_editor_makes_a_prefilled_draft_that_waits_for_moderation(
    editor, index, outcome, profile
):
    client = client_for(editor)
    url = reverse("outcomes_admin:story", args=[outcome.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    outcome.refresh_from_db()
    page = SuccessStoryPage.objects.get(pk=outcome.story_id)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().pk == index.pk
    assert page.locale.language_code == "ar"
    assert not page.live
    assert page.person_name == "هدى"
    assert page.country == profile.country
    assert [m.slug for m in page.marketplaces.all()] == ["mostaql"]
    assert [s.slug for s in page.specialisations.all()] == ["design"]
    [figure] = list(page.figures)
    assert figure.value["value"] == "40 USD"
    assert page.owner == editor
    # In the moderation workflow, waiting for a moderator, like any submitted story.
    assert page.workflow_in_progress
    state = page.current_workflow_state
    assert state.requested_by == editor
    assert state.current_task_state.task.specific.groups.filter(name="Moderators").exists()


def test_the_draft_goes_under_the_story_index_of_her_language(editor, english, outcome, learner):
    NotificationPreference.objects.create(user=learner, language="en")
    page, _revision = stories.make_draft(outcome, editor)
    assert page.get_parent().pk == english[1].pk
    assert page.locale.language_code == "en"
    assert "Mostaql" in page.title


def test_without_consent_to_contact_no_draft_is_made(editor, index, outcome):
    Outcome.objects.filter(pk=outcome.pk).update(may_contact=False)
    response = client_for(editor).post(reverse("outcomes_admin:story", args=[outcome.pk]))
    assert response.status_code == 302
    assert not SuccessStoryPage.objects.exists()
    outcome.refresh_from_db()
    assert outcome.story_id is None


def test_a_second_draft_from_the_same_outcome_is_refused(editor, index, outcome):
    stories.make_draft(outcome, editor)
    with pytest.raises(stories.StoryRefused):
        stories.make_draft(outcome, editor)
    assert SuccessStoryPage.objects.count() == 1


def test_earnings_give_the_band_as_the_headline_figure(learner, mostaql):
    outcome = OutcomeFactory(user=learner, earnings=True, band=Outcome.Band.B300_1000)
    figure = stories.headline_figure(outcome, "ar")
    assert figure["value"] == "300–1000 $"
