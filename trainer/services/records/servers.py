"""The commune servers a province takes packs from, registered by their public key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import RecordServer
from trainer.services.certification import signing_keys


class NotAKey(ValueError):
    """Text that is not an Ed25519 public key in PEM; the message says so in Vietnamese."""


@dataclass(frozen=True)
class Registered:
    name: str
    fingerprint: str
    new: bool


def register(session: Session, name: str, pem: bytes) -> Registered:
    """Register (or rename) the server whose public key pem is. :raises NotAKey:"""
    name = " ".join(name.split())[:160]
    if not name:
        raise NotAKey("Hãy ghi tên xã (hoặc máy) gửi số liệu.")
    key = read_key(pem)
    print_ = signing_keys.fingerprint(key)
    text = signing_keys.public_pem(key).decode()
    with write_lock(session):
        server = session.scalar(sa.select(RecordServer).where(RecordServer.fingerprint == print_))
        new = server is None
        if new:
            session.add(RecordServer(name=name, fingerprint=print_, public_key=text))
        else:
            server.name = name
    return Registered(name, print_, new)


def read_key(pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem.strip())
    except (ValueError, TypeError) as error:
        raise NotAKey("Đây không phải khóa công khai dạng PEM (khoa-cong-khai.pem).") from error
    if not isinstance(key, Ed25519PublicKey):
        raise NotAKey("Khóa này không phải khóa Ed25519 của trainer.")
    return key


def registered(session: Session) -> list[RecordServer]:
    return list(session.scalars(sa.select(RecordServer).order_by(RecordServer.name)))


def registered_keys(session: Session) -> list[Ed25519PublicKey]:
    """The public keys of every registered server, to check their certificates' seals."""
    return [read_key(server.public_key.encode()) for server in registered(session)]


def sent_since(server: RecordServer, moment: datetime) -> bool:
    """Whether the server's newest pack taken was made at or after moment."""
    return server.last_made_at is not None and server.last_made_at >= moment
