from datetime import date

import pytest

from trainer.services.reports import period
from trainer.services.reports.period import Month
from trainer.services.reports.quarter import Quarter


def test_a_month_is_read_from_its_address_and_knows_its_neighbours():
    month = period.parse("2026-01")

    assert (month.title, month.previous.slug, month.next.slug) == (
        "Tháng 1/2026",
        "2025-12",
        "2026-02",
    )
    assert period.last_day(Month(2024, 2)) == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1x", "١٢٣٤-01", "2026", ""])
def test_an_address_that_is_no_period_gives_none(text):
    assert period.parse(text) is None


@pytest.mark.parametrize(
    ("when", "day", "month", "due"),
    [
        (Quarter(2026, 1), 10, "after", date(2026, 4, 10)),  # Điện Biên
        (Quarter(2026, 4), 10, "after", date(2027, 1, 10)),
        (Quarter(2026, 1), 5, "last", date(2026, 3, 5)),  # Đồng Nai
        (Month(2026, 1), 31, "after", date(2026, 2, 28)),
    ],
)
def test_the_deadline_falls_on_the_configured_day(when, day, month, due):
    assert period.deadline(when, day, month) == due


def test_a_period_still_to_come_has_not_started():
    assert not period.started(Quarter(2027, 1), date(2026, 12, 31))
    assert period.started(Month(2026, 12), date(2026, 12, 1))
