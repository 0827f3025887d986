"""The period a report covers, a month or a quarter, and the day its report is due.

Quarters are addressed "2026-Q1", months "2026-03". The deadline rule comes from
configuration: a day of the month after the period (Điện Biên: the 10th) or of the
period's own last month (Đồng Nai: the 5th of the quarter's last month).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trainer.services.common import clock
from trainer.services.reports.quarter import FIRST_YEAR, LAST_YEAR, Quarter

AFTER, LAST_MONTH = "after", "last"  # where the deadline day falls


@dataclass(frozen=True)
class Month:
    year: int
    number: int  # 1-12

    @classmethod
    def of(cls, moment: datetime) -> Month:
        day = clock.local_day(moment)
        return cls(day.year, day.month)

    @property
    def slug(self) -> str:
        return f"{self.year}-{self.number:02d}"

    @property
    def title(self) -> str:
        return f"Tháng {self.number}/{self.year}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.number, 1)

    @property
    def next(self) -> Month:
        return Month(self.year + self.number // 12, self.number % 12 + 1)

    @property
    def previous(self) -> Month:
        return Month(self.year - (self.number == 1), (self.number - 2) % 12 + 1)

    def bounds(self) -> tuple[datetime, datetime]:
        """The month's first and one-past-last moments, Vietnam time."""
        return _moment(self.first_day), _moment(self.next.first_day)


Period = Month | Quarter


def parse(text: str) -> Period | None:
    """A period from its address ("2026-Q1" or "2026-03"), or None."""
    if "Q" in text.upper():
        return Quarter.parse(text)
    year, _, number = text.partition("-")
    if not (year.isascii() and year.isdecimal() and number.isascii() and number.isdecimal()):
        return None
    if not (FIRST_YEAR <= int(year[:5]) <= LAST_YEAR and 1 <= int(number[:3]) <= 12):
        return None
    return Month(int(year), int(number))


def current(kind: str, moment: datetime) -> Period:
    """The month or quarter moment falls in."""
    return Month.of(moment) if kind == "month" else Quarter.of(moment)


def kind_of(period: Period) -> str:
    return "month" if isinstance(period, Month) else "quarter"


def last_day(period: Period) -> date:
    return period.next.first_day - timedelta(days=1)


def started(period: Period, today: date) -> bool:
    """False for a period that has not begun: no link ever leads there."""
    return period.first_day <= today


def ended(period: Period, today: date) -> bool:
    return last_day(period) < today


def recent(period: Period, count: int) -> list[Period]:
    """This period and the ones before it, newest first."""
    found = [period]
    while len(found) < count:
        found.append(found[-1].previous)
    return found


def deadline(period: Period, day: int, month: str = AFTER) -> date:
    """When the period's report is due: the day-th of the month after it (AFTER) or of its
    own last month (LAST_MONTH); a day past the month's end means its last day."""
    end = last_day(period)
    year, number = (end.year, end.month) if month == LAST_MONTH else _next_month(end)
    return date(year, number, min(max(day, 1), calendar.monthrange(year, number)[1]))


def _next_month(day: date) -> tuple[int, int]:
    return (day.year + day.month // 12, day.month % 12 + 1)


def _moment(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), clock.VIETNAM)
