"""Importing teams and members from a spreadsheet saved as CSV: all rows or none.

Every bad row is reported with its line number; if there is any, nothing is saved. Column
names are Vietnamese without accents (English ones work too). Excel's ";", its quoting and
its encodings are understood: UTF-8, or Windows Vietnamese (cp1258) when the person sending
the file says so; a file not valid in its encoding is refused, naming the line.
Members' passwords are hashed (slow) before the write lock is taken; the rows are then
checked again and written in one short transaction.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write, write_lock
from trainer.models import Team, User
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
# The encodings a file may be sent in: its name in the form, what to say when it is not.
ENCODINGS = {
    "utf-8": (
        "UTF-8 (CSV UTF-8 của Excel)",
        "có chữ không đọc được bằng bảng mã UTF-8. Trong Excel, hãy lưu tệp bằng "
        "“CSV UTF-8”, hoặc chọn bảng mã Windows khi nhập.",
    ),
    "cp1258": (
        "Windows tiếng Việt (CSV của Excel cũ)",
        "có chữ không đọc được bằng bảng mã Windows tiếng Việt. Hãy chọn bảng mã UTF-8 "
        "khi nhập, hoặc lưu lại tệp bằng “CSV UTF-8”.",
    ),
}
LINE_BREAK = re.compile(rb"\r\n|\r|\n")
FIELD_LIMIT = 128 * 1024  # the csv module's own limit, in characters


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


@dataclass
class ImportReport:
    problems: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    # (full name, login name, password) for members given a password by the import.
    passwords: list[tuple[str, str, str]] = field(default_factory=list)


class BadFile(ValueError):
    """The file cannot be read as CSV text; the message names the line."""


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """The file's text in the encoding it claims (a UTF-8 BOM claims UTF-8), NFC.

    :raises BadFile: naming the first line that is not valid in that encoding.
    """
    if encoding not in ENCODINGS:
        raise BadFile(f"Không biết bảng mã “{encoding}”.")
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = len(LINE_BREAK.findall(data[: error.start])) + 1
        raise BadFile(f"Dòng {line}: {ENCODINGS[encoding][1]}") from error
    return unicodedata.normalize("NFC", text)


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
            report.problems.append(f"Dòng {line}: {_lower_first(error.message)}")
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
            problems.append(f"Dòng {line}: {_lower_first(error.message)}")
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


def _cells(data: bytes, encoding: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) of every record in the file, the header included.

    Excel's quoting is read as Excel writes it (a doubled quote is one quote; a quoted cell
    may hold line breaks); lines may end in CR LF, LF or CR alone.

    :raises BadFile: naming the line that cannot be read.
    """
    text = decode(data, encoding)
    first = text.splitlines()[0] if text else ""
    reader = csv.reader(
        io.StringIO(text, newline=""), csv.excel, delimiter=max(",;\t", key=first.count)
    )
    records = []
    start = 1
    try:
        while (cells := next(reader, None)) is not None:
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        too_long = "field limit" in str(error)
        raise BadFile(
            f"Dòng {start}: "
            + ("có ô dài quá 128 KB; hãy xem lại dấu ngoặc kép." if too_long else f"{error}.")
        ) from error
    return records


def _rows(
    data: bytes,
    encoding: str,
    columns: dict[str, tuple[str, ...]],
    kind: str,
    report: ImportReport,
) -> list[tuple[int, dict[str, str]]]:
    """(line, row by our column names) for each non-empty row; problems go to report."""
    try:
        records = _cells(data, encoding)
    except BadFile as error:
        report.problems.append(str(error))
        return []
    header = [_column_key(name) for name in records[0][1]] if records else []
    where = {
        ours: next((header.index(a) for a in aliases if a in header), None)
        for ours, aliases in columns.items()
    }
    missing = [columns[ours][0] for ours in REQUIRED[kind] if where[ours] is None]
    if records and missing:
        report.problems.append(f"Dòng 1: thiếu cột {', '.join(missing)}.")
        return []
    rows = [
        (
            line,
            {
                ours: (cells[i].strip() if i is not None and i < len(cells) else "")
                for ours, i in where.items()
            },
        )
        for line, cells in records[1:]
        if any(cell.strip() for cell in cells)
    ]
    if not rows:
        report.problems.append("Tệp không có dòng nào để nhập.")
    return rows


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
