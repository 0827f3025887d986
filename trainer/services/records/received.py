"""What the province holds from its communes: their records, who sent them, and lookups."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import Certificate, TravelledRecord
from trainer.services.certification import certificates
from trainer.services.certification.verification import Verification
from trainer.services.common import clock
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
    return {uid: sender for uid, sender in rows}


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


def certificate_record(session: Session, code: str) -> Certificate | None:
    """A certificate a registered commune sent, as an unsaved Certificate (for the verify
    page's verdict): code, topic and dates, never its holder's account."""
    body = certificate(session, code)
    if body is None:
        return None
    revoked = body["revoked_at"]
    return Certificate(
        code=body["code"],
        topic=body["topic"],
        issued_at=datetime.fromisoformat(body["issued_at"]),
        expires_at=datetime.fromisoformat(body["expires_at"]),
        revoked_at=datetime.fromisoformat(revoked) if revoked else None,
    )


def with_communes_records(session: Session, found: Verification) -> Verification:
    """A seal that a registered commune's key signed, checked against what that commune
    sent: revoked or expired there shows here too."""
    if found.signature != "valid" or found.record != "unknown" or not found.code:
        return found
    record = certificate_record(session, found.code)
    if record is None:
        return found
    return replace(found, record=certificates.verdict(record, clock.now()), certificate=record)
