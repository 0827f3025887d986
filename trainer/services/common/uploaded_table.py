"""Reading an uploaded spreadsheet saved as CSV: the one reader every import uses.

Excel's ways are understood: "," ";" or tab between cells (whichever the header line uses
most), its quoting (a doubled quote is one quote; a quoted cell may hold line breaks),
lines ending in CR LF, LF or CR, and its encodings: UTF-8 (a BOM says so), or Windows
Vietnamese (cp1258) when the person sending the file says so. Column names are matched
without accents ("Tên tổ" is `ten_to`). Whatever is wrong with a file is told as one
Vietnamese message naming its line (`BadFile`); nothing here raises anything else.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

MAX_BYTES = 2 * 1024 * 1024  # an upload larger than this is refused before it is read
MAX_CELL = 128 * 1024  # characters in one cell: more means a quote was left open
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


class BadFile(ValueError):
    """The file cannot be read as a table; the message (Vietnamese) names the line."""


@dataclass(frozen=True)
class Table:
    header: list[str]  # column keys: "Tên tổ" -> "ten_to"
    rows: list[tuple[int, list[str]]]  # (first line, cells), blank rows left out


@dataclass
class ImportReport:
    """What an import did: every problem (then nothing was saved), or what it created."""

    problems: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    # (full name, login name, password) for members given a password by the import.
    passwords: list[tuple[str, str, str]] = field(default_factory=list)


def read_table(data: bytes, encoding: str = "utf-8") -> Table:
    """The file's header and non-blank rows.

    :raises BadFile: for a file too large, not valid in its encoding, with a cell too long,
        or with no header line.
    """
    if len(data) > MAX_BYTES:
        raise BadFile(f"Tệp lớn quá {MAX_BYTES // 1024 // 1024} MB. Hãy chia thành nhiều tệp.")
    records = _records(decode(data, encoding))
    if not records:
        raise BadFile("Tệp trống: không có dòng tên cột.")
    header = [column_key(name) for name in records[0][1]]
    rows = [(line, cells) for line, cells in records[1:] if any(c.strip() for c in cells)]
    return Table(header, rows)


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


def _records(text: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) of every record, the header included, read as Excel writes."""
    first = text.splitlines()[0] if text else ""
    reader = csv.reader(
        io.StringIO(text, newline=""), csv.excel, delimiter=max(",;\t", key=first.count)
    )
    records = []
    start = 1
    try:
        while (cells := next(reader, None)) is not None:
            if any(len(cell) > MAX_CELL for cell in cells):
                raise csv.Error("field larger than field limit")
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        too_long = "field limit" in str(error)
        raise BadFile(
            f"Dòng {start}: "
            + (
                "có ô dài quá 128 KB; hãy xem lại dấu ngoặc kép."
                if too_long
                else "không đọc được dòng này; hãy lưu lại tệp bằng “CSV UTF-8” của Excel."
            )
        ) from error
    return records


def find_columns(
    header: Sequence[str], columns: Mapping[str, tuple[str, ...]], required: Sequence[str]
) -> dict[str, int | None]:
    """Where each of our columns is (by any of its names), None where absent.

    :raises BadFile: naming the required columns that are missing.
    """
    where = {
        ours: next((header.index(name) for name in names if name in header), None)
        for ours, names in columns.items()
    }
    missing = [columns[ours][0] for ours in required if where[ours] is None]
    if missing:
        raise BadFile(f"Dòng 1: thiếu cột {', '.join(missing)}.")
    return where


def cell(cells: Sequence[str], position: int | None) -> str:
    """A row's cell at position, stripped; "" when the row is shorter or there is none."""
    return cells[position].strip() if position is not None and position < len(cells) else ""


def column_key(name: str) -> str:
    """ "Tên tổ" -> "ten_to": lower case, accents and đ dropped, spaces to underscores."""
    plain = unicodedata.normalize("NFD", name.strip().lower().replace("đ", "d"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def line_problem(line: int, message: str) -> str:
    """ "Dòng 3: không có tổ …" from a message written as a sentence."""
    return f"Dòng {line}: {message[:1].lower()}{message[1:]}"
