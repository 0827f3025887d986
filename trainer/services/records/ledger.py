"""What a report counts, in the one shape every server shares: records by stable id.

A record's body is plain JSON (see KINDS): references are other records' uids, times are
ISO strings in UTC. A commune's own database and the records the province received are
both read into a Ledger, so every figure is computed by the same code wherever it is
shown. Bodies hold no resident's name and no member's name or phone number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

# kind -> the fields its body holds (and their JSON types)
KINDS: dict[str, dict[str, tuple[type, ...]]] = {
    "commune": {"name": (str,), "province": (str,)},
    "team": {"name": (str,), "commune": (str,)},
    "member": {"team": (str, type(None)), "counted": (bool,)},
    "certificate": {
        "member": (str,),
        "topic": (str,),
        "code": (str,),
        "issued_at": (str,),
        "expires_at": (str,),
        "revoked_at": (str, type(None)),
    },
    "attempt": {"member": (str,), "topic": (str,), "submitted_at": (str,), "passed": (bool,)},
    "completion": {"member": (str,), "lesson": (str,), "finished_at": (str,)},
    "village": {"team": (str,), "name": (str,), "active": (bool,)},
    "target": {"village": (str,), "year": (int,), "indicator": (str,), "target": (int,)},
    "visit": {
        "village": (str,),
        "visited_on": (str,),
        "residents": (int,),
        "households": (int,),
        "outcomes": (dict,),
    },
}
TIMES = ("issued_at", "expires_at", "revoked_at", "submitted_at", "finished_at")


class BadBody(ValueError):
    """A body that does not have its kind's fields, or has a field of the wrong type."""


def problem(kind: str, body: Any) -> str | None:
    """What is wrong with a body of this kind, or None when it is well formed."""
    fields = KINDS.get(kind)
    if fields is None:
        return f"loại bản ghi lạ “{kind[:20]}”"
    if not isinstance(body, dict) or set(body) != set(fields):
        return f"bản ghi {kind} thiếu hoặc thừa trường"
    for name, types in fields.items():
        value = body[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return f"trường {name} của bản ghi {kind} sai kiểu"
        if isinstance(value, str) and len(value) > 200:
            return f"trường {name} của bản ghi {kind} quá dài"
        if name in TIMES and value is not None and _time(value) is None:
            return f"trường {name} của bản ghi {kind} không phải thời điểm"
    if kind == "visit":
        if _day(body["visited_on"]) is None:
            return "ngày thăm không đúng dạng"
        counts = body["outcomes"].values()
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in counts):
            return "số kết quả của một lần thăm không phải số"
    return None


def time_text(moment: datetime) -> str:
    """A moment as a body holds it: ISO 8601 in UTC, to the microsecond."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Certificate:
    member: str
    topic: str
    issued_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    def valid_at(self, moment: datetime) -> bool:
        revoked = self.revoked_at is not None and self.revoked_at < moment
        return self.issued_at < moment < self.expires_at and not revoked


@dataclass(frozen=True)
class Visit:
    village: str
    visited_on: date
    residents: int
    households: int
    outcomes: dict[str, int]


@dataclass
class Ledger:
    """Every record a report reads, by uid; built with `read`."""

    communes: dict[str, dict] = field(default_factory=dict)  # uid -> {name, province}
    teams: dict[str, dict] = field(default_factory=dict)  # uid -> {name, commune}
    members: dict[str, str] = field(default_factory=dict)  # counted member uid -> team uid
    certificates: list[Certificate] = field(default_factory=list)
    trained: list[tuple[str, str, datetime]] = field(default_factory=list)  # member, what, when
    villages: dict[str, dict] = field(default_factory=dict)  # uid -> {team, name, active}
    targets: list[dict] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)

    @classmethod
    def read(cls, records: Iterable[tuple]) -> Ledger:
        """A ledger from (kind, uid, body, ...) records; a later one with the same uid wins."""
        latest: dict[str, tuple[str, dict]] = {}
        for kind, uid, body, *_ in records:
            latest[uid] = (kind, body)
        ledger = cls()
        for uid, (kind, body) in latest.items():
            ledger._add(kind, uid, body)
        return ledger

    def _add(self, kind: str, uid: str, body: dict) -> None:
        if kind == "commune":
            self.communes[uid] = body
        elif kind == "team":
            self.teams[uid] = body
        elif kind == "member" and body["counted"] and body["team"]:
            self.members[uid] = body["team"]
        elif kind == "certificate":
            revoked = body["revoked_at"]
            self.certificates.append(
                Certificate(
                    body["member"],
                    body["topic"],
                    datetime.fromisoformat(body["issued_at"]),
                    datetime.fromisoformat(body["expires_at"]),
                    datetime.fromisoformat(revoked) if revoked else None,
                )
            )
        elif kind == "attempt":
            moment = datetime.fromisoformat(body["submitted_at"])
            self.trained.append((body["member"], "topic:" + body["topic"], moment))
        elif kind == "completion":
            moment = datetime.fromisoformat(body["finished_at"])
            self.trained.append((body["member"], "lesson:" + body["lesson"], moment))
        elif kind == "village":
            self.villages[uid] = body
        elif kind == "target":
            self.targets.append(body)
        elif kind == "visit":
            self.visits.append(
                Visit(
                    body["village"],
                    date.fromisoformat(body["visited_on"]),
                    body["residents"],
                    body["households"],
                    body["outcomes"],
                )
            )
