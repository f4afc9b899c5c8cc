"""The Bitstring Status List encoding, checked bit by bit the way a verifier reads it."""

import base64
import gzip

import pytest

from credentials import status_list


def test_an_empty_list_is_the_minimum_size_and_small():
    encoded = status_list.encode([])
    assert encoded.startswith("u") and "=" not in encoded
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) * 8 == status_list.LIST_SIZE == 131_072
    assert set(raw) == {0}
    assert len(encoded) < 400  # 16 KiB of zeros compresses to a few hundred bytes


@pytest.mark.parametrize("index", [0, 1, 7, 8, 9, 4242, status_list.LIST_SIZE - 1])
def test_bit_order_is_most_significant_first(index):
    bits = status_list.decode(status_list.encode([index]))
    assert [
        i
        for i in (index - 1, index, index + 1)
        if 0 <= i < len(bits) * 8 and status_list.is_set(bits, i)
    ] == [index]
    byte, offset = divmod(index, 8)
    assert bits[byte] == 0x80 >> offset


def test_many_indexes_round_trip():
    chosen = {3, 77, 1000, 65_000, 131_000}
    bits = status_list.decode(status_list.encode(chosen))
    assert {i for i in range(status_list.LIST_SIZE) if status_list.is_set(bits, i)} == chosen


@pytest.mark.parametrize("bad", [-1, status_list.LIST_SIZE])
def test_indexes_outside_the_list_are_refused(bad):
    with pytest.raises(status_list.StatusListError):
        status_list.encode([bad])


@pytest.mark.parametrize("garbage", ["", "zabc", "u!!!", "u" + "A" * 10, None])
def test_undecodable_lists_are_refused(garbage):
    with pytest.raises(status_list.StatusListError):
        status_list.decode(garbage)


def test_the_entry_and_the_list_credential_agree():
    entry = status_list.status_entry("https://bidaya.example/badges/status/1/", 4242)
    assert entry == {
        "id": "https://bidaya.example/badges/status/1/#4242",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "4242",
        "statusListCredential": "https://bidaya.example/badges/status/1/",
    }
    from datetime import UTC, datetime

    credential = status_list.status_list_credential(
        list_url=entry["statusListCredential"],
        issuer_id="https://bidaya.example/badges/issuer/",
        revoked_indexes=[4242],
        valid_from=datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=UTC),
    )
    assert credential["validFrom"] == "2026-01-02T03:04:05Z"
    assert credential["credentialSubject"]["type"] == "BitstringStatusList"
    bits = status_list.decode(credential["credentialSubject"]["encodedList"])
    assert status_list.is_set(bits, int(entry["statusListIndex"]))
