"""Each village's progress to its year's targets, as bars the page draws in SVG itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.services.reports.field_report import VillageRow

WIDTH = 600  # the drawing's own units; it scales to the page
ROW = 52


@dataclass(frozen=True)
class Bar:
    title: str
    done: int
    target: int
    percent: int
    top: int  # where the row starts, in drawing units

    @property
    def length(self) -> int:
        """The filled part: the share of the target reached, a full bar at 100 % or more."""
        return round(WIDTH * min(self.percent, 100) / 100)


@dataclass(frozen=True)
class Chart:
    number: int  # 1, 2, ... on the page, to name the drawing
    team: str
    village: str
    bars: tuple[Bar, ...]

    @property
    def height(self) -> int:
        return ROW * len(self.bars)

    @property
    def summary(self) -> str:
        """What the drawing shows, in words, for screen readers."""
        return "; ".join(f"{b.title}: {b.done} trên {b.target} ({b.percent}%)" for b in self.bars)


def village_charts(rows: Sequence[VillageRow]) -> list[Chart]:
    """A chart per village that has targets: one bar per indicator with a target."""
    charts: dict[tuple[str, str], list[VillageRow]] = {}
    for row in rows:
        if row.target:
            charts.setdefault((row.team, row.village), []).append(row)
    return [
        Chart(
            number,
            team,
            village,
            tuple(
                Bar(row.indicator, row.year_to_date, row.target, row.percent or 0, index * ROW)
                for index, row in enumerate(found)
            ),
        )
        for number, ((team, village), found) in enumerate(charts.items(), 1)
    ]
