import dataclasses
import json
from datetime import date, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.services.certification.test_certificate_seal import FIELDS as SEALED
from trainer.services.certification import open_badge

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
SITE = "https://cnscd.dienbien.gov.vn"
TODAY = date.today()
FIELDS = dataclasses.replace(SEALED, issued_on=TODAY, expires_on=TODAY + timedelta(days=365))
VERIFY = f"{SITE}/xac-minh/{FIELDS.code}"


@pytest.fixture(scope="module")
def credential() -> str:
    return open_badge.signed_credential(FIELDS, "An toàn trên mạng", SITE, VERIFY, KEY)


def test_the_credential_is_an_open_badge_3_with_an_eddsa_rdfc_2022_proof(credential):
    document = json.loads(credential)

    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document["id"] == VERIFY
    assert document["credentialSubject"]["achievement"]["name"] == "An toàn trên mạng"
    midnight_in_vietnam = f"{TODAY - timedelta(days=1)}T17:00:00Z"
    assert document["validFrom"] == midnight_in_vietnam


def test_the_credential_verifies_with_the_key_that_signed_it(credential):
    holder = open_badge.verified_holder(credential, [KEY.public_key()])

    assert holder == (FIELDS.name, FIELDS.team, "An toàn trên mạng")


def test_the_credential_fails_with_another_key(credential):
    with pytest.raises(open_badge.NotACredential):
        open_badge.verified_holder(credential, [Ed25519PrivateKey.generate().public_key()])


def test_the_credential_fails_when_the_holders_name_is_changed(credential):
    document = json.loads(credential)
    document["credentialSubject"]["identifier"][0]["identityHash"] = "Nguyễn Văn Giả"

    with pytest.raises(open_badge.NotACredential):
        open_badge.verified_holder(json.dumps(document), [KEY.public_key()])


def test_an_expired_credential_says_it_expired_rather_than_forged():
    fields = dataclasses.replace(
        FIELDS, issued_on=TODAY - timedelta(days=400), expires_on=TODAY - timedelta(days=35)
    )
    credential = open_badge.signed_credential(fields, "An toàn trên mạng", SITE, VERIFY, KEY)

    with pytest.raises(open_badge.ExpiredCredential):
        open_badge.verified_holder(credential, [KEY.public_key()])
