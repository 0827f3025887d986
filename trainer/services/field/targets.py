"""Village targets for a year, per indicator, as a commune assigns them to each thôn, bản.

Indicators are the two counts every visit records (residents guided, households reached)
and each outcome in lessons/outcomes.yaml, by key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.content.outcomes import Outcomes
from trainer.database import begin_write
from trainer.models import Village, VillageTarget
from trainer.services.common.typed_numbers import whole_number
from trainer.services.members.accounts import AccountError

RESIDENTS, HOUSEHOLDS = "nguoi-dan", "ho-gia-dinh"
MAX_TARGET = 100_000


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str


def indicators(outcomes: Outcomes) -> list[Indicator]:
    """Residents guided, households reached, then every outcome in the file's order."""
    return [
        Indicator(RESIDENTS, "Người dân được hướng dẫn"),
        Indicator(HOUSEHOLDS, "Hộ gia đình được đến hướng dẫn"),
        *(Indicator(outcome.key, outcome.title) for outcome in outcomes.all()),
    ]


def targets_for(
    session: Session, village_ids: Iterable[int], year: int
) -> dict[tuple[int, str], int]:
    """(village id, indicator) -> the year's target, for the targets that are set."""
    rows = session.execute(
        sa.select(VillageTarget.village_id, VillageTarget.indicator, VillageTarget.target).where(
            VillageTarget.village_id.in_(list(village_ids)), VillageTarget.year == year
        )
    )
    return {(village_id, indicator): target for village_id, indicator, target in rows}


def target_value(text: str) -> int | None:
    """A typed target: a whole number, or None for blank (no target).

    :raises AccountError: on "target" for anything else.
    """
    if not (text or "").strip():
        return None
    value = whole_number(text, 0, MAX_TARGET, grouped=True)
    if value is None:
        raise AccountError("target", f"Chỉ tiêu là số nguyên từ 0 đến {MAX_TARGET}.")
    return value


def put_targets(
    session: Session, village: Village, year: int, values: Mapping[str, int | None]
) -> None:
    """Set (or with None, remove) the village's targets for the year; no commit."""
    held = {
        row.indicator: row
        for row in session.scalars(
            sa.select(VillageTarget).where(
                VillageTarget.village_id == village.id, VillageTarget.year == year
            )
        )
    }
    for indicator, value in values.items():
        row = held.get(indicator)
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(
                VillageTarget(village=village, year=year, indicator=indicator, target=value)
            )
        else:
            row.target = value


def set_targets(
    session: Session, village_id: int, year: int, typed: Mapping[str, str], known: list[str]
) -> None:
    """Save the typed targets of one village for a year (known: the indicator keys); commit.

    :raises AccountError: on "target" for a bad number or an unknown indicator.
    """
    set_team_targets(session, None, year, {(village_id, k): v for k, v in typed.items()}, known)


def set_team_targets(
    session: Session,
    team_id: int | None,
    year: int,
    typed: Mapping[tuple[int, str], str],
    known: list[str],
) -> None:
    """Save typed targets, by (village id, indicator), of one team's villages; commit once.

    :raises AccountError: on "target" for a bad number or an unknown indicator, on
        "village" for a village not in the team (team_id None: any team).
    """
    if not 2000 <= year <= 2100:
        raise AccountError("year", "Năm không hợp lệ.")
    if {indicator for _, indicator in typed} - set(known):
        raise AccountError("target", "Có chỉ tiêu không có trong danh sách.")
    by_village: dict[int, dict[str, int | None]] = defaultdict(dict)
    for (village_id, indicator), text in typed.items():
        by_village[village_id][indicator] = target_value(text)
    begin_write(session)
    for village_id, values in by_village.items():
        village = session.get(Village, village_id)
        if village is None or team_id not in (None, village.team_id):
            session.rollback()
            raise AccountError("village", "Không tìm thấy thôn, bản này.")
        put_targets(session, village, year, values)
    session.commit()
