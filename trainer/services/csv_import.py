"""Importing teams and members from a spreadsheet saved as CSV: all rows or none.

Every bad row is reported with its line number; if there is any, nothing is saved.
Column names are Vietnamese without accents (English ones work too); Excel's ";" and
its Windows Vietnamese encoding (cp1258) are understood.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import Team
from trainer.services import accounts, teams
from trainer.services.accounts import AccountError

TEAM_COLUMNS = {
    "name": ("ten_to", "to", "team", "name"),
    "commune": ("xa_phuong", "xa", "phuong", "commune"),
    "district": ("huyen", "quan", "district"),
    "province": ("tinh", "thanh_pho", "province"),
}
MEMBER_COLUMNS = {
    "full_name": ("ho_ten", "ho_va_ten", "full_name", "name"),
    "username": ("ten_dang_nhap", "username"),
    "phone": ("so_dien_thoai", "dien_thoai", "phone"),
    "team": ("to", "ten_to", "team"),
    "password": ("mat_khau", "password"),
}
REQUIRED = {"teams": ("name", "commune"), "members": ("full_name", "team")}


@dataclass
class ImportReport:
    problems: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    # (full name, login name, password) for members given a password by the import.
    passwords: list[tuple[str, str, str]] = field(default_factory=list)


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows Vietnamese; NFC."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text)


def import_teams(session: Session, data: bytes) -> ImportReport:
    """Create a team (and its commune when new) per row; commit only if every row is good."""
    begin_write(session)
    report = ImportReport()
    seen: set[str] = set()
    for line, row in _rows(data, TEAM_COLUMNS, "teams", report):
        try:
            if row["name"].lower() in seen:
                raise AccountError("name", f"tên tổ “{row['name']}” lặp lại trong tệp.")
            seen.add(row["name"].lower())
            commune = teams.find_or_add_commune(
                session, row["commune"], row["district"], row["province"]
            )
            with session.no_autoflush:
                report.created.append(teams.add_team(session, row["name"], commune).name)
        except AccountError as error:
            report.problems.append(f"Dòng {line}: {_lower_first(error.message)}")
    return _finish(session, report)


def import_members(session: Session, data: bytes) -> ImportReport:
    """Create a member per row in a named team; commit only if every row is good."""
    begin_write(session)
    report = ImportReport()
    seen: set[str] = set()
    by_name = {team.name.lower(): team for team in session.scalars(sa.select(Team))}
    for line, row in _rows(data, MEMBER_COLUMNS, "members", report):
        try:
            user = _member(session, row, by_name, seen)
        except AccountError as error:
            report.problems.append(f"Dòng {line}: {_lower_first(error.message)}")
        else:
            report.created.append(user.full_name)
            if not row["password"]:
                report.passwords.append((user.full_name, user.login_name, row["generated"]))
    return _finish(session, report)


def _member(session: Session, row: dict, by_name: dict[str, Team], seen: set[str]):
    team = by_name.get(" ".join(row["team"].split()).lower())
    if team is None:
        raise AccountError("team", f"không có tổ tên “{row['team']}”. Hãy tạo tổ trước.")
    login = row["username"] or row["phone"]
    if not login:
        raise AccountError("login", "cần tên đăng nhập hoặc số điện thoại.")
    name = accounts.parse_login_name(login)
    if name.text in seen:
        raise AccountError("login", f"“{login}” lặp lại trong tệp.")
    seen.add(name.text)
    row["generated"] = accounts.temporary_password()
    with session.no_autoflush:
        return accounts.new_user(
            session, row["full_name"], name, row["password"] or row["generated"], team=team
        )


def _rows(
    data: bytes, columns: dict[str, tuple[str, ...]], kind: str, report: ImportReport
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row by our column names) for each non-empty row of the file."""
    text = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [_column_key(name) for name in next(reader, [])]
    where = {
        ours: next((header.index(a) for a in aliases if a in header), None)
        for ours, aliases in columns.items()
    }
    missing = [columns[ours][0] for ours in REQUIRED[kind] if where[ours] is None]
    if missing:
        report.problems.append(f"Dòng 1: thiếu cột {', '.join(missing)}.")
        return
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        yield (
            reader.line_num,
            {
                ours: (cells[i].strip() if i is not None and i < len(cells) else "")
                for ours, i in where.items()
            },
        )
    if not report.created and not report.problems:
        report.problems.append("Tệp không có dòng nào để nhập.")


def _column_key(name: str) -> str:
    """ "Tên tổ" -> "ten_to": lower case, accents and đ dropped, spaces to underscores."""
    plain = unicodedata.normalize("NFD", name.strip().lower().replace("đ", "d"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]


def _finish(session: Session, report: ImportReport) -> ImportReport:
    if report.problems:
        session.rollback()
        report.created.clear()
        report.passwords.clear()
    else:
        session.commit()
    return report
