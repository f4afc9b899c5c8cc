import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from pyld import jsonld

from credentials.contexts import (
    CREDENTIAL_CONTEXTS,
    UnknownContextError,
    document_loader,
)
from credentials.credential import (
    PROFILE_IDENTITY_TYPE,
    AchievementKind,
    CredentialError,
    IssuerInfo,
    RecipientInfo,
    issuer_profile_document,
)

from .samples import ISSUER, PROFILE_LINKS, SITE, achievement_info, make_credential

ALL_KINDS = list(AchievementKind)


def schema_errors(validator, document):
    return sorted(f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document))


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_every_kind_validates_against_the_official_schema(credential_schema, kind, language):
    credential = make_credential(kind, language=language)
    assert schema_errors(credential_schema, credential) == []
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]


def test_minimal_award_without_optional_parts_validates(credential_schema):
    credential = make_credential(
        AchievementKind.MANUAL_AWARD,
        recipient=RecipientInfo(id="urn:uuid:0b6c3f5e-8a43-4f5c-9f1e-2d7c1b8e4a90"),
        evidence=(),
        profile_links=(),
        awarded_at=None,
        image_url="",
    )
    assert schema_errors(credential_schema, credential) == []
    assert "identifier" not in credential["credentialSubject"]
    assert "evidence" not in credential


def test_the_schema_catches_a_broken_credential(credential_schema):
    """Guards the guard: the validator must reject what the spec forbids."""
    credential = make_credential()
    del credential["credentialSubject"]["achievement"]["criteria"]
    credential["validFrom"] = "14 March 2025"
    errors = schema_errors(credential_schema, credential)
    assert any("criteria" in error for error in errors)
    assert any("validFrom" in error for error in errors)


def test_achievement_kinds_map_to_ob_achievement_types():
    types = {
        kind: make_credential(kind)["credentialSubject"]["achievement"]["achievementType"]
        for kind in ALL_KINDS
    }
    assert types == {
        AchievementKind.COURSE_COMPLETION: "Course",
        AchievementKind.TRACK_COMPLETION: "LearningProgram",
        AchievementKind.ASSIGNMENT_APPROVED: "Assignment",
        AchievementKind.MANUAL_AWARD: "Award",
    }


def test_issuer_profile_and_dates():
    credential = make_credential()
    assert credential["issuer"] == {
        "id": f"{SITE}/badges/issuer/",
        "type": ["Profile"],
        "name": "Bidaya",
        "url": f"{SITE}/",
        "description": ISSUER.description,
        "email": "badges@bidaya.example",
        "image": {"id": ISSUER.image_url, "type": "Image", "caption": "Bidaya"},
    }
    # whole seconds in UTC, so nbf (an integer) can equal validFrom exactly
    assert credential["validFrom"] == "2025-03-14T09:30:15Z"
    assert credential["awardedDate"] == "2025-03-14T09:30:15Z"


def test_names_are_strings_in_the_award_language_with_the_others_as_related():
    credential = make_credential(language="en")
    achievement = credential["credentialSubject"]["achievement"]
    assert credential["name"] == "My first proposal"
    assert achievement["name"] == "My first proposal"
    assert achievement["inLanguage"] == "en"
    assert achievement["criteria"]["narrative"].startswith("Finish every lesson")
    assert achievement["related"] == [
        {
            "id": f"{SITE}/ar/badges/classes/first-proposal/",
            "type": ["Related"],
            "inLanguage": "ar",
            "name": "عرضي الأول",
        },
        {
            "id": f"{SITE}/fr/badges/classes/first-proposal/",
            "type": ["Related"],
            "inLanguage": "fr",
            "name": "Ma première proposition",
        },
    ]


def test_missing_translation_falls_back_to_the_default_language():
    # the sample course has a French name but no French description or criteria
    credential = make_credential(language="fr")
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == "Ma première proposition"
    assert achievement["description"].startswith("أكمل دورة")
    assert achievement["inLanguage"] == "fr"


def test_recipient_email_is_salted_sha256_never_plain():
    credential = make_credential()
    text = json.dumps(credential, ensure_ascii=False).lower()
    assert "afaf.alnour@example.com" not in text
    email_id = credential["credentialSubject"]["identifier"][0]
    expected = hashlib.sha256(b"afaf.alnour@example.com4f1c2a").hexdigest()
    assert email_id == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": "4f1c2a",
    }
    assert credential["credentialSubject"]["id"] == f"{SITE}/learners/afaf-al-nour/"


