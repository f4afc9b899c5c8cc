"""Credentials as a client's verifier meets them: issued by real awards, fetched over
HTTP from the stable URLs, checked with another JOSE library (PyJWT), the official
schema, a JSON-LD processor, and the published status list."""

import json
from urllib.parse import urlsplit

import jwt as pyjwt
import pytest
from pyld import jsonld

from credentials import awarding, baking, status_list
from credentials.contexts import document_loader
from credentials.models import BadgeAward, BadgeRule, MarketplaceLink
from learning.progress import complete_component, enrol
from mentoring import services
from tests.factories.cms import MarketplaceFactory

from .world import finish_course, make_assignment_lesson, make_badge, make_course, make_user

pytestmark = pytest.mark.django_db
JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")


def path_of(url):
    return urlsplit(url).path


def fetch(client, url, **headers):
    response = client.get(path_of(url), **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def verify_like_a_client(client, token):
    """PyJWT, with the key fetched from the ``kid`` URL and cross-checked with the set."""
    header = pyjwt.get_unverified_header(token)
    assert header["alg"] == "RS256" and header["typ"] == "JWT"
    served = json.loads(fetch(client, header["kid"]).content)
    jwks_url = path_of(header["kid"]).rsplit("/", 2)[0] + "/"
    in_set = {jwk["kid"]: jwk for jwk in json.loads(fetch(client, jwks_url).content)["keys"]}
    assert in_set[served["kid"]] == served
    claims = pyjwt.decode(token, key=pyjwt.PyJWK(served).key, algorithms=["RS256"])
    return claims


def all_kinds(world, capture):
    """One real award of each rule kind, each earned the way a learner earns it."""
    marketplace = MarketplaceFactory()
    learner = make_user(
        display_name_ar="عفاف النور", display_name_latin="Afaf Al-Nour", is_public=True
    )
    MarketplaceLink.objects.create(
        profile=learner.learner_profile,
        marketplace=marketplace,
        url="https://mostaql.com/u/afaf_dev",
    )
    mentor = make_user(groups=["Mentors"])
    track = make_badge(BadgeRule.TRACK, track="pricing", name_en="Pricing track")
    pricing, pricing_lessons = make_course(world.catalogue, track="pricing")
    lesson, block_id = make_assignment_lesson(world.course, mentor=False)
    assignment_badge = make_badge(BadgeRule.ASSIGNMENT, lesson=lesson, name_en="Proposal")
    manual = make_badge(BadgeRule.MANUAL, name_en="Community helper", design_track="custom")
    with capture(execute=True):
        finish_course(learner, pricing, pricing_lessons)
        enrol(learner, world.course)
        assignment = services.find_assignment(lesson, block_id)
        submission = services.start_submission(learner, assignment, "ar")
        services.save_draft(submission, text="خطة", link="https://example.com/plan")
        services.submit(submission, learner)  # needs no mentor: approved on hand-in
        for course_lesson in world.lessons:
            complete_component(learner, course_lesson, "reading")
        awarding.award_by_hand(manual, learner, by=mentor, reason="ساعد زملاءه في المجموعة")
    awards = {a.badge_class_id: a for a in BadgeAward.objects.filter(recipient=learner)}
    return {
        "course": awards[world.badge.pk],
        "track": awards[track.pk],
        "assignment": awards[assignment_badge.pk],
        "manual": awards[manual.pk],
    }


@pytest.fixture
def awards(badge_world, django_capture_on_commit_callbacks):
    return all_kinds(badge_world, django_capture_on_commit_callbacks)


def test_every_issued_kind_validates_and_verifies_end_to_end(client, awards, credential_schema):
    expected_types = {
        "course": "Course",
        "track": "LearningProgram",
        "assignment": "Assignment",
        "manual": "Award",
    }
    for kind, award in awards.items():
        token = fetch(client, f"/badges/{award.uuid}/credential").content.decode()
        assert token == award.jws
        claims = verify_like_a_client(client, token)
        credential = {k: v for k, v in claims.items() if k not in JWT_CLAIMS}
        errors = sorted(e.message for e in credential_schema.iter_errors(credential))
        assert errors == [], (kind, errors)
        assert credential == award.credential
        subject = credential["credentialSubject"]
        assert subject["achievement"]["achievementType"] == expected_types[kind]
        assert credential["validFrom"].startswith(award.awarded_at.strftime("%Y-%m-%dT%H:%M"))
        assert (
            claims["jti"]
            == credential["id"]
            == f"https://bidaya.example/badges/{award.uuid}/credential"
        )
        assert credential["evidence"], kind
        identifiers = {i["identityType"]: i["identityHash"] for i in subject["identifier"]}
        assert identifiers["ext:MarketplaceProfileUrl"] == "https://mostaql.com/u/afaf_dev"
        assert identifiers["name"] == "عفاف النور (Afaf Al-Nour)"
        assert subject["id"].startswith("https://bidaya.example/learners/")
        # Every URL in it answers on this site.
        fetch(client, credential["issuer"]["id"])
        fetch(client, subject["achievement"]["id"], HTTP_ACCEPT="application/ld+json")
        fetch(client, subject["achievement"]["image"]["id"])
        fetch(client, credential["credentialStatus"]["statusListCredential"])


def test_issuer_profile_validates_against_the_profile_schema(client, awards, profile_schema):
    issuer_id = awards["course"].credential["issuer"]["id"]
    response = fetch(client, issuer_id)
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["id"] == issuer_id
    assert sorted(e.message for e in profile_schema.iter_errors(document)) == []


def test_credentials_expand_as_json_ld_without_the_network(awards):
    for award in awards.values():
        expanded = jsonld.expand(award.credential, {"documentLoader": document_loader})
        flat = json.dumps(expanded)
        assert "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry" in flat
        assert "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement" in flat


def test_revocation_reaches_the_status_list_the_api_and_the_page(client, awards):
    award = awards["course"]
    mentor = awards["manual"].awarded_by
    status = award.credential["credentialStatus"]
    index = int(status["statusListIndex"])

    def revoked_in_list():
        token = fetch(client, status["statusListCredential"]).content.decode()
        claims = verify_like_a_client(client, token)
        assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        assert claims["iss"] == award.credential["issuer"]["id"]
        bits = status_list.decode(claims["credentialSubject"]["encodedList"])
        assert len(bits) * 8 >= status_list.LIST_SIZE
        return status_list.is_set(bits, index)

    assert revoked_in_list() is False
    assert json.loads(client.get(f"/api/v1/badges/{award.uuid}").content)["status"] == "valid"

    awarding.revoke(award, by=mentor, reason="نُسخ العمل من متعلم آخر")
    assert revoked_in_list() is True
    api = json.loads(client.get(f"/api/v1/badges/{award.uuid}").content)
    assert (api["status"], api["revocation_reason"]) == ("revoked", "نُسخ العمل من متعلم آخر")
    page = client.get(f"/en/badges/{award.uuid}/").content.decode()
    assert 'data-status="revoked"' in page and "نُسخ العمل من متعلم آخر" in page
    assert client.get(f"/badges/{award.uuid}/download.png").status_code == 410
    # Other awards in the same list are untouched.
    other = awards["track"].credential["credentialStatus"]
    bits = status_list.decode(
        pyjwt.decode(
            fetch(client, other["statusListCredential"]).content,
            options={"verify_signature": False},
        )["credentialSubject"]["encodedList"]
    )
    assert status_list.is_set(bits, int(other["statusListIndex"])) is False
    with pytest.raises(awarding.AwardError):
        awarding.revoke(award, by=mentor, reason="again")


def test_baked_downloads_carry_the_same_credential(client, awards):
    award = awards["course"]
    png = client.get(f"/badges/{award.uuid}/download.png")
    svg = client.get(f"/badges/{award.uuid}/download.svg")
    assert png["Content-Type"] == "image/png" and "attachment" in png["Content-Disposition"]
    assert svg["Content-Type"] == "image/svg+xml"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert baking.extract_png(png.content) == award.jws
    assert baking.extract_svg(svg.content.decode()) == award.jws
    embedded = client.get(f"/badges/{award.uuid}/image.png")
    assert "Content-Disposition" not in embedded
    assert baking.extract_png(embedded.content) == award.jws
    claims = verify_like_a_client(client, baking.extract_png(png.content))
    assert claims["jti"].endswith(f"/badges/{award.uuid}/credential")


def test_a_tampered_stored_credential_shows_signature_invalid(client, awards):
    award = awards["assignment"]
    header, payload, signature = award.jws.split(".")
    data = json.loads(pyjwt.utils.base64url_decode(payload))
    data["credentialSubject"]["achievement"]["name"] = "شارة مزورة"
    forged = pyjwt.utils.base64url_encode(json.dumps(data).encode()).decode()
    BadgeAward.objects.filter(pk=award.pk).update(jws=f"{header}.{forged}.{signature}")
    page = client.get(f"/ar/badges/{award.uuid}/").content.decode()
    assert 'data-status="signature_invalid"' in page
    api = json.loads(client.get(f"/api/v1/badges/{award.uuid}").content)
    assert api["status"] == "signature_invalid"


def test_changing_the_profile_resigns_with_the_new_links(
    client, awards, django_capture_on_commit_callbacks
):
    award = awards["course"]
    learner = award.recipient
    old_token = award.jws
    client.force_login(learner)
    data = {
        "display_name_ar": "عفاف",
        "display_name_latin": "Afaf",
        "is_public": "on",
        "show_name_on_badges": "on",
        "link_mostaql": "https://mostaql.com/u/afaf_new",
        "public_mostaql": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/profile/", data)
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.jws != old_token
    identifiers = award.credential["credentialSubject"]["identifier"]
    assert {
        "type": "IdentityObject",
        "identityHash": "https://mostaql.com/u/afaf_new",
        "identityType": "ext:MarketplaceProfileUrl",
        "hashed": False,
    } in identifiers
    claims = verify_like_a_client(client, award.jws)
    assert claims["jti"] == award.credential["id"]
    # The old token still verifies: same key, same id, same status entry.
    verify_like_a_client(client, old_token)
