"""Importing village targets from a spreadsheet saved as CSV: all rows or none.

One row per village and year: `to, thon_ban, nam`, then one column per indicator, named
by its key with underscores (`nguoi_dan`, `ho_gia_dinh`, `vneid_muc_2`, ...). A blank cell
leaves that target as it is. A village not yet on its team's list is added to it.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import Team
from trainer.services.common.typed_numbers import whole_number
from trainer.services.common.uploaded_table import (
    BadFile,
    ImportReport,
    cell,
    line_problem,
    read_table,
)
from trainer.services.field import villages
from trainer.services.field.targets import Indicator, put_targets, target_value
from trainer.services.members.accounts import AccountError

PLACE_COLUMNS = {"team": ("to", "ten_to", "team"), "village": ("thon_ban", "thon", "ban")}
YEAR_COLUMNS = ("nam", "year")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def import_targets(
    session: Session, data: bytes, known: list[Indicator], encoding: str = "utf-8"
) -> ImportReport:
    """Set each row's targets; commit only if every row is good."""
    report = ImportReport()
    try:
        table = read_table(data, encoding)
    except BadFile as error:
        report.problems.append(str(error))
        return report
    rows = table.rows
    columns = _columns(table.header, known, report)
    if report.problems:
        return report
    begin_write(session)
    teams = {team.name.lower(): team for team in session.scalars(sa.select(Team))}
    seen: set[tuple[int, str, int]] = set()
    for line, cells in rows:
        try:
            _import_row(session, cells, columns, teams, seen, report)
        except AccountError as error:
            report.problems.append(line_problem(line, error.message))
    if not seen and not report.problems:
        report.problems.append("Tệp không có dòng nào để nhập.")
    if report.problems:
        session.rollback()
        report.created.clear()
    else:
        session.commit()
    return report


def _columns(header: list[str], known: list[Indicator], report: ImportReport) -> dict:
    """Column position of team, village, year and each indicator named in the header."""
    by_column = {indicator.key.replace("-", "_"): indicator.key for indicator in known}
    columns: dict = {"indicators": {}}
    for position, name in enumerate(header):
        if name in PLACE_COLUMNS["team"]:
            columns["team"] = position
        elif name in PLACE_COLUMNS["village"]:
            columns["village"] = position
        elif name in YEAR_COLUMNS:
            columns["year"] = position
        elif name in by_column:
            columns["indicators"][by_column[name]] = position
        elif name:
            report.problems.append(
                f"Dòng 1: không có chỉ tiêu “{name}”; các cột chỉ tiêu là: {', '.join(by_column)}."
            )
    wanted = {"team": "to", "village": "thon_ban", "year": "nam"}
    missing = [name for ours, name in wanted.items() if ours not in columns]
    if missing:
        report.problems.append(f"Dòng 1: thiếu cột {', '.join(missing)}.")
    elif not columns["indicators"]:
        report.problems.append("Dòng 1: cần ít nhất một cột chỉ tiêu, như nguoi_dan.")
    return columns


def _import_row(session, cells, columns, teams, seen, report) -> None:
    team = teams.get(" ".join(cell(cells, columns["team"]).split()).lower())
    if team is None:
        raise AccountError("team", f"không có tổ tên “{cell(cells, columns['team'])}”.")
    name = villages.village_name(cell(cells, columns["village"]))
    year_text = cell(cells, columns["year"])
    year = whole_number(year_text, FIRST_YEAR, LAST_YEAR)
    if year is None:
        raise AccountError("year", f"năm “{year_text[:12]}” không hợp lệ.")
    key = (team.id, name.lower(), year)
    if key in seen:
        raise AccountError("village", f"“{name}” năm {year} lặp lại trong tệp.")
    seen.add(key)
    values = {}
    for indicator, position in columns["indicators"].items():
        value = target_value(cell(cells, position))
        if value is not None:
            values[indicator] = value
    with session.no_autoflush:
        village = villages.find_or_add(session, team.id, name)
    session.flush()
    put_targets(session, village, year, values)
    report.created.append(f"{name} ({team.name}, {year})")
