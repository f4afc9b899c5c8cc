"""VC-JWT signing and verification of Open Badges 3.0 credentials (RS256).

Follows the OB 3.0 "JSON Web Token Proof Format" for VC 2.0 credentials: the JWT
payload *is* the credential, plus the registered claims ``iss`` (issuer.id), ``jti``
(id), ``sub`` (credentialSubject.id), ``nbf`` (validFrom) and ``exp`` (validUntil, when
set). The JOSE header is ``alg``, ``kid`` and ``typ``. OB 3.0 says ``typ``, if present,
MUST be ``JWT`` and forbids other header parameters, so that is what we write (the
VC-JOSE-COSE ``vc+jwt`` value is accepted when verifying). ``kid`` is a URI that
dereferences to the bare public JWK (what OB 3.0 asks, and what the 1EdTech validator
fetches; it does not resolve a fragment inside a JWK set): the caller's key URL
template filled with the key's RFC 7638 thumbprint, e.g.
``https://bidaya.example/badges/keys/<thumbprint>/``, served by ``find_public_jwk``.
The whole set (``public_jwks``) is published too, with the thumbprints as ``kid``.

The private key never lives in the repository: ``BIDAYA_BADGE_SIGNING_KEY_FILE`` names
a PEM file (RSA, 2048 bits or more). Without it (development, tests) a key is made on
first use under ``VAR_DIR/keys/`` with mode 600; production settings refuse to start
without the variable, so a production site never signs with a key nobody backed up.
"""

import base64
import binascii
import contextlib
import enum
import json
import os
import threading
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError, SecurityWarning
from joserfc.jwk import RSAKey

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ALGORITHM = "RS256"
JOSE_TYP = "JWT"
ACCEPTED_TYPS = frozenset({"JWT", "vc+jwt", "vc+ld+json+jwt"})
MIN_KEY_BITS = 2048
GENERATED_KEY_BITS = 3072
MAX_JWS_LENGTH = 256 * 1024
_JWT_CLAIMS = ("iss", "jti", "sub", "nbf", "exp")
_B64URL = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


class VerificationStatus(enum.StrEnum):
    """Why a credential is or is not trustworthy; only VALID is."""

    VALID = "valid"
    MALFORMED = "malformed"
    UNSUPPORTED_ALGORITHM = "unsupported_algorithm"
    UNKNOWN_KEY = "unknown_key"
    INVALID_SIGNATURE = "invalid_signature"
    CLAIMS_MISMATCH = "claims_mismatch"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"


class Verification(NamedTuple):
    """``credential`` is the signed OpenBadgeCredential without the JWT claims (or
    None when the token could not be read at all)."""

    credential: dict | None
    status: VerificationStatus

    @property
    def is_valid(self):
        return self.status is VerificationStatus.VALID


class SigningKey:
    """An RSA private key with its public JWK and RFC 7638 thumbprint."""

    def __init__(self, private_key):
        if not isinstance(private_key, rsa.RSAPrivateKey):
            raise ImproperlyConfigured("The badge signing key must be an RSA private key.")
        if private_key.key_size < MIN_KEY_BITS:
            raise ImproperlyConfigured(
                f"The badge signing key has {private_key.key_size} bits; "
                f"RS256 needs at least {MIN_KEY_BITS}."
            )
        self._jwk = RSAKey.import_key(private_key)
        self.thumbprint = self._jwk.thumbprint()
        self.bits = private_key.key_size

    @classmethod
    def from_pem(cls, pem, source="the PEM data"):
        try:
            private_key = serialization.load_pem_private_key(pem, password=None)
        except TypeError as error:
            raise ImproperlyConfigured(
                f"{source} is password-protected; store the badge key unencrypted with "
                "file permissions 600."
            ) from error
        except ValueError as error:
            raise ImproperlyConfigured(f"{source} is not a PEM private key.") from error
        return cls(private_key)

    @classmethod
    def generate(cls, bits=GENERATED_KEY_BITS):
        return cls(rsa.generate_private_key(public_exponent=65537, key_size=bits))

    def private_pem(self):
        return self._jwk.as_pem(private=True)

    def public_jwk(self):
        return public_jwk(self._jwk)

    @property
    def joserfc_key(self):
        return self._jwk


def public_jwk(key):
    """The public half as a JWK dict that can never carry private members."""
    data = key.as_dict(private=False)
    jwk = {"kty": "RSA", "n": data["n"], "e": data["e"]}
    jwk.update(kid=key.thumbprint(), alg=ALGORITHM, use="sig")
    return jwk


