"""The period a report page shows, from its address, and the periods it offers: only those
that have started, so no link leads to a month or quarter still to come."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app, request

from trainer.services.common import clock
from trainer.services.reports import period as periods
from trainer.services.reports.period import Period


@dataclass(frozen=True)
class Choice:
    period: Period
    today: date
    deadline: date

    @property
    def started(self) -> bool:
        return periods.started(self.period, self.today)

    @property
    def ended(self) -> bool:
        return periods.ended(self.period, self.today)

    @property
    def previous(self) -> Period:
        return self.period.previous

    @property
    def next(self) -> Period | None:
        """The next period, only if it has started."""
        following = self.period.next
        return following if periods.started(following, self.today) else None

    @property
    def quarters(self) -> list[Period]:
        return periods.recent(periods.current("quarter", clock.now()), 8)

    @property
    def months(self) -> list[Period]:
        return periods.recent(periods.current("month", clock.now()), 12)


def chosen_period() -> Choice:
    """?ky=2026-Q1 or ?ky=2026-03 (?quy= as before); the current quarter by default."""
    now = clock.now()
    text = request.args.get("ky") or request.args.get("quy", "")
    period = periods.parse(text) or periods.current("quarter", now)
    config = current_app.config
    due = periods.deadline(
        period, int(config["REPORT_DEADLINE_DAY"]), str(config["REPORT_DEADLINE_MONTH"])
    )
    return Choice(period, clock.local_day(now), due)
