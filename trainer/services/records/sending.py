"""A commune server sends its records: over HTTP(S) to the province's address, or as a file
for a USB stick or Zalo when there is no connection."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from trainer.services.common import clock
from trainer.services.records import identity, outbox, pack_format

RECEIVE_PATH = "/tinh/nhan-so-lieu"  # where a province takes pushed packs


class SendFailed(RuntimeError):
    """The province could not be reached or refused the pack; the message says which."""


@dataclass(frozen=True)
class Sent:
    records: int  # in the pack
    changed: int  # that the province did not have yet (0 for a file)


def make_pack(session: Session, instance: Path) -> tuple[bytes, list[dict]]:
    """Every record not yet acknowledged, signed with this server's key."""
    key = identity.server_key(instance)
    now = clock.now()
    records = outbox.pending(session, identity.server_id(key), now)
    return pack_format.make(records, key, now), records


def export(session: Session, instance: Path, target: Path) -> Sent:
    """Write the pack to target (a file to carry). :raises identity.NoKey:"""
    data, records = make_pack(session, instance)
    temp = target.with_name(target.name + ".tmp")
    temp.write_bytes(data)
    temp.replace(target)
    return Sent(len(records), 0)


def push(session: Session, instance: Path, province_url: str, timeout: float = 60) -> Sent:
    """Send the pack to the province; on its answer, note what it now holds.

    :raises SendFailed: unreachable, or refused (with the province's reason).
    :raises identity.NoKey:
    """
    data, records = make_pack(session, instance)
    request = urllib.request.Request(
        province_url.rstrip("/") + RECEIVE_PATH,
        data=data,
        method="POST",
        headers={"Content-Type": "application/octet-stream", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise SendFailed(f"Tỉnh không nhận gói: {_reason(error)}") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise SendFailed(f"Không gửi được tới {province_url}: {error}") from error
    outbox.acknowledge(session, records)
    return Sent(len(records), int(answer.get("changed", 0)))


def _reason(error: urllib.error.HTTPError) -> str:
    try:
        return json.loads(error.read()).get("error") or f"HTTP {error.code}"
    except ValueError:
        return f"HTTP {error.code}"
