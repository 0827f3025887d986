"""Reading a visit log entry as typed: every field checked, every problem told at once.

Pure: no database. What needs the database (the village is the member's, the member is
certified in each topic) is checked by `visits.record` under the write lock.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from trainer.content.outcomes import Outcomes
from trainer.services.common.typed_numbers import whole_number
from trainer.services.field.privacy import personal_number

MAX_RESIDENTS = 500
MAX_AGE_DAYS = 31  # a month without coverage, at most, before the log is filled in


class VisitError(ValueError):
    """The entry cannot be kept; errors maps each form field to what is wrong with it."""

    def __init__(self, errors: Mapping[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


@dataclass(frozen=True)
class VisitEntry:
    """What the form sent, as typed. outcomes maps each ticked outcome to its count."""

    visited_on: str
    village: str
    residents: str
    households: str
    topics: tuple[str, ...] = ()
    outcomes: Mapping[str, str] = field(default_factory=dict)
    client_key: str = ""


@dataclass(frozen=True)
class CheckedEntry:
    visited_on: date
    village_id: int
    residents: int
    households: int
    topics: tuple[str, ...]
    outcomes: dict[str, int]
    client_key: str


def check_entry(
    entry: VisitEntry, outcomes: Outcomes, topics: Mapping[str, str], today: date
) -> CheckedEntry:
    """The entry as values (topics maps slug to title).

    :raises VisitError: naming every field that is wrong.
    """
    errors: dict[str, str] = {}
    _refuse_personal(entry, errors)
    visited_on = _day(entry.visited_on, today, errors)
    village = _whole(entry.village, "village", 1, 10**9, errors, "Hãy chọn thôn, bản.")
    residents = _whole(
        entry.residents,
        "residents",
        1,
        MAX_RESIDENTS,
        errors,
        f"Số người dân được hướng dẫn: từ 1 đến {MAX_RESIDENTS}.",
    )
    households = _whole(
        entry.households,
        "households",
        1,
        residents or MAX_RESIDENTS,
        errors,
        "Số hộ: từ 1, và không nhiều hơn số người dân.",
    )
    chosen = _topics(entry.topics, topics, errors)
    counts = _outcomes(entry.outcomes, outcomes, chosen, residents, households, errors)
    if errors:
        raise VisitError(errors)
    return CheckedEntry(
        visited_on,
        village,
        residents,
        households,
        chosen,
        counts,
        _client_key(entry.client_key),
    )


def _client_key(text: str) -> str:
    """The phone's key for this entry (a UUID), or a new one when it sent none."""
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        return str(uuid.uuid4())


def _refuse_personal(entry: VisitEntry, errors: dict[str, str]) -> None:
    typed = {
        "visited_on": [entry.visited_on],
        "village": [entry.village],
        "residents": [entry.residents],
        "households": [entry.households],
        "topics": list(entry.topics),
        "outcomes": [*entry.outcomes, *entry.outcomes.values()],
    }
    for name, values in typed.items():
        for value in values:
            why = personal_number(value or "")
            if why:
                errors.setdefault(name, why)


def _day(text: str, today: date, errors: dict[str, str]) -> date | None:
    if "visited_on" in errors:
        return None
    text = (text or "").strip()
    day = None
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(text, shape).date()
            break
        except ValueError:
            continue
    if day is None:
        errors["visited_on"] = "Hãy ghi ngày đi hướng dẫn, như 25/11/2026."
    elif day > today:
        errors["visited_on"] = "Ngày đi hướng dẫn không thể sau hôm nay."
    elif day < today - timedelta(days=MAX_AGE_DAYS):
        errors["visited_on"] = f"Chỉ ghi được buổi trong {MAX_AGE_DAYS} ngày qua."
    return day


def _whole(
    text: str, name: str, low: int, high: int, errors: dict[str, str], message: str
) -> int | None:
    if name in errors:
        return None
    number = whole_number(text, low, high)
    if number is None:
        errors[name] = message
    return number


def _topics(
    typed: tuple[str, ...], topics: Mapping[str, str], errors: dict[str, str]
) -> tuple[str, ...]:
    if "topics" in errors:
        return ()
    chosen = tuple(dict.fromkeys(slug.strip() for slug in typed if slug.strip()))
    if not chosen:
        errors["topics"] = "Hãy đánh dấu ít nhất một kỹ năng đã hướng dẫn."
    elif any(slug not in topics for slug in chosen):
        errors["topics"] = "Có kỹ năng không có trong danh sách; hãy chọn lại."
    return chosen


def _outcomes(
    typed: Mapping[str, str],
    outcomes: Outcomes,
    topics: tuple[str, ...],
    residents: int | None,
    households: int | None,
    errors: dict[str, str],
) -> dict[str, int]:
    if "outcomes" in errors:
        return {}
    allowed = {outcome.key: outcome for outcome in outcomes.for_topics(list(topics))}
    counts = {}
    for key, text in typed.items():
        outcome = allowed.get(key)
        if outcome is None:
            errors["outcomes"] = "Có kết quả không thuộc kỹ năng đã chọn; hãy chọn lại."
            return {}
        most = households if outcome.counts == "households" else residents
        count = whole_number((text or "").strip() or "1", 1, most or MAX_RESIDENTS)
        if count is None:
            unit = "số hộ" if outcome.counts == "households" else "số người dân"
            errors["outcomes"] = f"“{outcome.title}”: từ 1 đến {unit} đã ghi."
            return {}
        counts[key] = count
    return counts
