import base64
import hashlib
import json
import os
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from joserfc import jws as joserfc_jws
from joserfc.jwk import RSAKey

from django.core.exceptions import ImproperlyConfigured

from credentials import signing
from credentials.credential import AchievementKind
from credentials.signing import SigningKey, VerificationStatus, public_jwks, sign, verify

from .samples import KEY_URL_TEMPLATE, REPO, SITE, VALID_FROM, make_credential


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(segment):
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def parts(token):
    header, payload, signature = token.split(".")
    return json.loads(unb64(header)), json.loads(unb64(payload)), signature


@pytest.fixture
def credential():
    return make_credential(AchievementKind.ASSIGNMENT_APPROVED)


@pytest.fixture
def token(key_file, credential):
    return sign(credential, key_url_template=KEY_URL_TEMPLATE)


# -- the token ----------------------------------------------------------------------


def test_round_trip_gives_back_the_same_credential(token, credential):
    result = verify(token)
    assert result.status is VerificationStatus.VALID and result.is_valid
    assert result.credential == credential


@pytest.mark.parametrize("kind", list(AchievementKind))
def test_every_kind_signs_and_verifies(key_file, credential_schema, kind):
    result = verify(sign(make_credential(kind), key_url_template=KEY_URL_TEMPLATE))
    assert result.is_valid
    assert list(credential_schema.iter_errors(result.credential)) == []


def test_header_and_claims_follow_the_ob3_jwt_proof_format(token, credential, signing_key):
    header, payload, _signature = parts(token)
    assert header == {
        "alg": "RS256",
        "kid": f"{SITE}/badges/keys/{signing_key.thumbprint}/",
        "typ": "JWT",
    }
    assert payload["iss"] == credential["issuer"]["id"]
    assert payload["jti"] == credential["id"]
    assert payload["sub"] == credential["credentialSubject"]["id"]
    assert payload["nbf"] == int(VALID_FROM.replace(microsecond=0).timestamp())
    assert "exp" not in payload
    assert {k: v for k, v in payload.items() if k not in {"iss", "jti", "sub", "nbf"}} == credential


def test_valid_until_becomes_exp(key_file):
    start = datetime(2025, 1, 1, tzinfo=UTC)
    credential = make_credential(valid_from=start, valid_until=start + timedelta(days=30))
    _header, payload, _ = parts(sign(credential, key_url_template=KEY_URL_TEMPLATE))
    assert payload["exp"] == int((start + timedelta(days=30)).timestamp())
    assert verify(
        sign(credential, key_url_template=KEY_URL_TEMPLATE), now=start + timedelta(days=29)
    ).is_valid
    late = verify(
        sign(credential, key_url_template=KEY_URL_TEMPLATE), now=start + timedelta(days=31)
    )
    assert late.status is VerificationStatus.EXPIRED


def test_not_yet_valid(key_file):
    credential = make_credential(valid_from=datetime(2030, 1, 1, tzinfo=UTC))
    result = verify(
        sign(credential, key_url_template=KEY_URL_TEMPLATE), now=datetime(2029, 12, 31, tzinfo=UTC)
    )
    assert result.status is VerificationStatus.NOT_YET_VALID


def test_arabic_survives_signing(token):
    credential = verify(token).credential
    assert credential["name"] == "خطة التخصص"


# -- tampering, wrong keys, hostile tokens ----------------------------------------------


def reencode(token, change):
    """Re-encode the payload after ``change`` but keep the original header and signature."""
    header, payload, signature = token.split(".")
    data = json.loads(unb64(payload))
    change(data)
    new_payload = b64(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    return f"{header}.{new_payload}.{signature}"


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(name="شارة مزورة"),
        lambda d: d["credentialSubject"].update(id="https://evil.example/me"),
        lambda d: d["credentialSubject"]["identifier"][2].update(
            identityHash="https://mostaql.com/u/someone_else"
        ),
        lambda d: d.update(validFrom="2020-01-01T00:00:00Z"),
        lambda d: d.update(nbf=d["nbf"] - 1),
    ],
    ids=["name", "subject", "profile-link", "validFrom", "nbf"],
)
def test_a_changed_field_fails(token, change):
    assert verify(reencode(token, change)).status is VerificationStatus.INVALID_SIGNATURE


def test_flipped_signature_fails(token):
    header, payload, signature = token.split(".")
    raw = bytearray(unb64(signature))
    raw[10] ^= 0x01
    assert verify(f"{header}.{payload}.{b64(bytes(raw))}").status is (
        VerificationStatus.INVALID_SIGNATURE
    )


def test_another_key_with_our_kid_fails(key_file, credential, other_key, signing_key):
    forged = joserfc_jws.serialize_compact(
        {"alg": "RS256", "kid": f"{SITE}/badges/keys/{signing_key.thumbprint}/", "typ": "JWT"},
        json.dumps({**credential, **signing.jwt_claims(credential)}),
        other_key.joserfc_key,
    )
    assert verify(forged).status is VerificationStatus.INVALID_SIGNATURE


