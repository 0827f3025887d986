"""The report's field part: per team and village, the visit log against targets.

For each village: residents guided, households reached and each outcome, in the period
and from the start of the year to the period's end, beside the year's target.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from trainer.services.common.spreadsheet_cells import data_row
from trainer.services.field.targets import HOUSEHOLDS, RESIDENTS, Indicator
from trainer.services.records.ledger import Ledger

if TYPE_CHECKING:
    from openpyxl import Workbook

    from trainer.services.reports.period import Period

TITLE = "Kết quả hướng dẫn người dân tại thôn, bản"
HEADINGS = ("Tổ", "Thôn/bản", "Chỉ tiêu", "Trong kỳ", "Từ đầu năm", "Chỉ tiêu năm", "Đạt (%)")


ALWAYS = (RESIDENTS, HOUSEHOLDS)  # shown for every village, even at zero


@dataclass(frozen=True)
class VillageRow:
    team: str
    village: str
    key: str  # the indicator's key
    indicator: str  # its title
    quarter: int  # in the period (a quarter or a month)
    year_to_date: int  # from 1 January to the period's end
    target: int | None  # the year's, when set
    team_uid: str = ""
    village_uid: str = ""

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
    ledger: Ledger, period: Period, indicators: Sequence[Indicator]
) -> tuple[VillageRow, ...]:
    """Per village of the ledger's teams: residents and households always, then each
    outcome that has a target or was reached this year."""
    if not indicators:
        return ()
    year_start, end = date(period.year, 1, 1), period.next.first_day
    villages = sorted(
        (
            (ledger.teams[village["team"]]["name"], village["name"], uid, village)
            for uid, village in ledger.villages.items()
            if village["team"] in ledger.teams
        ),
        key=lambda item: item[:2],
    )
    in_period = _figures(ledger, period.first_day, end)
    so_far = _figures(ledger, year_start, end)
    targets = {
        (target["village"], target["indicator"]): target["target"]
        for target in ledger.targets
        if target["year"] == period.year
    }
    rows = []
    for team, name, uid, village in villages:
        for indicator in indicators:
            key = (uid, indicator.key)
            if not (indicator.key in ALWAYS or so_far[key] or key in targets):
                continue
            if not village["active"] and not (so_far[key] or key in targets):
                continue
            rows.append(
                VillageRow(
                    team,
                    name,
                    indicator.key,
                    indicator.title,
                    in_period[key],
                    so_far[key],
                    targets.get(key),
                    village["team"],
                    uid,
                )
            )
    return tuple(rows)


def _figures(ledger: Ledger, start: date, end: date) -> Counter:
    """(village uid, indicator) -> the sum over visits with visited_on in [start, end)."""
    totals: Counter = Counter()
    for visit in ledger.visits:
        if not start <= visit.visited_on < end:
            continue
        totals[(visit.village, RESIDENTS)] += visit.residents
        totals[(visit.village, HOUSEHOLDS)] += visit.households
        for key, count in visit.outcomes.items():
            totals[(visit.village, key)] += count
    return totals


def write_csv(writer: csv.writer, rows: Sequence[VillageRow]) -> None:
    """The field part after the training table: a blank line, a title, headings, rows."""
    if not rows:
        return
    writer.writerows([(), (TITLE,), HEADINGS])
    writer.writerows(data_row(row.cells()) for row in rows)


def add_sheet(book: Workbook, rows: Sequence[VillageRow], period: Period) -> None:
    """The field part as a second sheet, "Thôn bản"."""
    if not rows:
        return
    from openpyxl.styles import Font  # imported only when a workbook is asked for

    sheet = book.create_sheet("Thôn bản")
    sheet.append([f"{TITLE} — {period.title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(HEADINGS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(data_row(row.cells()))
    for column, width in zip("ABCDEFG", (30, 24, 44, 12, 12, 14, 10), strict=True):
        sheet.column_dimensions[column].width = width
