"""The server's revocation list: a W3C Bitstring Status List credential (the one Open Badges
3.0 uses for `credentialStatus`), signed with the certificate key as a JWT, so a saved
copy proves offline which certificates were revoked when it was made.

Bit i is the certificate whose id is i (the seal and the Open Badge carry that index).
Built and read with openbadgeslib's status list helpers; the JWT's Ed25519 signature is
checked here against the server's known keys, so a list is trusted exactly as a seal is.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from trainer.models import Certificate
from trainer.services.certification.key_life import KnownKey
from trainer.services.certification.signing_keys import private_pem
from trainer.services.common import clock

PURPOSE = "revocation"
SMALLEST = 131072  # bits: the specification's least size, so a list hides how many there are
# A copy older than this is refused by Open Badge verifiers; the server makes a new one at
# every request, and `trainer verify` says how old a saved copy is.
LIFETIME = timedelta(days=30)
MAX_BYTES = 2 * 1024 * 1024  # a saved copy larger than this is no list of ours


class NotAStatusList(ValueError):
    """Text that is not a revocation list signed by a key this server trusts for it."""


@dataclass(frozen=True)
class StatusList:
    url: str
    issued_at: datetime
    revoked: frozenset[int]
    signer: KnownKey

    def says_revoked(self, index: int) -> bool:
        return index in self.revoked

    def age(self, at: datetime | None = None) -> timedelta:
        return (at or clock.now()) - self.issued_at


def signed_list(
    session: Session, key: Ed25519PrivateKey, issuer: str, url: str, at: datetime | None = None
) -> str:
    """The revocation list as it stands, as a signed JWT-VC (compact form)."""
    from openbadgeslib.ob3.status_list import (
        build_status_list_credential,
        sign_status_list_credential,
    )

    at = at or clock.now()
    revoked = set(
        session.scalars(sa.select(Certificate.id).where(Certificate.revoked_at.is_not(None)))
    )
    largest = session.scalar(sa.select(sa.func.max(Certificate.id))) or 0
    size = max(SMALLEST, (largest // 8 + 1) * 8)
    document = build_status_list_credential(
        issuer, url, PURPOSE, revoked, size_bits=size, issued=at, valid_until=at + LIFETIME
    )
    return sign_status_list_credential(document, private_pem(key), "EdDSA")


def read_list(text: str, keys: list[KnownKey]) -> StatusList:
    """The list in a saved copy, once one of keys is found to have signed it.

    :raises NotAStatusList: not a JWT, not signed by any key given (or by a leaked one, or
        by a retired one after it retired), or not a revocation list.
    """
    from openbadgeslib.ob3.status import decode_encoded_list, set_indices

    head, payload, signature = _parts(text)
    signed = f"{text.strip().split('.')[0]}.{text.strip().split('.')[1]}".encode()
    if head.get("alg") != "EdDSA":
        raise NotAStatusList("not signed with an Ed25519 key")
    signer = next((known for known in keys if _signed_by(known, signed, signature)), None)
    if signer is None:
        raise NotAStatusList("no key given signed this list, or it was altered")
    try:
        issued_at = datetime.fromisoformat(payload["validFrom"].replace("Z", "+00:00"))
        subject = payload["credentialSubject"]
        if subject.get("statusPurpose") != PURPOSE:
            raise NotAStatusList("not a revocation list")
        revoked = set_indices(decode_encoded_list(subject["encodedList"]))
        url = str(payload.get("id", ""))
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise NotAStatusList(f"not a status list: {error}") from error
    if not signer.vouches_for(clock.local_day(issued_at)):
        raise NotAStatusList(f"signed by key {signer.fingerprint}, which no longer vouches")
    return StatusList(url, issued_at, frozenset(revoked), signer)


def _parts(text: str) -> tuple[dict, dict, bytes]:
    pieces = text.strip().split(".")
    if len(text) > MAX_BYTES or len(pieces) != 3:
        raise NotAStatusList("not a signed list (a JWT has three parts)")
    try:
        head, payload = (json.loads(_unbase64(piece)) for piece in pieces[:2])
        signature = _unbase64(pieces[2])
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise NotAStatusList("not a signed list") from error
    if not isinstance(head, dict) or not isinstance(payload, dict):
        raise NotAStatusList("not a signed list")
    return head, payload, signature


def _unbase64(piece: str) -> bytes:
    return base64.urlsafe_b64decode(piece + "=" * (-len(piece) % 4))


def _signed_by(known: KnownKey, signed: bytes, signature: bytes) -> bool:
    try:
        known.key.verify(signature, signed)
    except InvalidSignature:
        return False
    return True
