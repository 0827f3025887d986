"""What a commune server still has to send: every record whose current version the
province has not acknowledged, deleted ones included.

Each time records are packed, the outbox notes every record's digest; a record whose
digest changed gets a new stamp (the time the change was noticed), so the province keeps
the newest version whatever order packs arrive in. A push that the province answered
acknowledges what it carried; a file never does, so each file holds everything not yet
acknowledged and the newest file alone brings the province up to date.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import OutboxRecord
from trainer.services.records import identity, local_records, pack_format
from trainer.services.records.pack_format import DELETED


def pending(session: Session, origin: str, now: datetime) -> list[dict]:
    """The records to send (pack_format's shape), after claiming unowned rows for origin."""
    with write_lock(session):
        stamp = _next_stamp(session, now)
        identity.claim(session, origin)
        session.flush()
        current = {(r.kind, r.uid): r for r in local_records.records(session)}
        known = {(row.kind, row.uid): row for row in session.scalars(sa.select(OutboxRecord))}
        for key, record in current.items():
            version = pack_format.digest(record.kind, record.body)
            row = known.get(key)
            if row is None:
                row = OutboxRecord(kind=key[0], uid=key[1], digest=version, stamp=stamp)
                session.add(row)
                known[key] = row
            elif row.digest != version:
                row.digest, row.stamp = version, stamp
        for key, row in known.items():
            if key not in current and row.digest != DELETED:
                row.digest, row.stamp = DELETED, stamp
        waiting = [row for row in known.values() if row.acknowledged != row.digest]
        records = [_record(row, current.get((row.kind, row.uid)), origin) for row in waiting]
    return records


def acknowledge(session: Session, records: list[dict]) -> int:
    """Note that the province holds these versions; returns how many were noted."""
    versions = {(record["kind"], record["uid"]): record["digest"] for record in records}
    noted = 0
    with write_lock(session):
        for row in session.scalars(sa.select(OutboxRecord)):
            if versions.get((row.kind, row.uid)) == row.digest:
                row.acknowledged = row.digest
                noted += 1
    return noted


def _next_stamp(session: Session, now: datetime) -> str:
    """now, or just after the newest stamp given, so each change sorts after the last."""
    newest = session.scalar(sa.select(sa.func.max(OutboxRecord.stamp)))
    if newest is not None and datetime.fromisoformat(newest) >= now:
        now = datetime.fromisoformat(newest) + timedelta(microseconds=1)
    return now.isoformat(timespec="microseconds")


def _record(row: OutboxRecord, record: local_records.Record | None, origin: str) -> dict:
    body = record.body if record is not None and row.digest != DELETED else None
    return {
        "kind": row.kind,
        "uid": row.uid,
        "origin": (record.origin if record is not None else None) or origin,
        "stamp": row.stamp,
        "digest": row.digest,
        "body": body,
    }
