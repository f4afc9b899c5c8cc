"""What a report must hold, checked once for the page, the API and the service."""

import datetime
from decimal import Decimal

import pytest

from outcomes import services
from outcomes.forms import OutcomeForm
from outcomes.models import Outcome

from .conftest import report_data

pytestmark = pytest.mark.django_db


def errors_of(user, **changes):
    form = OutcomeForm(report_data(**changes), user=user)
    assert not form.is_valid()
    return {field: [e.code for e in errors] for field, errors in form.errors.as_data().items()}


def test_a_first_client_is_saved_with_the_link_in_canonical_form(learner, mostaql):
    outcome = services.report(
        learner, report_data(link="https://MOSTAQL.com/project/123456-logo?utm_source=x#top")
    )
    outcome.refresh_from_db()
    assert outcome.link == "https://mostaql.com/project/123456-logo"
    assert (outcome.kind, outcome.marketplace, outcome.amount) == (
        Outcome.Kind.FIRST_CLIENT,
        mostaql,
        Decimal("40.00"),
    )
    assert outcome.count_in_statistics is True
    assert (outcome.may_contact, outcome.show_publicly) == (False, False)
    assert outcome.review == Outcome.Review.REPORTED


def test_an_empty_report_names_each_missing_field(learner, mostaql):
    form = OutcomeForm({}, user=learner)
    assert not form.is_valid()
    assert {"kind", "happened_on"} <= set(form.errors)


def test_a_first_client_needs_a_marketplace_and_a_link(learner, mostaql):
    errors = errors_of(learner, marketplace="", link="")
    assert errors["marketplace"] == ["required"]
    assert errors["link"] == ["required"]


@pytest.mark.parametrize(
    ("link", "code"),
    [
        ("https://khamsat.com/programming/123-logo", "host"),
        ("https://mostaql.com.evil.example/project/1", "host"),
        ("http://mostaql.com/project/1", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("https://user:pw@mostaql.com/project/1", "credentials"),
        ("https://mostaql.com/project/../../admin", "not_a_page"),
        ("https://mostaql.com/", "not_a_page"),
        ("https://mostaql.com/project/1 2", "characters"),
        ("https://mostaql.com/" + "p" * 600, "max_length"),
    ],
)
def test_a_link_off_the_marketplace_is_refused(learner, mostaql, link, code):
    assert errors_of(learner, link=link)["link"] == [code]


def test_a_date_in_the_future_is_refused(learner, mostaql):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    assert errors_of(learner, happened_on=tomorrow.isoformat())["happened_on"] == ["future"]


def test_a_date_before_the_marketplaces_is_refused(learner, mostaql):
    assert errors_of(learner, happened_on="1999-05-01")["happened_on"] == ["too_early"]


@pytest.mark.parametrize("amount", ["1000000.01", "99999999999", "1e30", "-5", "0"])
def test_a_huge_or_non_positive_amount_is_refused(learner, mostaql, amount):
    assert "amount" in errors_of(learner, amount=amount)


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "12.345", "abc"])
def test_a_malformed_amount_is_refused(learner, mostaql, amount):
    assert "amount" in errors_of(learner, amount=amount)


def test_an_unknown_currency_is_refused(learner, mostaql):
    assert errors_of(learner, currency="XYZ")["currency"] == ["invalid_choice"]


def test_an_amount_needs_a_currency(learner, mostaql):
    assert errors_of(learner, currency="")["currency"] == ["required"]


def test_an_unknown_marketplace_is_refused(learner, mostaql):
    assert errors_of(learner, marketplace="fiverr-clone")["marketplace"] == ["invalid_choice"]


def test_a_second_first_client_is_a_duplicate(learner, mostaql):
    services.report(learner, report_data())
    with pytest.raises(services.Duplicate) as refused:
        services.report(learner, report_data(link="https://mostaql.com/project/99-other"))
    assert refused.value.status == 409
    assert Outcome.objects.filter(user=learner).count() == 1


def test_earnings_are_kept_by_month_and_a_second_band_that_month_is_a_duplicate(learner, mostaql):
    day = datetime.date.today().replace(day=1) - datetime.timedelta(days=20)
    first = services.report(
        learner,
        report_data(kind="earnings", band="100-300", happened_on=day.isoformat(), link=""),
    )
    assert first.happened_on == day.replace(day=1)
    assert first.link == ""
    with pytest.raises(services.Duplicate):
        services.report(
            learner,
            report_data(
                kind="earnings", band="300-1000", happened_on=day.replace(day=2).isoformat()
            ),
        )


def test_earnings_need_a_band(learner, mostaql):
    assert errors_of(learner, kind="earnings", band="")["band"] == ["required"]


def test_a_database_race_between_two_reports_keeps_one(learner, mostaql):
    """Both forms pass their duplicate check before either row exists; the constraint
    refuses the second."""
    first = OutcomeForm(report_data(), user=learner)
    second = OutcomeForm(report_data(), user=learner)
    assert first.is_valid() and second.is_valid()
    services.save_report(first, learner)
    with pytest.raises(services.Duplicate):
        services.save_report(second, learner)
    assert Outcome.objects.filter(user=learner).count() == 1
