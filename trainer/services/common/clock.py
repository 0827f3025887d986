"""The time services go by, and dates as people in Vietnam read them.

Services ask `clock.now()` rather than the system clock directly, so a test can move
time forward (a retake waiting time, a certificate's twelve months) by replacing it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from trainer.models.base import utcnow

VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving time


def now() -> datetime:
    """The current moment, timezone-aware (UTC)."""
    return utcnow()


def local_day(moment: datetime) -> date:
    """The calendar day in Vietnam at moment."""
    return moment.astimezone(VIETNAM).date()


def shown_day(moment: datetime | None) -> str:
    """dd/mm/yyyy in Vietnam, as on paper forms; empty for no moment."""
    return local_day(moment).strftime("%d/%m/%Y") if moment else ""


def shown_time(moment: datetime | None) -> str:
    """HH:MM dd/mm/yyyy in Vietnam."""
    return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y") if moment else ""
