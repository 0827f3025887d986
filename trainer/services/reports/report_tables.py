"""The tables a report is made of, the same for its page, its print-out and its workbook.

A table is a title, headings and rows whose first cell names the row; total rows come
last. Counts are members, each counted once on a total row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.services.reports.figures import Figures, IndicatorLine

COUNT_HEADINGS = (
    "Thành viên",
    "Đã học trong kỳ",
    "Được cấp chứng nhận trong kỳ",
    "Còn hiệu lực cuối kỳ",
    "Hết hạn trong 3 tháng tới",
)
INDICATOR_HEADINGS = ("Chỉ tiêu", "Trong kỳ", "Từ đầu năm", "Chỉ tiêu năm", "Đạt (%)")


@dataclass(frozen=True)
class Table:
    key: str  # names the table on the page and in tests
    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple, ...]
    totals: tuple[tuple, ...] = ()
    note: str = ""


def by_team(figures: Figures) -> Table:
    """One row per team; each commune's total; the whole report's when it spans several."""
    rows, totals = [], []
    for commune in figures.communes:
        rows += [(team.name, *team.total.cells()) for team in commune.teams]
        totals.append((f"Cộng {commune.name}".strip(), *commune.total.cells()))
    if len(figures.communes) != 1:
        totals.append(("Tổng cộng", *figures.total.cells()))
    return Table(
        "theo-to",
        "I. Thành viên được đào tạo, cấp chứng nhận, theo tổ",
        ("Tổ", *COUNT_HEADINGS),
        tuple(rows),
        tuple(totals),
        "Mỗi thành viên chỉ tính một lần, dù học hay có chứng nhận nhiều chủ đề.",
    )


def by_topic(figures: Figures) -> Table:
    """One row per topic over every team; the total counts each member once."""
    rows = tuple(
        (title, *figures.by_topic[topic].cells()[1:]) for topic, title in figures.topics.items()
    )
    total = ("Cộng (mỗi người một lần)", *figures.total.cells()[1:])
    return Table("theo-chu-de", "II. Theo chủ đề", ("Chủ đề", *COUNT_HEADINGS[1:]), rows, (total,))


def indicators(lines: Sequence[IndicatorLine], year: int, title: str = "III.") -> Table:
    """The plans' indicators: in the period, this year so far, the year's target, reached."""
    rows = tuple(
        (
            line.title,
            line.in_period,
            line.year_to_date,
            "—" if line.target is None else line.target,
            "—" if line.percent is None else line.percent,
        )
        for line in lines
    )
    return Table(
        "chi-tieu",
        f"{title} Kết quả hướng dẫn người dân so với chỉ tiêu năm {year}",
        INDICATOR_HEADINGS,
        rows,
        note="" if rows else "Chưa có thôn, bản nào có số liệu hay chỉ tiêu.",
    )


def detail(figures: Figures) -> Table:
    """One row per team and topic: what the report's first table adds up."""
    rows = tuple(
        (team.name, title, *team.by_topic[topic].cells())
        for commune in figures.communes
        for team in commune.teams
        for topic, title in figures.topics.items()
    )
    return Table(
        "chi-tiet",
        "Chi tiết theo tổ và chủ đề",
        ("Tổ", "Chủ đề", *COUNT_HEADINGS),
        rows,
        (("Tổng cộng", "", *figures.total.cells()),),
    )


def commune_tables(figures: Figures) -> list[Table]:
    return [
        by_team(figures),
        by_topic(figures),
        indicators(figures.indicators, figures.period.year),
    ]
