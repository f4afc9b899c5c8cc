"""The demo outcomes: consenting graduates for the home figure, and the demo learner's."""

from io import StringIO

import pytest

from django.core.management import call_command

from outcomes import statistics
from outcomes.demo import GRADUATES
from outcomes.models import Outcome

pytestmark = pytest.mark.django_db

SEEDERS = ("editorial", "reference", "payouts", "site", "stories", "accounts", "outcomes")


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def seed():
    call_command("seed_demo", *[f"--only={name}" for name in SEEDERS], stdout=StringIO())


def test_the_demo_fills_the_home_figure_and_the_admin_list_once():
    seed()
    rows = Outcome.objects.all()
    assert rows.count() == len(GRADUATES) + 1
    assert all(row.count_in_statistics for row in rows)
    assert statistics.first_clients_shown() == len(GRADUATES) + 1
    assert rows.filter(may_contact=True).count() >= 2
    samira = rows.get(user__username="learner")
    assert (samira.review, samira.show_publicly) == (Outcome.Review.VERIFIED, True)
    # Every link passes the marketplace's own check, as a learner's would.
    for row in rows:
        assert row.marketplace.clean_work_url(row.link) == row.link
    seed()
    assert Outcome.objects.count() == len(GRADUATES) + 1
