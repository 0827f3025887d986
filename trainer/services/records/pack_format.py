"""A pack of records: one gzip file of JSON, signed with the sending server's Ed25519 key.

    {"payload": {"format": "trainer-records/1", "server": fingerprint, "public_key": PEM,
                 "made_at": ISO time, "records": [record, ...]},
     "signature": base64 of the signature over the payload's canonical JSON}

A record is {"kind", "uid", "origin", "stamp", "digest", "body"}, or, for one deleted
since it was sent, {"kind", "uid", "origin", "stamp", "digest": "deleted", "body": null}.
The same bytes travel over HTTPS or on a USB stick.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trainer.services.certification import signing_keys

FORMAT = "trainer-records/1"
DELETED = "deleted"
MAX_PACK_BYTES = 20 * 1024 * 1024  # as sent
MAX_JSON_BYTES = 200 * 1024 * 1024  # once unpacked: a pack that grows past this is refused
UID_LETTERS = set("0123456789abcdefghijklmnopqrstuvwxyz-")


class NotAPack(ValueError):
    """A file that is not a readable pack; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Pack:
    server: str  # the sender's fingerprint, as the pack states it
    made_at: datetime
    records: list[dict]
    digest: str  # names this pack: the same bytes, the same digest
    payload: dict
    signature: bytes

    def signed_by(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(self.signature, canonical(self.payload))
        except InvalidSignature:
            return False
        return True


def canonical(value) -> bytes:
    """The one byte string a JSON value signs as."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(kind: str, body: dict | None) -> str:
    """A record's version name: the hash of its kind and body."""
    return DELETED if body is None else hashlib.sha256(canonical([kind, body])).hexdigest()


def make(records: list[dict], key: Ed25519PrivateKey, made_at: datetime) -> bytes:
    """The pack's bytes: payload signed with key, gzipped."""
    payload = {
        "format": FORMAT,
        "server": signing_keys.fingerprint(key.public_key()),
        "public_key": signing_keys.public_pem(key.public_key()).decode(),
        "made_at": made_at.isoformat(timespec="microseconds"),
        "records": records,
    }
    signature = base64.b64encode(key.sign(canonical(payload))).decode()
    return gzip.compress(canonical({"payload": payload, "signature": signature}), mtime=0)


def read(data: bytes) -> Pack:
    """The pack in data, signature not yet checked. :raises NotAPack: saying what is wrong."""
    if len(data) > MAX_PACK_BYTES:
        raise NotAPack(f"Tệp quá lớn (tối đa {MAX_PACK_BYTES // 1024 // 1024} MB).")
    try:
        unpacked = zlib.decompressobj(wbits=31)
        text = unpacked.decompress(data, MAX_JSON_BYTES)
        if unpacked.unconsumed_tail:
            raise NotAPack("Tệp giải nén ra quá lớn.")
        envelope = json.loads(text)
        payload, signature = envelope["payload"], base64.b64decode(envelope["signature"])
        made_at = datetime.fromisoformat(payload["made_at"])
        records, server = payload["records"], payload["server"]
    except NotAPack:
        raise
    except (zlib.error, ValueError, KeyError, TypeError) as error:
        raise NotAPack("Đây không phải gói số liệu của trainer (không đọc được).") from error
    if payload.get("format") != FORMAT or not isinstance(records, list):
        raise NotAPack("Gói số liệu này thuộc một định dạng khác.")
    if made_at.tzinfo is None or not isinstance(server, str):
        raise NotAPack("Gói số liệu thiếu thông tin máy gửi.")
    pack_digest = hashlib.sha256(canonical(envelope)).hexdigest()
    return Pack(server, made_at, records, pack_digest, payload, signature)


def record_problem(record) -> str | None:
    """What is wrong with one record's envelope (its body is checked by ledger.problem)."""
    if not isinstance(record, dict) or set(record) != {
        "kind",
        "uid",
        "origin",
        "stamp",
        "digest",
        "body",
    }:
        return "bản ghi thiếu hoặc thừa trường"
    uid, stamp = record["uid"], record["stamp"]
    if not (isinstance(uid, str) and 0 < len(uid) <= 32 and set(uid) <= UID_LETTERS):
        return "mã bản ghi không hợp lệ"
    if not (isinstance(stamp, str) and len(stamp) <= 40 and isinstance(record["origin"], str)):
        return "dấu thời gian hoặc máy gốc không hợp lệ"
    if len(record["origin"]) > 40:
        return "máy gốc không hợp lệ"
    if record["digest"] != digest(record["kind"], record["body"]):
        return "bản ghi không khớp với mã băm của nó"
    return None
