"""What lets a record travel to the province: a stable id and the server that made it.

Every record a report counts (communes, teams, members, certificates, finished attempts,
lesson completions, villages, targets, visits) carries `uid` (32 hex letters, made with the
row, never changed, the same on every server the row reaches) and `origin` (the
fingerprint of the key of the server that made it, filled in the first time the server
sends its records). The province keeps one copy per uid, so a record that arrives twice,
or through two servers, is counted once.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


def new_uid() -> str:
    """A fresh stable id: 128 random bits as 32 hex letters."""
    return uuid.uuid4().hex


class Travelling:
    uid: Mapped[str | None] = mapped_column(sa.String(32), default=new_uid, unique=True, index=True)
    origin: Mapped[str | None] = mapped_column(sa.String(40))
