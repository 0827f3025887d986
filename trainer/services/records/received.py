"""What the province holds from its communes: their records, who sent them, and lookups."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import TravelledRecord
from trainer.services.records.local_records import Record


def records(session: Session) -> Iterator[Record]:
    """Every record received and not deleted since, as local_records gives them."""
    rows = session.execute(
        sa.select(
            TravelledRecord.kind, TravelledRecord.uid, TravelledRecord.body, TravelledRecord.origin
        ).where(TravelledRecord.deleted.is_(False))
    )
    for kind, uid, body, origin in rows:
        yield Record(kind, uid, body, origin)


def senders_of_communes(session: Session) -> dict[str, int]:
    """commune uid -> the registered server that sent it last."""
    rows = session.execute(
        sa.select(TravelledRecord.uid, TravelledRecord.sender_id).where(
            TravelledRecord.kind == "commune", TravelledRecord.deleted.is_(False)
        )
    )
    return dict(rows.tuples().all())


def certificate(session: Session, code: str) -> dict | None:
    """The certificate a commune sent with this code, as its body says now."""
    row = session.scalar(
        sa.select(TravelledRecord).where(
            TravelledRecord.kind == "certificate",
            TravelledRecord.lookup == code,
            TravelledRecord.deleted.is_(False),
        )
    )
    return row.body if row is not None else None
