"""Checking a certificate from what was scanned or typed: its seal's signature first, then,
where there is one, the database (revoked? still on record?), saying which checks were made.

`check_offline` needs no database, for `trainer verify` on a laptop with no connection;
`check` adds the issuing server's records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from trainer.models import Certificate
from trainer.services.certification import certificate_seal, certificates
from trainer.services.certification.certificate_seal import Sealed
from trainer.services.common import clock

# signature: "valid", "forged" (no known key signed it: altered or made up), "unreadable"
# (not a seal), "no_key" (nothing to check it with), "unsigned" (a typed code: no seal).
# record: "valid", "expired", "revoked", "unknown" (not on record here), "not_checked".
COMPARED = (("name", "họ tên"), ("team", "tổ"), ("topic", "chủ đề"))
COMPARED += (("issued_on", "ngày cấp"), ("expires_on", "hạn"))


@dataclass(frozen=True)
class Verification:
    signature: str
    record: str = "not_checked"
    sealed: Sealed | None = None  # what a valid seal says
    code: str | None = None
    certificate: Certificate | None = None
    expired_by_date: bool = False  # the seal's own expiry day has come
    key: Ed25519PublicKey | None = None  # the key that signed the seal
    differs: tuple[str, ...] = ()  # what the record now says otherwise than the seal

    @property
    def state(self) -> str:
        """The answer to show first: forged, unreadable, revoked, expired, valid or unknown."""
        if self.signature in ("forged", "unreadable"):
            return self.signature
        if self.record in ("revoked", "expired"):
            return self.record
        if self.expired_by_date:
            return "expired"
        if self.record == "valid" or (self.signature == "valid" and self.sealed):
            return "valid"
        return "unknown"


def check_offline(text: str, keys: list[Ed25519PublicKey], today: date) -> Verification:
    """What a seal (or a typed code) proves with only the public keys at hand."""
    if not certificate_seal.looks_sealed(text):
        return Verification("unsigned", code=certificates.normal_code(text))
    try:
        seal = certificate_seal.read(text)
    except certificate_seal.Unreadable:
        return Verification("unreadable")
    code = seal.sealed.code
    if not keys:
        return Verification("no_key", code=code)
    signer = next((key for key in keys if seal.signed_by(key)), None)
    if signer is None:
        return Verification("forged", code=code)
    expired = seal.sealed.expires_on <= today
    return Verification("valid", sealed=seal.sealed, code=code, expired_by_date=expired, key=signer)


def check(
    session: Session, text: str, keys: list[Ed25519PublicKey], at: datetime | None = None
) -> Verification:
    """The offline check, then this server's records for the certificate it names."""
    at = at or clock.now()
    found = check_offline(text, keys, clock.local_day(at))
    if found.signature in ("forged", "unreadable") or found.code is None:
        return found  # an untrusted seal says nothing worth looking up
    certificate = certificates.find(session, found.code)
    if certificate is None:
        return replace(found, record="unknown")
    differs = ()
    if found.sealed is not None:
        now = certificates.sealed_fields(certificate)
        differs = tuple(
            label
            for field, label in COMPARED
            if getattr(now, field) != getattr(found.sealed, field)
        )
    return replace(
        found,
        record=certificates.verdict(certificate, at),
        certificate=certificate,
        differs=differs,
    )
