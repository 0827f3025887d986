"""A report as an Excel workbook that opens in Excel and LibreOffice: the first sheet is the
report to send (heading, the tables, who prepared and approved it), then the details.

Only values, never formulas; names that look like formulas are plain text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trainer.services.common.spreadsheet_cells import data_row
from trainer.services.reports import field_report, report_tables
from trainer.services.reports.report_tables import Table

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from trainer.services.reports.quarterly import Report

SIGNERS = ("NGƯỜI LẬP BÁO CÁO", "NGƯỜI DUYỆT")
SIGN_HINTS = ("(Ký, ghi rõ họ tên)", "(Ký, đóng dấu, ghi rõ họ tên)")


def commune_workbook(report: Report) -> bytes:
    """Sheet "Báo cáo" (to print and sign), "Chi tiết" (team × topic), "Thôn bản"."""
    from trainer.services.reports.quarterly import TITLE

    tables = report_tables.commune_tables(report.figures)
    return workbook(heading_lines(TITLE, report.places, report), tables, report, detail=True)


def workbook(
    heading: Sequence[str], tables: Sequence[Table], report, detail: bool = False
) -> bytes:
    from openpyxl import Workbook  # a quarter of a second to import: only when asked for

    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    _heading(sheet, heading)
    for table in tables:
        write_table(sheet, table)
    _signatures(sheet)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.column_dimensions["A"].width = 44
    for column in "BCDEFGHIJ":
        sheet.column_dimensions[column].width = 16
    if detail:
        rows = book.create_sheet("Chi tiết")
        write_table(rows, report_tables.detail(report.figures), first=True)
        rows.column_dimensions["A"].width = 36
        rows.column_dimensions["B"].width = 28
        field_report.add_sheet(book, report.villages, report.period)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def heading_lines(title: str, places: str, report) -> list[str]:
    """What the report's heading says, top to bottom."""
    lines = [places, title.upper(), f"{report.period.title} ({period_dates(report)})"]
    if report.made_on:
        lines.append(f"Ngày lập: {_day(report.made_on)}")
    if report.deadline:
        lines.append(f"Hạn gửi Sở Khoa học và Công nghệ: {_day(report.deadline)}")
    return lines


def period_dates(report) -> str:
    return f"từ ngày {_day(report.first_day)} đến ngày {_day(report.last_day)}"


def write_table(sheet: Worksheet, table: Table, first: bool = False) -> None:
    """A blank line (unless first), the table's title, headings, rows and bold totals."""
    from openpyxl.styles import Alignment, Font

    if not first:
        sheet.append([])
    sheet.append([table.title])
    sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
    sheet.append(list(table.headings))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.rows:
        sheet.append(data_row(row))
    for row in table.totals:
        sheet.append(data_row(row))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    if table.note:
        sheet.append([table.note])
        sheet.cell(sheet.max_row, 1).font = Font(italic=True)


def _heading(sheet: Worksheet, lines: Sequence[str]) -> None:
    from openpyxl.styles import Font

    for number, line in enumerate(lines):
        sheet.append(data_row((line,)))
        font = Font(bold=number in (0, 1), size=14 if number == 1 else 11)
        sheet.cell(sheet.max_row, 1).font = font


def _signatures(sheet: Worksheet) -> None:
    from openpyxl.styles import Font

    sheet.append([])
    sheet.append([SIGNERS[0], "", "", "", SIGNERS[1]])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([SIGN_HINTS[0], "", "", "", SIGN_HINTS[1]])


def _day(day) -> str:
    return day.strftime("%d/%m/%Y")
