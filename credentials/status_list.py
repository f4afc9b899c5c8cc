"""Revocation a verifier can check: W3C Bitstring Status List v1.0.

Every credential carries a ``BitstringStatusListEntry`` naming a position in a list the
issuer publishes; the list is itself a credential, signed like the badges (VC-JWT), whose
``encodedList`` is the GZIP-compressed bitstring (bit 0 is the most significant bit of
the first byte), base64url-encoded without padding and prefixed with the multibase
``u``. A set bit means revoked.

We chose it over OB 3.0's older ``1EdTechRevocationList`` because current verifiers
(the Digital Credentials Consortium's among them) check the VC 2.0 status list and
skip the 1EdTech one. The list has the specification's minimum of 131,072 positions
(16 KiB), which compresses to a few hundred bytes, and positions are drawn at random
so a position says nothing about when or to whom a badge was issued.
"""

import base64
import binascii
import gzip
import secrets

from .contexts import VC_V2
from .credential import format_datetime

LIST_SIZE = 131_072
_B64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
PURPOSE = "revocation"


class StatusListError(ValueError):
    """An index outside the list or an undecodable list."""


def random_index():
    return secrets.randbelow(LIST_SIZE)


def encode(revoked_indexes, size=LIST_SIZE):
    """``encodedList`` for a list of ``size`` bits with ``revoked_indexes`` set."""
    if size % 8 or size < 8:
        raise StatusListError("The list size must be a positive multiple of 8.")
    bits = bytearray(size // 8)
    for index in revoked_indexes:
        if not 0 <= index < size:
            raise StatusListError(f"Index {index} is outside the list.")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode(encoded_list):
    """The raw bitstring bytes of an ``encodedList`` (what a verifier does)."""
    if not isinstance(encoded_list, str) or not encoded_list.startswith("u"):
        raise StatusListError("encodedList must be multibase base64url (prefix 'u').")
    data = encoded_list[1:]
    if not data or data.strip(_B64URL_ALPHABET):
        raise StatusListError("encodedList is not base64url.")
    try:
        bits = gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    except (ValueError, OSError, EOFError, binascii.Error) as error:
        raise StatusListError("encodedList is not base64url GZIP data.") from error
    if not bits:
        raise StatusListError("encodedList holds an empty list.")
    return bits


def is_set(bitstring, index):
    if not 0 <= index < len(bitstring) * 8:
        raise StatusListError(f"Index {index} is outside the list.")
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_entry(list_url, index):
    """The ``credentialStatus`` of a credential at ``index`` of the list at ``list_url``."""
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


def status_list_credential(*, list_url, issuer_id, revoked_indexes, valid_from, size=LIST_SIZE):
    """The unsigned ``BitstringStatusListCredential`` (sign it with ``signing.sign``)."""
    return {
        "@context": [VC_V2],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": format_datetime(valid_from),
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(revoked_indexes, size),
        },
    }