def test_a_key_outside_our_set_is_unknown(key_file, credential, other_key):
    foreign = sign(credential, key_url_template=KEY_URL_TEMPLATE, signing_key=other_key)
    assert verify(foreign).status is VerificationStatus.UNKNOWN_KEY
    # ...and valid against the set that does hold that key
    assert verify(foreign, jwks=public_jwks(other_key)).is_valid


def test_alg_none_is_refused(token):
    _header, payload, _signature = token.split(".")
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    for unsigned in (f"{header}.{payload}.", f"{header}.{payload}.c2ln"):
        assert verify(unsigned).status in {
            VerificationStatus.UNSUPPORTED_ALGORITHM,
            VerificationStatus.MALFORMED,
        }
        assert not verify(unsigned).is_valid


def test_hmac_keyed_with_the_public_key_is_refused(token, signing_key):
    """The classic algorithm-confusion forgery."""
    import hmac

    header_data, payload_data, _ = parts(token)
    header = b64(json.dumps({**header_data, "alg": "HS256"}).encode())
    payload = b64(json.dumps(payload_data).encode())
    secret = signing_key.joserfc_key.as_pem(private=False)
    mac = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    result = verify(f"{header}.{payload}.{b64(mac)}")
    assert result.status is VerificationStatus.UNSUPPORTED_ALGORITHM


def test_claims_that_disagree_with_the_credential_fail(key_file, credential, signing_key):
    payload = {**credential, **signing.jwt_claims(credential), "sub": "https://evil.example/x"}
    token = joserfc_jws.serialize_compact(
        {"alg": "RS256", "kid": f"{SITE}/badges/keys/{signing_key.thumbprint}/", "typ": "JWT"},
        json.dumps(payload),
        signing_key.joserfc_key,
    )
    assert verify(token).status is VerificationStatus.CLAIMS_MISMATCH


def test_odd_typ_values_are_refused(token):
    _header, payload, signature = token.split(".")
    for typ in (["JWT"], "text/html"):
        header = parts(token)[0] | {"typ": typ}
        forged = f"{b64(json.dumps(header).encode())}.{payload}.{signature}"
        assert verify(forged).status is VerificationStatus.MALFORMED


def test_extra_header_parameters_are_refused(key_file, credential, signing_key):
    token = joserfc_jws.serialize_compact(
        {
            "alg": "RS256",
            "kid": f"{SITE}/badges/keys/{signing_key.thumbprint}/",
            "b64": False,
            "crit": ["b64"],
        },
        json.dumps({**credential, **signing.jwt_claims(credential)}),
        signing_key.joserfc_key,
    )
    assert verify(token).status is VerificationStatus.MALFORMED


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "é.é.é",
        "eyJhbGciOiJSUzI1NiJ9..sig",
        None,
        42,
        "x" * 300_000,
        "e30.e30.e30",
    ],
)
def test_garbage_is_malformed_not_an_exception(key_file, garbage):
    assert verify(garbage).status is VerificationStatus.MALFORMED


def test_signing_refuses_a_credential_that_already_has_jwt_claims(key_file, credential):
    with pytest.raises(ValueError, match="iss"):
        sign({**credential, "iss": "https://evil.example/"}, key_url_template=KEY_URL_TEMPLATE)


# -- a second, independent verifier ------------------------------------------------------


def test_pyjwt_accepts_our_token_through_the_kid_url(token, credential):
    """PyJWT (a different JOSE library) checks the signature with the key a verifier
    gets by dereferencing ``kid`` (the bare JWK) and with the published JWK set."""
    header = pyjwt.get_unverified_header(token)
    thumbprint = header["kid"].removeprefix(f"{SITE}/badges/keys/").rstrip("/")
    served = signing.find_public_jwk(thumbprint)  # what GET <kid> answers
    assert served is not None and "d" not in served
    from_set = next(
        k for k in pyjwt.PyJWKSet.from_dict(public_jwks()).keys if k.key_id == thumbprint
    )
    for key in (pyjwt.PyJWK(served).key, from_set.key):
        claims = pyjwt.decode(
            token,
            key=key,
            algorithms=["RS256"],
            issuer=credential["issuer"]["id"],
            subject=credential["credentialSubject"]["id"],
            options={"require": ["iss", "sub", "jti", "nbf"]},
        )
        assert claims["jti"] == credential["id"]
        assert claims["credentialSubject"]["achievement"]["name"] == "خطة التخصص"
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(reencode(token, lambda d: d.update(name="x")), key=key, algorithms=["RS256"])


def test_kid_forms(signing_key):
    tp = signing_key.thumbprint
    assert signing.key_id(KEY_URL_TEMPLATE, signing_key) == f"{SITE}/badges/keys/{tp}/"
    for kid in (f"{SITE}/badges/keys/{tp}/", f"{SITE}/k/{tp}.json", f"{SITE}/jwks.json#{tp}", tp):
        assert signing.thumbprint_from_kid(kid) == tp
    for bad in ("https://x.example/keys/", "https://x.example/{kid}#frag", "/keys/{kid}/"):
        with pytest.raises(ValueError):
            signing.key_id(bad, signing_key)


