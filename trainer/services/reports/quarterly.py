"""The quarterly report a commune sends to the Department of Science and Technology.

For a quarter and some teams: per team and topic, how many members trained in the
quarter, how many certificates were issued, how many are valid at the quarter's end and
how many of those run out in the next three months.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import Certificate, LessonProgress, QuizAttempt, Team
from trainer.services.common.spreadsheet_cells import data_row
from trainer.services.field.targets import Indicator
from trainer.services.reports import field_report
from trainer.services.reports.quarter import Quarter

HEADINGS = (
    "Tổ",
    "Xã/Phường",
    "Chủ đề",
    "Số thành viên",
    "Đã học trong quý",
    "Cấp chứng nhận trong quý",
    "Còn hiệu lực cuối quý",
    "Hết hạn trong 3 tháng tới",
)


@dataclass(frozen=True)
class Row:
    team: str
    place: str
    topic: str
    members: int
    trained: int
    issued: int
    valid_at_end: int
    expiring_next: int

    def cells(self) -> tuple:
        return (
            self.team,
            self.place,
            self.topic,
            self.members,
            self.trained,
            self.issued,
            self.valid_at_end,
            self.expiring_next,
        )


@dataclass(frozen=True)
class Report:
    quarter: Quarter
    rows: tuple[Row, ...]
    villages: tuple[field_report.VillageRow, ...] = ()  # the visit log against targets

    def total(self, field: str) -> int:
        return sum(getattr(row, field) for row in self.rows)


def quarterly(
    session: Session,
    quarter: Quarter,
    team_ids: Iterable[int],
    topics: Mapping[str, str],
    lessons_by_topic: Mapping[str, Iterable[str]],
    indicators: Sequence[Indicator] = (),
) -> Report:
    """The report rows: one per team and topic (topics maps slug to title); with
    indicators, also each village's visit figures against its targets."""
    start, end = quarter.bounds()
    team_ids = list(team_ids)
    teams = session.scalars(
        sa.select(Team).where(Team.id.in_(list(team_ids))).order_by(Team.name)
    ).all()
    rows = []
    for team in teams:
        member_ids = [member.id for member in team.approved_members]
        trained = _trained(session, member_ids, lessons_by_topic, start, end)
        certificates = session.scalars(
            sa.select(Certificate).where(Certificate.user_id.in_(member_ids))
        ).all()
        for topic, title in topics.items():
            mine = [c for c in certificates if c.topic == topic]
            valid = {c.user_id for c in mine if _valid_at(c, end)}
            lasting = {c.user_id for c in mine if _valid_at(c, end + timedelta(days=91))}
            rows.append(
                Row(
                    team=team.name,
                    place=team.commune.place if team.commune else "",
                    topic=title,
                    members=len(member_ids),
                    trained=len(trained[topic]),
                    issued=sum(start <= c.issued_at < end for c in mine),
                    valid_at_end=len(valid),
                    expiring_next=len(valid - lasting),
                )
            )
    villages = field_report.village_rows(session, quarter, team_ids, indicators)
    return Report(quarter, tuple(rows), villages)


def _valid_at(certificate: Certificate, moment: datetime) -> bool:
    revoked = certificate.revoked_at is not None and certificate.revoked_at < moment
    return certificate.issued_at < moment < certificate.expires_at and not revoked


def _trained(
    session: Session,
    member_ids: list[int],
    lessons_by_topic: Mapping[str, Iterable[str]],
    start: datetime,
    end: datetime,
) -> dict[str, set[int]]:
    """Per topic, the members who finished a lesson or sat the quiz in the quarter."""
    topic_of = {slug: topic for topic, slugs in lessons_by_topic.items() for slug in slugs}
    trained: dict[str, set[int]] = {topic: set() for topic in lessons_by_topic}
    finished = session.execute(
        sa.select(LessonProgress.user_id, LessonProgress.lesson_slug).where(
            LessonProgress.user_id.in_(member_ids),
            LessonProgress.finished_at >= start,
            LessonProgress.finished_at < end,
        )
    )
    for user_id, slug in finished:
        if slug in topic_of:
            trained[topic_of[slug]].add(user_id)
    sat = session.execute(
        sa.select(QuizAttempt.user_id, QuizAttempt.topic).where(
            QuizAttempt.user_id.in_(member_ids),
            QuizAttempt.submitted_at >= start,
            QuizAttempt.submitted_at < end,
        )
    )
    for user_id, topic in sat:
        trained.setdefault(topic, set()).add(user_id)
    return trained


def to_csv(report: Report) -> str:
    """The report as CSV with a BOM, so Excel opens the Vietnamese letters correctly.

    Names that look like formulas are written as plain text (see spreadsheet_cells).
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    writer.writerows(data_row(row.cells()) for row in report.rows)
    field_report.write_csv(writer, report.villages)
    return "\ufeff" + out.getvalue()


def to_xlsx(report: Report) -> bytes:
    """The report as an Excel workbook: one sheet, bold headings, a totals row."""
    from openpyxl import Workbook  # a quarter of a second to import: only when asked for
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = report.quarter.slug
    sheet.append([f"Báo cáo kết quả đào tạo Tổ Công nghệ số cộng đồng — {report.quarter.title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(HEADINGS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in report.rows:
        sheet.append(data_row(row.cells()))
    fields = ("members", "trained", "issued", "valid_at_end", "expiring_next")
    sheet.append(["Tổng cộng", "", "", *(report.total(field) for field in fields)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGH", (30, 30, 28, 14, 16, 22, 20, 22), strict=True):
        sheet.column_dimensions[column].width = width
    field_report.add_sheet(book, report.villages, report.quarter)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
