import dataclasses
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from trainer.services.certification.certificate_seal import (
    CannotSeal,
    Sealed,
    Unreadable,
    read,
    seal,
)

FIELDS = Sealed(
    code="K7Q2-XR4M-PL9D-TT3A",
    name="Nguyễn Thị Hồng Nhung",
    team="Tổ CNSCĐ-Xã Mường Phăng",
    topic="an-toan-so",
    issued_on=date(2026, 11, 22),
    expires_on=date(2027, 11, 22),
)
CHANGES = {
    "code": "K7Q2-XR4M-PL9D-TT3B",
    "name": "Nguyễn Thị Hồng Nhưng",
    "team": "Tổ CNSCĐ-Xã Thanh Nưa",
    "topic": "vneid",
    "issued_on": date(2026, 11, 23),
    "expires_on": date(2028, 11, 22),
}


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


def test_a_seal_reads_back_exactly_what_was_sealed_however_it_is_typed(key):
    letters = seal(FIELDS, key)

    typed = " ".join(letters[i : i + 5] for i in range(0, len(letters), 5)).lower()
    grouped = "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))

    assert read(typed).sealed == FIELDS
    assert read(grouped).sealed == FIELDS  # as the code box at /xac-minh passes it on


def test_a_seal_is_only_letters_a_qr_code_stores_compactly_and_an_address_carries(key):
    letters = seal(FIELDS, key)

    assert set(letters) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert len(letters) < 200


def test_a_seal_verifies_with_the_key_that_signed_it_and_not_with_another(key):
    found = read(seal(FIELDS, key))

    assert found.signed_by(key.public_key())
    assert not found.signed_by(Ed25519PrivateKey.generate().public_key())


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_a_seal_fails_when_any_signed_field_is_changed(key, field):
    found = read(seal(FIELDS, key))

    altered = dataclasses.replace(
        found, sealed=dataclasses.replace(found.sealed, **{field: CHANGES[field]})
    )

    assert not altered.signed_by(key.public_key())


def test_one_letter_changed_in_the_printed_seal_never_verifies(key):
    letters = seal(FIELDS, key)
    failures = 0
    for position in range(0, len(letters), 7):
        swapped = "B" if letters[position] != "B" else "C"
        try:
            failures += not read(letters[:position] + swapped + letters[position + 1 :]).signed_by(
                key.public_key()
            )
        except Unreadable:
            failures += 1

    assert failures == len(range(0, len(letters), 7))


@pytest.mark.parametrize("text", ["K7Q2-XR4M-PL9D-TT3A", "1" * 60, "A" * 60, "A" * 190])
def test_text_that_is_no_seal_is_unreadable(text):
    with pytest.raises(Unreadable):
        read(text)


def test_a_name_the_dictionary_has_never_seen_still_travels_whole(key):
    fields = dataclasses.replace(FIELDS, name="Ksor H'Blơng Êban", team="Tổ số 3 – buôn Ako Dhông")

    assert read(seal(fields, key)).sealed == fields


def test_a_hand_made_code_cannot_be_sealed(key):
    with pytest.raises(CannotSeal):
        seal(dataclasses.replace(FIELDS, code="MA-THU-1"), key)
