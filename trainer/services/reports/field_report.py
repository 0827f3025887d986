"""The quarterly report's field part: per team and village, the visit log against targets.

For each village: residents guided, households reached and each outcome, in the quarter
and from the start of the year to the quarter's end, beside the year's target.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import Team, Village, Visit
from trainer.services.common.spreadsheet_cells import data_row
from trainer.services.field.targets import HOUSEHOLDS, RESIDENTS, Indicator, targets_for

if TYPE_CHECKING:
    from openpyxl import Workbook

    from trainer.services.reports.quarter import Quarter

TITLE = "Kết quả hướng dẫn người dân tại thôn, bản"
HEADINGS = ("Tổ", "Thôn/bản", "Chỉ tiêu", "Trong quý", "Từ đầu năm", "Chỉ tiêu năm", "Đạt (%)")


@dataclass(frozen=True)
class VillageRow:
    team: str
    village: str
    key: str  # the indicator's key
    indicator: str  # its title
    quarter: int  # in the quarter
    year_to_date: int  # from 1 January to the quarter's end
    target: int | None  # the year's, when set

    @property
    def percent(self) -> int | None:
        """How much of the year's target is reached so far, in whole percent."""
        if not self.target:
            return None
        return self.year_to_date * 100 // self.target

    def cells(self) -> tuple:
        return (
            self.team,
            self.village,
            self.indicator,
            self.quarter,
            self.year_to_date,
            "" if self.target is None else self.target,
            "" if self.percent is None else self.percent,
        )


def village_rows(
    session: Session, quarter: Quarter, team_ids: Iterable[int], indicators: Sequence[Indicator]
) -> tuple[VillageRow, ...]:
    """Per village of the teams: residents and households always, then each outcome
    that has a target or was reached this year."""
    if not indicators:
        return ()
    year_start, end = date(quarter.year, 1, 1), quarter.next.first_day
    villages = session.execute(
        sa.select(Village, Team.name)
        .join(Team)
        .where(Village.team_id.in_(list(team_ids)))
        .order_by(Team.name, Village.name)
    ).all()
    ids = [village.id for village, _ in villages]
    in_quarter = _figures(session, ids, quarter.first_day, end)
    so_far = _figures(session, ids, year_start, end)
    targets = targets_for(session, ids, quarter.year)
    rows = []
    for village, team in villages:
        for indicator in indicators:
            key = (village.id, indicator.key)
            always = indicator.key in (RESIDENTS, HOUSEHOLDS)
            if not (always or so_far[key] or key in targets):
                continue
            if not village.active and not (so_far[key] or key in targets):
                continue
            rows.append(
                VillageRow(
                    team,
                    village.name,
                    indicator.key,
                    indicator.title,
                    in_quarter[key],
                    so_far[key],
                    targets.get(key),
                )
            )
    return tuple(rows)


def _figures(session: Session, village_ids: list[int], start: date, end: date) -> Counter:
    """(village id, indicator) -> the sum over visits with visited_on in [start, end)."""
    totals: Counter = Counter()
    rows = session.execute(
        sa.select(Visit.village_id, Visit.residents, Visit.households, Visit.outcomes).where(
            Visit.village_id.in_(village_ids), Visit.visited_on >= start, Visit.visited_on < end
        )
    )
    for village_id, residents, households, outcomes in rows:
        totals[(village_id, RESIDENTS)] += residents
        totals[(village_id, HOUSEHOLDS)] += households
        for key, count in (outcomes or {}).items():
            totals[(village_id, key)] += count
    return totals


def write_csv(writer: csv.writer, rows: Sequence[VillageRow]) -> None:
    """The field part after the training table: a blank line, a title, headings, rows."""
    if not rows:
        return
    writer.writerows([(), (TITLE,), HEADINGS])
    writer.writerows(data_row(row.cells()) for row in rows)


def add_sheet(book: Workbook, rows: Sequence[VillageRow], quarter: Quarter) -> None:
    """The field part as a second sheet, "Thôn bản"."""
    if not rows:
        return
    from openpyxl.styles import Font  # imported only when a workbook is asked for

    sheet = book.create_sheet("Thôn bản")
    sheet.append([f"{TITLE} — {quarter.title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(HEADINGS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(data_row(row.cells()))
    for column, width in zip("ABCDEFG", (30, 24, 44, 12, 12, 14, 10), strict=True):
        sheet.column_dimensions[column].width = width
