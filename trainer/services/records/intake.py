"""The province takes in packs: only from servers it registered, only when the signature
holds, and only versions newer than what it has, so taking a pack twice, or packs out of
order, changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import ReceivedPack, RecordServer, TravelledRecord
from trainer.services.common import clock
from trainer.services.records import pack_format
from trainer.services.records.ledger import problem
from trainer.services.records.pack_format import NotAPack

BATCH = 500  # uids looked up per query


@dataclass(frozen=True)
class Intake:
    server: str  # the registered name of the sender
    records: int  # in the pack
    changed: int  # that were new or newer than what the province had
    again: bool  # this very pack was taken before


def take(session: Session, data: bytes, now: datetime | None = None) -> Intake:
    """Check and take in a pack. :raises NotAPack: saying, in Vietnamese, why not."""
    pack = pack_format.read(data)
    server = session.scalar(sa.select(RecordServer).where(RecordServer.fingerprint == pack.server))
    if server is None:
        raise NotAPack(
            f"Máy gửi (khóa {pack.server[:40]}) chưa được đăng ký với tỉnh. "
            "Hãy đăng ký khóa công khai của xã trước (trainer records register)."
        )
    if not pack.signed_by(public_key(server.public_key)):
        raise NotAPack("Gói đã bị sửa sau khi xã ký (chữ ký không khớp). Không nhận gói này.")
    for number, record in enumerate(pack.records, 1):
        wrong = pack_format.record_problem(record)
        if wrong is None and record["body"] is not None:
            wrong = problem(record["kind"], record["body"])
        if wrong:
            raise NotAPack(f"Bản ghi thứ {number} trong gói có lỗi: {wrong}.")
    name, sender_id = server.name, server.id
    with write_lock(session):
        changed = _store(session, pack.records, sender_id, now or clock.now())
        again = session.scalar(sa.select(ReceivedPack.id).where(ReceivedPack.digest == pack.digest))
        if again is None:
            session.add(
                ReceivedPack(
                    digest=pack.digest,
                    server_id=sender_id,
                    made_at=pack.made_at,
                    records=len(pack.records),
                    changed=changed,
                )
            )
        server = session.get(RecordServer, sender_id)
        if server.last_made_at is None or server.last_made_at < pack.made_at:
            server.last_made_at = pack.made_at
    return Intake(name, len(pack.records), changed, again is not None)


def _store(session: Session, records: list[dict], sender_id: int, now: datetime) -> int:
    """Write each record newer than the one kept (by stamp, then digest); count them."""
    newest: dict[str, dict] = {}
    for record in records:
        kept = newest.get(record["uid"])
        if kept is None or _version(record) > _version(kept):
            newest[record["uid"]] = record
    uids, added, changed = list(newest), [], []
    for start in range(0, len(uids), BATCH):
        chunk = uids[start : start + BATCH]
        held = session.execute(
            sa.select(
                TravelledRecord.uid,
                TravelledRecord.id,
                TravelledRecord.stamp,
                TravelledRecord.digest,
            ).where(TravelledRecord.uid.in_(chunk))
        )
        kept = {uid: (row_id, (stamp, digest)) for uid, row_id, stamp, digest in held}
        for uid in chunk:
            record = newest[uid]
            if uid not in kept:
                added.append(_row(record, sender_id, now))
            elif _version(record) > kept[uid][1]:
                changed.append({"id": kept[uid][0], **_row(record, sender_id, now)})
    if added:
        session.execute(TravelledRecord.__table__.insert(), added)  # one executemany
    if changed:
        session.execute(sa.update(TravelledRecord), changed)
    return len(added) + len(changed)


def _row(record: dict, sender_id: int, now: datetime) -> dict:
    body = record["body"]
    return {
        "uid": record["uid"],
        "kind": record["kind"],
        "origin": record["origin"],
        "sender_id": sender_id,
        "stamp": record["stamp"],
        "digest": record["digest"],
        "body": body,
        "deleted": body is None,
        "lookup": body.get("code") if body and record["kind"] == "certificate" else None,
        "received_at": now,
    }


def _version(record: dict) -> tuple[str, str]:
    return record["stamp"], record["digest"]


def public_key(pem: str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode())
    if not isinstance(key, Ed25519PublicKey):
        raise NotAPack("Khóa đã đăng ký không phải khóa Ed25519.")
    return key
