"""The report a commune sends to the Department of Science and Technology, for a month or
a quarter: per team and topic, how many members trained in the period, were certified in
it, hold a valid certificate at its end and see it run out in the next three months; the
commune's total (each member once); the plans' indicators against the year's targets.

The figures come from the same records the province receives (services/records), read
from this server's database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from trainer.services.common.spreadsheet_cells import data_row
from trainer.services.field.targets import Indicator
from trainer.services.records import local_records
from trainer.services.records.ledger import Ledger
from trainer.services.reports import field_report
from trainer.services.reports.figures import Figures, compute
from trainer.services.reports.period import Period, last_day

TITLE = "Báo cáo kết quả hoạt động Tổ Công nghệ số cộng đồng"
HEADINGS = (
    "Tổ",
    "Xã/Phường",
    "Chủ đề",
    "Số thành viên",
    "Đã học trong kỳ",
    "Được cấp chứng nhận trong kỳ",
    "Còn hiệu lực cuối kỳ",
    "Hết hạn trong 3 tháng tới",
)
TOTAL = "Tổng cộng"


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
        counts = (self.members, self.trained, self.issued, self.valid_at_end, self.expiring_next)
        return (self.team, self.place, self.topic, *counts)


@dataclass(frozen=True)
class Report:
    figures: Figures
    made_on: date | None = None  # the day the report was made
    deadline: date | None = None  # the day it is due at the Department

    @property
    def period(self) -> Period:
        return self.figures.period

    @property
    def first_day(self) -> date:
        return self.period.first_day

    @property
    def last_day(self) -> date:
        return last_day(self.period)

    @property
    def villages(self) -> tuple[field_report.VillageRow, ...]:
        return self.figures.villages

    @property
    def rows(self) -> tuple[Row, ...]:
        """One per team and topic, by commune then team."""
        return tuple(
            Row(team.name, commune.place, title, *team.by_topic[topic].cells())
            for commune in self.figures.communes
            for team in commune.teams
            for topic, title in self.figures.topics.items()
        )

    @property
    def places(self) -> str:
        """The communes the report covers, as its heading names them."""
        return "; ".join(commune.place for commune in self.figures.communes)

    def total(self, field: str) -> int:
        """The whole report's figure, each member counted once."""
        return getattr(self.figures.total, field)


def quarterly(
    session: Session,
    period: Period,
    team_ids: Iterable[int],
    topics: Mapping[str, str],
    lessons_by_topic: Mapping[str, Iterable[str]],
    indicators: Sequence[Indicator] = (),
    made_on: date | None = None,
    deadline: date | None = None,
) -> Report:
    """The report on these teams of this server (topics maps slug to title)."""
    ledger = Ledger.read(local_records.records(session, list(team_ids)))
    figures = compute(ledger, period, topics, lessons_by_topic, indicators)
    return Report(figures, made_on, deadline)


def to_csv(report: Report) -> str:
    """The rows as CSV with a BOM, so Excel opens the Vietnamese letters correctly; then
    the total (each member once) and the villages.

    Names that look like formulas are written as plain text (see spreadsheet_cells).
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    writer.writerows(data_row(row.cells()) for row in report.rows)
    writer.writerow((TOTAL, "", "", *report.figures.total.cells()))
    field_report.write_csv(writer, report.villages)
    return "\ufeff" + out.getvalue()


def to_xlsx(report: Report) -> bytes:
    """The report as an Excel workbook (see report_workbook)."""
    from trainer.services.reports import report_workbook

    return report_workbook.commune_workbook(report)
