"""Checking a certificate from what was scanned or typed: its seal's signature first, then,
where there is one, the database (revoked? still on record?), saying which checks were made.

`check_offline` needs no database, for `trainer verify` on a laptop with no connection
(with a saved copy of the server's revocation list when there is one); `check` adds the
issuing server's records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from trainer.models import Certificate
from trainer.services.certification import certificate_seal, certificates, key_life
from trainer.services.certification.certificate_seal import Sealed
from trainer.services.certification.key_life import KnownKey
from trainer.services.certification.status_list import StatusList
from trainer.services.common import clock

# signature: "valid", "forged" (no known key signed it: altered or made up), "retired" (a
# retired key signed it, dated after it retired), "compromised" (a leaked key signed it:
# only the record can vouch), "unreadable" (not a seal), "no_key" (nothing to check it
# with), "unsigned" (a typed code: no seal).
# record: "valid", "expired", "revoked", "unknown" (not on record here), "not_checked".
# listed (the revocation list): "revoked", "clear", "not_listed" (a seal without its
# index), "not_checked".
RECORDED = ("valid", "expired", "revoked")
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
    signer: KnownKey | None = None  # the key that signed the seal, and its life
    differs: tuple[str, ...] = ()  # what the record now says otherwise than the seal
    listed: str = "not_checked"
    status_list: StatusList | None = None  # the revocation list consulted

    @property
    def issued_here(self) -> bool:
        """True when this server's records hold the certificate the seal or code names."""
        return self.record in RECORDED

    @property
    def state(self) -> str:
        """The answer to show first: forged, retired, compromised, unreadable, revoked,
        expired, valid or unknown."""
        if self.signature in ("forged", "unreadable", "retired"):
            return self.signature
        if self.signature == "compromised" and (not self.issued_here or self.differs):
            return "compromised"
        if self.record in ("revoked", "expired"):
            return self.record
        if self.listed == "revoked":
            return "revoked"
        if self.expired_by_date:
            return "expired"
        if self.record == "valid" or (self.signature == "valid" and self.sealed):
            return "valid"
        return "unknown"


def check_offline(
    text: str,
    keys: list[KnownKey | Ed25519PublicKey],
    today: date,
    status_list: StatusList | None = None,
) -> Verification:
    """What a seal (or a typed code) proves with only the public keys at hand (a bare public
    key is another issuer's, given by hand), and a saved revocation list if there is one."""
    if not certificate_seal.looks_sealed(text):
        return Verification("unsigned", code=certificates.normal_code(text))
    try:
        seal = certificate_seal.read(text)
    except certificate_seal.Unreadable:
        return Verification("unreadable")
    code = seal.sealed.code
    if not keys:
        return Verification("no_key", code=code)
    known = [key if isinstance(key, KnownKey) else key_life.given(key) for key in keys]
    signer = next((key for key in known if seal.signed_by(key.key)), None)
    if signer is None:
        return Verification("forged", code=code)
    found = Verification(
        _signature(signer, seal.sealed),
        sealed=seal.sealed,
        code=code,
        expired_by_date=seal.sealed.expires_on <= today,
        signer=signer,
    )
    if status_list is None:
        return found
    if seal.sealed.index is None:
        return replace(found, listed="not_listed", status_list=status_list)
    listed = "revoked" if status_list.says_revoked(seal.sealed.index) else "clear"
    return replace(found, listed=listed, status_list=status_list)


def _signature(signer: KnownKey, sealed: Sealed) -> str:
    if signer.state == key_life.COMPROMISED:
        return "compromised"
    return "valid" if signer.vouches_for(sealed.issued_on) else "retired"


def check(
    session: Session, text: str, keys: list[KnownKey | Ed25519PublicKey], at: datetime | None = None
) -> Verification:
    """The offline check, then this server's records for the certificate it names."""
    at = at or clock.now()
    found = check_offline(text, keys, clock.local_day(at))
    if found.signature in ("forged", "unreadable", "retired") or found.code is None:
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
