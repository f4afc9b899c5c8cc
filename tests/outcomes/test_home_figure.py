"""The home page's live figure: consenting learners only, kept, within the query budget."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from outcomes import statistics
from outcomes.models import Outcome
from tests.cms.test_fast_pages import VISITOR_LIMIT
from tests.factories.outcomes import OutcomeFactory

pytestmark = pytest.mark.django_db


def figure_on(home):
    response = Client().get(home.url)
    assert response.status_code == 200
    html = response.content.decode()
    if "data-home-figures" not in html:
        return None
    start = html.index('class="home-figure__value"><bdi>') + len('class="home-figure__value"><bdi>')
    return int(html[start : html.index("</bdi>", start)])


def test_only_consenting_learners_are_counted(home):
    OutcomeFactory.create_batch(6)
    OutcomeFactory.create_batch(3, count_in_statistics=False)
    OutcomeFactory(review=Outcome.Review.REJECTED)
    OutcomeFactory(user__is_active=False)
    # Earnings are not a first client.
    OutcomeFactory(earnings=True)
    assert figure_on(home) == 6


def test_below_the_minimum_the_figure_is_hidden(home):
    OutcomeFactory.create_batch(statistics.MINIMUM_SHOWN - 1)
    OutcomeFactory.create_batch(3, count_in_statistics=False)
    assert figure_on(home) is None


def test_the_figure_follows_a_new_report_and_a_withdrawal_at_once(home):
    rows = OutcomeFactory.create_batch(5)
    assert figure_on(home) == 5
    OutcomeFactory()
    assert figure_on(home) == 6
    withdrawn = rows[0]
    withdrawn.count_in_statistics = False
    withdrawn.save()
    assert figure_on(home) == 5


def test_the_kept_figure_costs_no_query(home):
    OutcomeFactory.create_batch(5)
    client = Client()
    client.get(home.url)  # warm the caches, as on a running site
    with CaptureQueriesContext(connection) as captured:
        client.get(home.url)
    assert not [q for q in captured.captured_queries if "outcomes_outcome" in q["sql"]]


def test_the_home_page_keeps_its_visitor_budget_with_the_figure(
    home, django_assert_max_num_queries
):
    OutcomeFactory.create_batch(7)
    client = Client()
    client.get(home.url)
    with django_assert_max_num_queries(VISITOR_LIMIT):
        response = client.get(home.url)
    assert b"data-home-figures" in response.content