def test_unknown_thumbprint_has_no_public_key(key_file):
    assert signing.find_public_jwk("not-a-thumbprint") is None


# -- the JWK set ---------------------------------------------------------------------


def rfc7638_thumbprint(jwk):
    canonical = json.dumps({k: jwk[k] for k in ("e", "kty", "n")}, separators=(",", ":"))
    return b64(hashlib.sha256(canonical.encode()).digest())


def test_jwks_shape(key_file, signing_key):
    jwks = public_jwks()
    assert list(jwks) == ["keys"] and len(jwks["keys"]) == 1
    jwk = jwks["keys"][0]
    assert set(jwk) == {"kty", "n", "e", "kid", "alg", "use"}
    assert (jwk["kty"], jwk["alg"], jwk["use"]) == ("RSA", "RS256", "sig")
    assert jwk["kid"] == rfc7638_thumbprint(jwk) == signing_key.thumbprint
    modulus = int.from_bytes(unb64(jwk["n"]), "big")
    public = signing_key.joserfc_key.raw_value.public_key().public_numbers()
    assert modulus == public.n and int.from_bytes(unb64(jwk["e"]), "big") == public.e
    json.dumps(jwks)  # serialisable as served


def test_retired_public_keys_stay_in_the_set(settings, key_file, credential, other_key, tmp_path):
    old = tmp_path / "retired.pub.pem"
    old.write_bytes(other_key.joserfc_key.as_pem(private=False))
    settings.BIDAYA_BADGE_PUBLIC_KEY_FILES = [str(old)]
    kids = [k["kid"] for k in public_jwks()["keys"]]
    assert kids[1] == other_key.thumbprint and len(kids) == 2
    # a badge signed before the rotation still verifies
    assert verify(
        sign(credential, key_url_template=KEY_URL_TEMPLATE, signing_key=other_key)
    ).is_valid


# -- the key file ----------------------------------------------------------------------


def test_development_key_is_generated_once_with_mode_600(settings, tmp_path):
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = ""
    settings.VAR_DIR = tmp_path
    first = signing.load_signing_key()
    path = tmp_path / "keys" / "badge-signing-key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert first.bits >= 3072
    assert signing.load_signing_key().thumbprint == first.thumbprint
    assert [p.name for p in path.parent.iterdir()] == ["badge-signing-key.pem"]


def test_replaced_key_file_is_picked_up(settings, key_file, other_key):
    before = signing.load_signing_key().thumbprint
    key_file.write_bytes(other_key.private_pem())
    os.utime(key_file, ns=(0, 10**18))
    assert signing.load_signing_key().thumbprint == other_key.thumbprint != before


def pem_of(private_key):
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a key", "not a PEM private key"),
        ("small", "needs at least 2048"),
        ("ec", "must be an RSA private key"),
        ("encrypted", "password-protected"),
    ],
)
def test_unusable_key_files_fail_clearly(settings, tmp_path, content, message):
    if content == "small":
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            content = pem_of(rsa.generate_private_key(public_exponent=65537, key_size=1024))  # noqa: S505
    elif content == "ec":
        content = pem_of(ec.generate_private_key(ec.SECP256R1()))
    elif content == "encrypted":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        content = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        )
    path = tmp_path / "key.pem"
    path.write_bytes(content)
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = str(path)
    with pytest.raises(ImproperlyConfigured, match=message):
        signing.load_signing_key()


def test_configured_but_missing_key_file_is_not_replaced_by_a_new_one(settings, tmp_path):
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    settings.VAR_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured, match="BIDAYA_BADGE_SIGNING_KEY_FILE"):
        signing.load_signing_key()
    assert not (tmp_path / "keys").exists()


def test_production_settings_require_the_key_file():
    env = {
        "PATH": os.environ.get("PATH", ""),
        "SECRET_KEY": "k3y-" + "".join(chr(97 + i % 26) for i in range(60)),
        "ALLOWED_HOSTS": "bidaya.example",
        "SITE_URL": "https://bidaya.example",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
    }
    code = "import django.conf as c; c.settings.SECRET_KEY"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "BIDAYA_BADGE_SIGNING_KEY_FILE" in result.stderr


def test_joserfc_thumbprint_matches_the_rfc7638_computation(signing_key):
    jwk = RSAKey.import_key(signing_key.public_jwk()).as_dict()
    assert rfc7638_thumbprint(jwk) == signing_key.thumbprint


def test_concurrent_first_use_ends_with_one_key(settings, tmp_path):
    """Web and worker processes starting together must not each keep a different key."""
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = ""
    settings.VAR_DIR = tmp_path
    barrier = threading.Barrier(3)
    results = []

    def first_use():
        barrier.wait()
        results.append(signing.load_signing_key().thumbprint)

    threads = [threading.Thread(target=first_use) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    on_disk = SigningKey.from_pem((tmp_path / "keys" / "badge-signing-key.pem").read_bytes())
    assert results == [on_disk.thumbprint] * 3
    assert [p.name for p in (tmp_path / "keys").iterdir()] == ["badge-signing-key.pem"]
