"""The committed copies of the 1EdTech files must stay the published ones."""

import hashlib

import pytest

from credentials.contexts import OB_V3P0, VC_V2, load_context

from .samples import FIXTURES, REPO, SHARED_VENDOR

CONTEXTS = REPO / "credentials" / "contexts"


@pytest.mark.parametrize(
    "name",
    [
        "ob_v3p0_achievementcredential_schema.json",
        "ob_v3p0_profile_schema.json",
        "context-3.0.3.json",
    ],
)
def test_fixture_copies_match_the_shared_vendor_folder(name):
    if not (SHARED_VENDOR / name).is_file():
        pytest.skip(
            "the shared vendor folder (../shared/vendor/openbadges) is not next to the repo"
        )
    assert (FIXTURES / name).read_bytes() == (SHARED_VENDOR / name).read_bytes()


def test_runtime_ob_context_is_the_published_file():
    assert (CONTEXTS / "ob-v3p0-context-3.0.3.json").read_bytes() == (
        FIXTURES / "context-3.0.3.json"
    ).read_bytes()
    assert "AchievementSubject" in load_context(OB_V3P0)["@context"]


def test_vc_v2_context_is_the_recorded_file():
    data = (CONTEXTS / "credentials-v2.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == (
        "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"
    )
    assert "VerifiableCredential" in load_context(VC_V2)["@context"]
