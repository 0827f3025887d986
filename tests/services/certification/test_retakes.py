from datetime import timedelta

import pytest

from trainer.services.certification.retakes import attempts_within, wait_after


@pytest.mark.parametrize(
    ("fails", "hours"), [(1, 12), (2, 24), (3, 48), (4, 96), (5, 168), (9, 168)]
)
def test_the_wait_doubles_after_each_fail_in_a_row_up_to_a_week(fails, hours):
    assert wait_after(fails, 12) == timedelta(hours=hours)


def test_a_bank_without_a_wait_never_makes_anyone_wait():
    assert wait_after(3, 0) == timedelta(0)
    assert attempts_within(timedelta(days=30), 0) is None


@pytest.mark.parametrize(("first_hours", "attempts"), [(12, 8), (24, 7)])
def test_a_member_who_fails_every_attempt_gets_a_handful_in_thirty_days(first_hours, attempts):
    assert attempts_within(timedelta(days=30), first_hours) == attempts