# -- loading the key ----------------------------------------------------------------

_cache_lock = threading.Lock()
_cache = {}


def default_key_path():
    return Path(settings.VAR_DIR) / "keys" / "badge-signing-key.pem"


def load_signing_key():
    """The configured key, read once per file version (a replaced file is re-read)."""
    configured = getattr(settings, "BIDAYA_BADGE_SIGNING_KEY_FILE", "")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise ImproperlyConfigured(
                f"BIDAYA_BADGE_SIGNING_KEY_FILE points to {path}, which is not a readable file."
            )
    else:
        path = default_key_path()
        if not path.exists():
            _generate_key_file(path)
    stat = path.stat()
    cache_key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _cache_lock:
        key = _cache.get(cache_key)
        if key is None:
            key = SigningKey.from_pem(path.read_bytes(), source=f"The badge key file {path}")
            _cache.clear()
            _cache[cache_key] = key
    return key


def _generate_key_file(path):
    """Create the development key without ever exposing a half-written or readable file,
    and without two processes each keeping a different key."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = SigningKey.generate()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(key.private_pem())
        # If another process won the race, everyone uses its key.
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _extra_public_keys():
    """Public keys of retired signing keys, so badges signed before a rotation verify."""
    keys = []
    for entry in getattr(settings, "BIDAYA_BADGE_PUBLIC_KEY_FILES", []) or []:
        path = Path(entry)
        try:
            public = serialization.load_pem_public_key(path.read_bytes())
        except (OSError, ValueError) as error:
            raise ImproperlyConfigured(
                f"BIDAYA_BADGE_PUBLIC_KEY_FILES lists {path}, which is not a PEM public key."
            ) from error
        if not isinstance(public, rsa.RSAPublicKey) or public.key_size < MIN_KEY_BITS:
            raise ImproperlyConfigured(f"{path} is not an RSA public key of 2048+ bits.")
        keys.append(RSAKey.import_key(public))
    return keys


def public_jwks(signing_key=None):
    """The JWK set to publish at the issuer's key URL: the current key first, then any
    retired keys still needed to verify older badges. ``kid`` is the RFC 7638
    thumbprint of each key."""
    key = signing_key or load_signing_key()
    keys = [key.public_jwk()]
    seen = {key.thumbprint}
    if signing_key is None:
        for extra in _extra_public_keys():
            jwk = public_jwk(extra)
            if jwk["kid"] not in seen:
                seen.add(jwk["kid"])
                keys.append(jwk)
    return {"keys": keys}


# -- signing ------------------------------------------------------------------------


def find_public_jwk(thumbprint):
    """The public JWK (current or retired key) to serve at a key URL, or None."""
    for jwk in public_jwks()["keys"]:
        if jwk["kid"] == thumbprint:
            return jwk
    return None


def key_id(key_url_template, signing_key):
    """The ``kid`` header: ``key_url_template`` (an absolute URL containing ``{kid}``)
    filled with the key's thumbprint."""
    if key_url_template.count("{kid}") != 1 or "#" in key_url_template:
        raise ValueError("key_url_template must contain {kid} once and no fragment.")
    if not key_url_template.startswith(("https://", "http://")):
        raise ValueError("key_url_template must be an absolute URL.")
    return key_url_template.replace("{kid}", signing_key.thumbprint)


def thumbprint_from_kid(kid):
    """The key thumbprint a ``kid`` names: the last path segment of a key URL (an
    optional ``.json`` suffix dropped), a ``#fragment``, or a bare thumbprint."""
    if "#" in kid:
        return kid.rsplit("#", 1)[1]
    if "://" in kid:
        segment = urlsplit(kid).path.rstrip("/").rsplit("/", 1)[-1]
        return segment.removesuffix(".json")
    return kid


