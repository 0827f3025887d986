"""A quarter of the year, as the plans report by: its bounds in Vietnam time and its address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from trainer.services.common import clock

FIRST_YEAR, LAST_YEAR = 2000, 2999  # a quarter's year as an address may give it


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1-4

    @classmethod
    def of(cls, moment: datetime) -> Quarter:
        day = clock.local_day(moment)
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter | None:
        """ "2026-Q1" (as in the page's address), or None."""
        year, _, number = text.upper().partition("-Q")
        known = year.isascii() and year.isdecimal() and FIRST_YEAR <= int(year[:5]) <= LAST_YEAR
        return cls(int(year), int(number)) if known and number in ("1", "2", "3", "4") else None

    @property
    def slug(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def title(self) -> str:
        return f"Quý {self.number}/{self.year}"

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    @property
    def previous(self) -> Quarter:
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def bounds(self) -> tuple[datetime, datetime]:
        """The quarter's first and one-past-last moments, Vietnam time."""
        start = datetime.combine(self.first_day, datetime.min.time(), clock.VIETNAM)
        end = datetime.combine(self.next.first_day, datetime.min.time(), clock.VIETNAM)
        return start, end
