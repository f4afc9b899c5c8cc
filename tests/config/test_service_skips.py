"""CI cannot go green by skipping: skips for a missing service fail under BIDAYA_REQUIRE_SERVICES.

``tests/services.missing`` is the one way a test says "the service I need is not here";
these tests check what it does with and without the variable (in a pytest run of its
own, as CI would see it) and that no test file skips another way.
"""

import re
from pathlib import Path

import pytest

from tests import services

ROOT = Path(__file__).resolve().parents[2]
SKIP_CALLS = re.compile(r"pytest\.(skip\(|importorskip\(|mark\.skip\b|mark\.skipif\b)")
# Skips that are not about a service CI provides, each with its reason.
OTHER_SKIPS = {
    # compares the fixtures with a sibling folder of the repository, when it is there
    "tests/credentials/test_reference_files.py",
}

INNER_TEST = """
from tests import services

def test_needs_redis():
    services.missing("Redis", "not reachable here")
"""


@pytest.fixture
def inner_run(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(test_inner=INNER_TEST)

    def run(variable):
        if variable is None:
            monkeypatch.delenv(services.REQUIRE_SERVICES, raising=False)
        else:
            monkeypatch.setenv(services.REQUIRE_SERVICES, variable)
        return pytester.runpytest_subprocess("-p", "no:django", "-p", "no:cacheprovider", "-rsf")

    return run


def test_a_missing_service_skips_the_test_on_a_laptop(inner_run):
    result = inner_run(None)
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*needs Redis: not reachable here*"])


def test_a_missing_service_fails_the_test_when_services_are_required(inner_run):
    result = inner_run("1")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*needs Redis: not reachable here*BIDAYA_REQUIRE_SERVICES*"])


def test_zero_means_not_required(inner_run):
    inner_run("0").assert_outcomes(skipped=1)


def test_ci_requires_the_services():
    assert re.search(r"^export BIDAYA_REQUIRE_SERVICES=1$", (ROOT / ".ci/run").read_text(), re.M)


def test_every_skip_goes_through_the_helper():
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in OTHER_SKIPS or name in (
            "tests/services.py",
            "tests/config/test_service_skips.py",
        ):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if SKIP_CALLS.search(line):
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == [], "skip through tests.services.missing: " + "; ".join(offenders)