def jwt_claims(credential):
    """The registered claims OB 3.0 requires, derived from the credential itself."""
    claims = {
        "iss": _issuer_id(credential),
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _numeric_date(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _numeric_date(credential["validUntil"])
    return claims


def sign(credential, *, key_url_template, signing_key=None):
    """The compact JWS (VC-JWT) of ``credential``. ``key_url_template`` is where the
    issuer serves each public key, with ``{kid}`` for its thumbprint."""
    clash = [claim for claim in _JWT_CLAIMS if claim in credential]
    if clash:
        raise ValueError(f"The credential already has JWT claim names: {clash}.")
    key = signing_key or load_signing_key()
    payload = {**credential, **jwt_claims(credential)}
    header = {"alg": ALGORITHM, "kid": key_id(key_url_template, key), "typ": JOSE_TYP}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return jws.serialize_compact(header, body, key.joserfc_key, algorithms=[ALGORITHM])


# -- verifying ----------------------------------------------------------------------


def verify(token, *, jwks=None, now=None):
    """Check a VC-JWT the way a careful outside verifier would.

    ``jwks`` defaults to our own published set. Only RS256 is accepted (never ``none``
    nor an HMAC algorithm keyed with the public key), the key must be one of the set,
    and the claims must agree with the credential they wrap.
    """
    header = _read_header(token)
    if header is None or not isinstance(header.get("alg"), str):
        return Verification(None, VerificationStatus.MALFORMED)
    if header.get("alg") != ALGORITHM:
        return Verification(None, VerificationStatus.UNSUPPORTED_ALGORITHM)
    typ = header.get("typ", JOSE_TYP)
    if set(header) - {"alg", "kid", "typ"} or not isinstance(typ, str) or typ not in ACCEPTED_TYPS:
        return Verification(None, VerificationStatus.MALFORMED)

    key = _find_key(header.get("kid"), jwks if jwks is not None else public_jwks())
    if key is None:
        return Verification(None, VerificationStatus.UNKNOWN_KEY)
    try:
        obj = jws.deserialize_compact(token, key, algorithms=[ALGORITHM])
    except BadSignatureError:
        return Verification(None, VerificationStatus.INVALID_SIGNATURE)
    except (JoseError, ValueError, TypeError):
        return Verification(None, VerificationStatus.MALFORMED)

    try:
        payload = json.loads(obj.payload)
    except (ValueError, UnicodeDecodeError):
        return Verification(None, VerificationStatus.MALFORMED)
    if not isinstance(payload, dict):
        return Verification(None, VerificationStatus.MALFORMED)
    credential = {k: v for k, v in payload.items() if k not in _JWT_CLAIMS}
    return Verification(credential, _check_claims(payload, credential, now))


def _check_claims(payload, credential, now):
    try:
        expected = jwt_claims(credential)
    except (KeyError, TypeError, ValueError):
        return VerificationStatus.CLAIMS_MISMATCH
    for claim in ("iss", "jti", "sub", "nbf"):
        if payload.get(claim) != expected[claim]:
            return VerificationStatus.CLAIMS_MISMATCH
    if payload.get("exp") != expected.get("exp"):
        return VerificationStatus.CLAIMS_MISMATCH
    current = (now or datetime.now(UTC)).timestamp()
    if current < expected["nbf"]:
        return VerificationStatus.NOT_YET_VALID
    if "exp" in expected and current >= expected["exp"]:
        return VerificationStatus.EXPIRED
    return VerificationStatus.VALID


def _read_header(token):
    """The JOSE header of a well-formed compact JWS, or None."""
    if not isinstance(token, str | bytes) or not token or len(token) > MAX_JWS_LENGTH:
        return None
    raw = token.encode("ascii", "replace") if isinstance(token, str) else token
    parts = raw.strip().split(b".")
    if len(parts) != 3 or not all(parts) or any(set(part) - _B64URL for part in parts):
        return None
    try:
        header = json.loads(_b64decode(parts[0]))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    return header if isinstance(header, dict) else None


def _find_key(kid, jwks):
    if not isinstance(kid, str) or not isinstance(jwks, dict):
        return None
    wanted = thumbprint_from_kid(kid)
    for entry in jwks.get("keys", []):
        if not isinstance(entry, dict) or entry.get("kty") != "RSA":
            continue
        if entry.get("kid") in (wanted, kid):
            public = {k: entry[k] for k in ("kty", "n", "e") if k in entry}
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error", SecurityWarning)
                    key = RSAKey.import_key(public)
            except (JoseError, ValueError, TypeError, SecurityWarning):
                return None
            if key.raw_value.key_size < MIN_KEY_BITS or key.thumbprint() != wanted:
                return None
            return key
    return None


def _issuer_id(credential):
    issuer = credential["issuer"]
    return issuer if isinstance(issuer, str) else issuer["id"]


def _numeric_date(value):
    if not isinstance(value, str):
        raise ValueError("date-time expected")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("date-time without a time zone")
    return int(parsed.timestamp())


def _b64decode(segment):
    return base64.urlsafe_b64decode(segment + b"=" * (-len(segment) % 4))
