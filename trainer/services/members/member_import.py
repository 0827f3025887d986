"""Importing teams and members from a spreadsheet saved as CSV: all rows or none.

Every bad row is reported with its line number; if there is any, nothing is saved. Column
names are Vietnamese without accents (English ones work too); the file is read by the one
reader every import uses (trainer.services.common.uploaded_table).
Members' passwords are hashed (slow) before the write lock is taken; the rows are then
checked again and written in one short transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write, write_lock
from trainer.models import Team, User
from trainer.services.common.uploaded_table import (
    BadFile,
    ImportReport,
    cell,
    find_columns,
    line_problem,
    read_table,
)
from trainer.services.members import accounts, passwords, teams
from trainer.services.members.accounts import AccountError, LoginName

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


@dataclass(frozen=True)
class NewMember:
    line: int
    full_name: str
    name: LoginName
    team_id: int
    password: str
    generated: bool  # the import made the password up: show it once


class _Refused(Exception):
    """Some row is bad: roll back and report every problem."""


def import_teams(session: Session, data: bytes, encoding: str = "utf-8") -> ImportReport:
    """Create a team (and its commune when new) per row; commit only if every row is good."""
    report = ImportReport()
    rows = _rows(data, encoding, TEAM_COLUMNS, "teams", report)
    seen: set[str] = set()
    begin_write(session)
    for line, row in rows:
        try:
            if not row["commune"]:
                raise AccountError("commune", "hãy ghi tên xã hoặc phường.")
            if row["name"].lower() in seen:
                raise AccountError("name", f"tên tổ “{row['name']}” lặp lại trong tệp.")
            seen.add(row["name"].lower())
            commune = teams.find_or_add_commune(
                session, row["commune"], row["district"], row["province"]
            )
            with session.no_autoflush:
                report.created.append(teams.add_team(session, row["name"], commune).name)
        except AccountError as error:
            report.problems.append(line_problem(line, error.message))
    return _finish(session, report)


MAX_HASHED = 300  # members per import: about 40 s of hashing at the lowest priority


def import_members(session: Session, data: bytes, encoding: str = "utf-8") -> ImportReport:
    """Create a member per row in a named team; commit only if every row is good."""
    report = ImportReport()
    rows = _rows(data, encoding, MEMBER_COLUMNS, "members", report)
    if report.problems:
        return report
    members, problems = _plan_members(session, rows)
    report.problems += problems
    session.rollback()  # nothing is held while the passwords are hashed
    if len(members) > MAX_HASHED:  # each a slow hash inside this request: bound the batch
        report.problems.append(
            f"Tệp có {len(members)} thành viên; mỗi lần nhập tối đa {MAX_HASHED}. "
            "Hãy chia thành nhiều tệp."
        )
    if report.problems:
        return _finish(session, report)
    hashed = passwords.hash_many([member.password for member in members])
    hashes = {member.line: one for member, one in zip(members, hashed, strict=True)}
    try:
        with write_lock(session):
            members, report.problems = _plan_members(session, rows)  # taken since?
            if report.problems:
                raise _Refused
            session.add_all(
                User(
                    full_name=member.full_name,
                    username=member.name.username,
                    phone=member.name.phone,
                    password_hash=hashes[member.line],
                    team_id=member.team_id,
                )
                for member in members
            )
    except _Refused:
        return _finish(session, report)
    report.created = [member.full_name for member in members]
    report.passwords = [
        (member.full_name, member.name.text, member.password)
        for member in members
        if member.generated
    ]
    return report


def _plan_members(
    session: Session, rows: list[tuple[int, dict[str, str]]]
) -> tuple[list[NewMember], list[str]]:
    """The members the rows describe, and a problem for each bad row."""
    by_name = {name.lower(): id_ for id_, name in session.execute(sa.select(Team.id, Team.name))}
    members: list[NewMember] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, row in rows:
        try:
            members.append(_member(session, line, row, by_name, seen))
        except AccountError as error:
            problems.append(line_problem(line, error.message))
    return members, problems


def _member(
    session: Session, line: int, row: dict, by_name: dict[str, int], seen: set[str]
) -> NewMember:
    team_id = by_name.get(" ".join(row["team"].split()).lower())
    if team_id is None:
        raise AccountError("team", f"không có tổ tên “{row['team']}”. Hãy tạo tổ trước.")
    login = row["username"] or row["phone"]
    if not login:
        raise AccountError("login", "cần tên đăng nhập hoặc số điện thoại.")
    name = accounts.parse_login_name(login)
    if name.text in seen:
        raise AccountError("login", f"“{login}” lặp lại trong tệp.")
    seen.add(name.text)
    generated = row.setdefault("generated", passwords.temporary_password())
    password = row["password"] or generated
    accounts.check_details(row["full_name"], name, password)
    accounts.check_free(session, name)
    full_name = " ".join(row["full_name"].split())
    return NewMember(line, full_name, name, team_id, password, not row["password"])


def _rows(
    data: bytes,
    encoding: str,
    columns: dict[str, tuple[str, ...]],
    kind: str,
    report: ImportReport,
) -> list[tuple[int, dict[str, str]]]:
    """(line, row by our column names) for each non-blank row; problems go to report."""
    try:
        table = read_table(data, encoding)
        where = find_columns(table.header, columns, REQUIRED[kind])
    except BadFile as error:
        report.problems.append(str(error))
        return []
    rows = [
        (line, {ours: cell(cells, i) for ours, i in where.items()}) for line, cells in table.rows
    ]
    if not rows:
        report.problems.append("Tệp không có dòng nào để nhập.")
    return rows


def _finish(session: Session, report: ImportReport) -> ImportReport:
    if report.problems:
        session.rollback()
        report.created.clear()
        report.passwords.clear()
    else:
        session.commit()
    return report