def test_a_fresh_salt_is_drawn_when_none_is_given():
    recipient = RecipientInfo(id="urn:uuid:1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed", email="a@b.co")
    salts = {
        make_credential(recipient=recipient)["credentialSubject"]["identifier"][0]["salt"]
        for _ in range(3)
    }
    assert len(salts) == 3 and all(len(salt) == 32 for salt in salts)


def test_marketplace_profiles_are_plain_identity_objects():
    identifiers = make_credential()["credentialSubject"]["identifier"]
    profiles = [i for i in identifiers if i["identityType"] == PROFILE_IDENTITY_TYPE]
    assert [p["identityHash"] for p in profiles] == [link.url for link in PROFILE_LINKS]
    assert all(p["hashed"] is False for p in profiles)
    names = [i for i in identifiers if i["identityType"] == "name"]
    assert names == [
        {
            "type": "IdentityObject",
            "identityHash": "Afaf Al-Nour",
            "identityType": "name",
            "hashed": False,
        }
    ]


def test_evidence_points_at_the_course_and_the_approved_assignment():
    course = make_credential(AchievementKind.COURSE_COMPLETION)["evidence"]
    assert course == [
        {
            "id": f"{SITE}/courses/first-proposal/",
            "type": ["Evidence"],
            "name": "My first proposal",
            "genre": "Course",
        }
    ]
    assignment = make_credential(AchievementKind.ASSIGNMENT_APPROVED)["evidence"][0]
    assert assignment["id"] == f"{SITE}/assignments/submissions/41/"
    assert assignment["genre"] == "Assignment"
    assert assignment["narrative"].startswith("Chose arabising")


def test_valid_until_must_follow_valid_from(credential_schema):
    start = datetime(2025, 1, 1, tzinfo=UTC)
    credential = make_credential(valid_from=start, valid_until=start + timedelta(days=365))
    assert credential["validUntil"] == "2026-01-01T00:00:00Z"
    assert schema_errors(credential_schema, credential) == []
    with pytest.raises(CredentialError):
        make_credential(valid_from=start, valid_until=start)


@pytest.mark.parametrize(
    "overrides",
    [
        {"credential_id": "/badges/1/"},
        {"credential_id": "javascript:alert(1)"},
        {"credential_id": " https://bidaya.example/badges/1/"},
        {"recipient": RecipientInfo(id="")},
        {"recipient": RecipientInfo(id="urn:uuid:x", email="not-an-email")},
        {"valid_from": datetime(2025, 1, 1)},  # naive: ambiguous instant
        {"language": "de"},
        {"achievement": achievement_info(name={"fr": "Seulement en français"})},
        {"issuer": IssuerInfo(id=f"{SITE}/badges/issuer/", name=" ", url=f"{SITE}/")},
    ],
)
def test_bad_inputs_are_refused(overrides):
    with pytest.raises(CredentialError):
        make_credential(**overrides)


def test_issuer_profile_document_validates(profile_schema):
    document = issuer_profile_document(ISSUER)
    assert schema_errors(profile_schema, document) == []
    assert document["id"] == ISSUER.id


# -- JSON-LD: every term is defined by the local contexts ------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_json_ld_expansion_drops_nothing_and_fetches_nothing(kind):
    """A term the contexts do not define would vanish from the signed meaning."""
    dropped = []
    expanded = jsonld.expand(
        make_credential(kind),
        {"documentLoader": document_loader},
        on_property_dropped=dropped.append,
    )
    assert dropped == []
    node = expanded[0]
    assert "https://www.w3.org/2018/credentials#credentialSubject" in node
    assert "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential" in node["@type"]


def test_json_ld_notices_an_undefined_term():
    credential = make_credential()
    credential["credentialSubject"]["marketplaceLinks"] = ["https://mostaql.com/u/x"]
    dropped = []
    jsonld.expand(
        credential, {"documentLoader": document_loader}, on_property_dropped=dropped.append
    )
    assert dropped == ["marketplaceLinks"]


def test_document_loader_serves_only_local_contexts():
    for url in CREDENTIAL_CONTEXTS:
        assert "@context" in document_loader(url)["document"]
    with pytest.raises(UnknownContextError):
        document_loader("https://example.org/evil-context.jsonld")
