"""Which server this is, to the province: the fingerprint of its certificate-signing key.

Every server of one site shares that key (README, "More than one machine"), so they send
as one. Rows made before they had a uid, or before the server first sent, are claimed:
given a uid and this server as their origin.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from trainer.models import (
    Certificate,
    Commune,
    LessonProgress,
    QuizAttempt,
    Team,
    User,
    Village,
    VillageTarget,
    Visit,
)
from trainer.models.travelling import new_uid
from trainer.services.certification import signing_keys

TRAVELLING = (Commune, Team, User, Certificate, QuizAttempt, LessonProgress, Village)
TRAVELLING += (VillageTarget, Visit)
NO_KEY = (
    "Máy chủ này chưa có khóa ký. Hãy chạy `trainer keys` một lần, rồi gửi khóa công khai "
    "(instance/keys/certificate-signing.pub.pem) cho Sở để đăng ký."
)


class NoKey(RuntimeError):
    """The server has no signing key yet, so it cannot sign what it sends."""


def server_key(instance: Path) -> Ed25519PrivateKey:
    """This server's signing key. :raises NoKey: before `trainer keys` made one."""
    key = signing_keys.signing_key(Path(instance))
    if key is None:
        raise NoKey(NO_KEY)
    return key


def server_id(key: Ed25519PrivateKey) -> str:
    return signing_keys.fingerprint(key.public_key())


def claim(session: Session, origin: str) -> int:
    """Give every row without a uid one, and every row without an origin this server;
    returns how many rows changed. Call inside a write lock."""
    changed = 0
    for model in TRAVELLING:
        for (row_id,) in session.execute(sa.select(model.id).where(model.uid.is_(None))):
            session.execute(sa.update(model).where(model.id == row_id).values(uid=new_uid()))
            changed += 1
        result = session.execute(
            sa.update(model).where(model.origin.is_(None)).values(origin=origin)
        )
        changed += result.rowcount or 0
    return changed
