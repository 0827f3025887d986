"""The province's report: every commune's figures in one table, the province's total, and
which communes have not yet sent the period's figures.

It reads the records communes sent and, for a province that also serves communes itself,
this server's own; a record that came both ways is counted once (by its uid).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from trainer.services.field.targets import HOUSEHOLDS, RESIDENTS, Indicator
from trainer.services.records import local_records, received, servers
from trainer.services.records.ledger import Ledger
from trainer.services.reports import report_tables
from trainer.services.reports.figures import CommuneFigures, Figures, compute
from trainer.services.reports.period import Period, last_day
from trainer.services.reports.report_tables import COUNT_HEADINGS, Table

TITLE = "Báo cáo tổng hợp kết quả hoạt động Tổ Công nghệ số cộng đồng các xã, phường"
HERE = "Trên máy chủ này"


@dataclass(frozen=True)
class CommuneState:
    figures: CommuneFigures
    sender: str  # the registered server that sent it, or HERE
    sent_at: datetime | None  # when its newest pack was made (None: on this server)
    complete: bool  # its figures for the period have all arrived


@dataclass(frozen=True)
class ProvinceReport:
    figures: Figures
    communes: tuple[CommuneState, ...]
    silent: tuple[str, ...]  # registered servers that sent nothing yet
    made_on: date | None = None
    deadline: date | None = None

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
    def missing(self) -> tuple[str, ...]:
        """Communes (and silent servers) whose figures for the period have not all come."""
        late = tuple(state.figures.place for state in self.communes if not state.complete)
        return late + self.silent


def province_report(
    session: Session,
    period: Period,
    topics: Mapping[str, str],
    lessons_by_topic: Mapping[str, Iterable[str]],
    indicators: Sequence[Indicator] = (),
    made_on: date | None = None,
    deadline: date | None = None,
) -> ProvinceReport:
    """Every commune's figures for the period: received ones, then this server's own."""
    mine = list(local_records.records(session))
    ledger = Ledger.read([*received.records(session), *mine])
    figures = compute(ledger, period, topics, lessons_by_topic, indicators)
    local = {record.uid for record in mine if record.kind == "commune"}
    sender_of = received.senders_of_communes(session)
    registered = {server.id: server for server in servers.registered(session)}
    end = period.bounds()[1]
    states = []
    for commune in figures.communes:
        server = None if commune.uid in local else registered.get(sender_of.get(commune.uid))
        states.append(
            CommuneState(
                commune,
                server.name if server else HERE,
                server.last_made_at if server else None,
                server is None or servers.sent_since(server, end),
            )
        )
    heard = set(sender_of.values())
    silent = tuple(server.name for key, server in registered.items() if key not in heard)
    return ProvinceReport(figures, tuple(states), silent, made_on, deadline)


def by_commune(report: ProvinceReport) -> Table:
    """One row per commune: its teams, members and the two counts every visit records."""
    rows = []
    for state in report.communes:
        commune = state.figures
        rows.append(
            (
                commune.place,
                len(commune.teams),
                *commune.total.cells(),
                *_visits(commune.indicators),
                "Đủ" if state.complete else "Chưa gửi đủ",
            )
        )
    figures = report.figures
    total = (
        "Toàn tỉnh",
        sum(len(state.figures.teams) for state in report.communes),
        *figures.total.cells(),
        *_visits(figures.indicators),
        f"{sum(state.complete for state in report.communes)}/{len(report.communes)} xã",
    )
    return Table(
        "theo-xa",
        "I. Kết quả theo xã, phường",
        (
            "Xã, phường",
            "Số tổ",
            *COUNT_HEADINGS,
            "Người dân được hướng dẫn trong kỳ",
            "Hộ gia đình trong kỳ",
            "Số liệu kỳ này",
        ),
        tuple(rows),
        (total,),
        "Mỗi thành viên chỉ tính một lần. “Chưa gửi đủ”: gói số liệu mới nhất của xã được "
        "lập trước khi kỳ kết thúc.",
    )


def province_tables(report: ProvinceReport) -> list[Table]:
    figures = report.figures
    return [
        by_commune(report),
        report_tables.by_topic(figures),
        report_tables.indicators(figures.indicators, figures.period.year),
    ]


def _visits(lines) -> tuple[int, int]:
    found = {line.key: line.in_period for line in lines}
    return found.get(RESIDENTS, 0), found.get(HOUSEHOLDS, 0)
