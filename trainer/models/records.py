"""Records that travel from commune servers to the province.

On a commune server, table `record_outbox`: one row per record the server has ever packed
(kind, uid), with the digest of its body as last packed, the stamp of that change (an
ISO time, so later changes sort later) and the digest the province acknowledged (NULL
until it did). A record whose digest differs from the acknowledged one is sent again.

On the province, `record_servers`: the commune servers it takes packs from (name, the
fingerprint and PEM of their public key, when it was registered, the newest pack's
making time); `travelled_records`: one row per uid, the newest version received (kind,
origin, sender, stamp, digest, body JSON, deleted, and for certificates their code in
`lookup`); `received_packs`: each pack taken (its digest, sender, made and received
times, how many records it held and how many changed anything).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow


class OutboxRecord(Base):
    __tablename__ = "record_outbox"
    __table_args__ = (sa.UniqueConstraint("kind", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    uid: Mapped[str] = mapped_column(sa.String(32))
    digest: Mapped[str] = mapped_column(sa.String(64))
    stamp: Mapped[str] = mapped_column(sa.String(40))
    acknowledged: Mapped[str | None] = mapped_column(sa.String(64))


class RecordServer(Base):
    __tablename__ = "record_servers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    fingerprint: Mapped[str] = mapped_column(sa.String(40), unique=True)
    public_key: Mapped[str] = mapped_column(sa.Text)
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_made_at: Mapped[datetime | None]  # when the newest pack taken from it was made


class TravelledRecord(Base):
    __tablename__ = "travelled_records"
    __table_args__ = (sa.Index("ix_travelled_records_kind_lookup", "kind", "lookup"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(sa.String(32), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    origin: Mapped[str] = mapped_column(sa.String(40))
    sender_id: Mapped[int] = mapped_column(sa.ForeignKey("record_servers.id"), index=True)
    stamp: Mapped[str] = mapped_column(sa.String(40))
    digest: Mapped[str] = mapped_column(sa.String(64))
    body: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    deleted: Mapped[bool] = mapped_column(default=False)
    lookup: Mapped[str | None] = mapped_column(sa.String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    sender: Mapped[RecordServer] = relationship()


class ReceivedPack(Base):
    __tablename__ = "received_packs"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(sa.String(64), unique=True)
    server_id: Mapped[int] = mapped_column(sa.ForeignKey("record_servers.id"), index=True)
    made_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    records: Mapped[int]
    changed: Mapped[int]
