"""Hand-in links: no way around the marketplace check, no link into a private network."""

import pytest
from pydantic import ValidationError as SchemaError

from django.core.exceptions import ValidationError

from mentoring import limits
from mentoring.api.common import DecisionIn
from mentoring.links import clean_link
from tests.mentoring.helpers import KHAMSAT_SERVICE


@pytest.mark.parametrize(
    "link",
    [
        "https://khamsat.com/user/../../logout",
        "https://khamsat.com/user/afaf/../../logout",
        "https://khamsat.com/user/%2e%2e/%2E%2E/logout",
        "https://khamsat.com/user/.%2e/logout",
        "https://khamsat.com/user/a%2f..%2flogout",
        "https://khamsat.com/user/a%5c..%5clogout",
        "https://khamsat.com/./logout",
    ],
)
def test_dot_segments_are_refused_on_a_marketplace(khamsat, link):
    with pytest.raises(ValidationError) as refused:
        clean_link(link, khamsat)
    assert refused.value.code == "dot_segments"


def test_a_service_page_on_the_marketplace_is_still_accepted(khamsat):
    assert clean_link(KHAMSAT_SERVICE, khamsat) == KHAMSAT_SERVICE
    assert clean_link("https://khamsat.com/user/afaf_nour", khamsat, profile_only=True)


@pytest.mark.parametrize(
    "link",
    [
        "http://127.0.0.1/admin/",
        "http://127.1.2.3:8000/",
        "http://localhost:8000/",
        "https://app.localhost/",
        "https://10.0.0.5/",
        "https://172.16.4.4/",
        "https://192.168.1.1/setup",
        "http://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:192.168.0.1]/",
        "https://printer.local/",
        "https://wiki.corp.internal/",
        "https://router.home.arpa/",
    ],
)
def test_links_into_private_networks_are_refused(link):
    with pytest.raises(ValidationError) as refused:
        clean_link(link)
    assert refused.value.code in {"private_host", "invalid"}
    # Where Django's URL validator lets the address through, this check stops it.


@pytest.mark.parametrize(
    "link",
    ["http://127.0.0.1/", "https://192.168.1.1/", "http://[::1]/", "https://printer.local/"],
)
def test_the_private_host_check_is_what_refuses_them(link):
    with pytest.raises(ValidationError) as refused:
        clean_link(link)
    assert refused.value.code == "private_host"


@pytest.mark.parametrize(
    "link",
    ["https://example.com/portfolio", "http://8.8.8.8/x", "https://[2606:4700::1111]/"],
)
def test_public_links_are_accepted(link):
    assert clean_link(link) == link


# --- the review decision's limits: one definition for the form, the API and the service


def test_a_decision_is_bounded_by_the_shared_limits():
    DecisionIn(decision="approve", feedback="ok", reason="x" * limits.MAX_REASON_LENGTH)
    with pytest.raises(SchemaError):
        DecisionIn(decision="approve", feedback="ok", reason="x" * (limits.MAX_REASON_LENGTH + 1))
    DecisionIn(decision="approve", feedback="x" * limits.MAX_FEEDBACK_LENGTH)
    with pytest.raises(SchemaError):
        DecisionIn(decision="approve", feedback="x" * (limits.MAX_FEEDBACK_LENGTH + 1))
    DecisionIn(decision="approve", feedback="ok", levels={str(limits.MAX_RUBRIC_CRITERIA - 1): 0})
    with pytest.raises(SchemaError):
        DecisionIn(decision="approve", feedback="ok", levels={str(limits.MAX_RUBRIC_CRITERIA): 0})
    with pytest.raises(SchemaError):
        DecisionIn(decision="approve", feedback="ok", levels={"0": limits.MAX_RUBRIC_LEVEL})
    with pytest.raises(SchemaError):
        DecisionIn(decision="approve", feedback="ok", scores={"0": 1})  # unknown fields
