"""The retake policy: how long a member waits after failing, and so how often one can try.

The first wait is the bank's `retake_after_hours`. Each further fail in a row doubles it,
up to a week; a pass starts the count again. A guesser who fails every time gets only a
handful of attempts a month, and each retake draws items the last attempts did not show.
"""

from __future__ import annotations

from datetime import timedelta

LONGEST_WAIT_HOURS = 7 * 24
SEEN_ATTEMPTS = 2  # a retake avoids the items of this many previous attempts


def wait_after(fails: int, first_hours: int) -> timedelta:
    """The wait after the `fails`-th failed attempt in a row (1 for the first fail)."""
    if fails < 1 or first_hours <= 0:
        return timedelta(0)
    hours = first_hours * 2 ** min(fails - 1, 16)
    return timedelta(hours=min(hours, max(first_hours, LONGEST_WAIT_HOURS)))


def attempts_within(period: timedelta, first_hours: int) -> int | None:
    """How many attempts a member who fails every one can start within period; None: no limit.

    Attempts are counted as taking no time, so this is the most a member could make.
    """
    if first_hours <= 0:
        return None
    count, starts_at = 0, timedelta(0)
    while starts_at < period:
        count += 1
        starts_at += wait_after(count, first_hours)
    return count
