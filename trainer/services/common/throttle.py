"""Slowing down password guessing without letting anyone lock a member out.

Wrong passwords are counted per (name, address): after a few, each further try from that
address for that name waits longer (30 s, 1 min, 2 min … up to the window). The name stays
open from every other address, so its owner signs in from their own phone. One address
also has a ceiling on wrong passwords for all names together, high enough for a whole
hall behind one Wi-Fi. Failures are kept in the database, so this holds across processes.

The same rows slow down guessing the 6-digit codes a hall types (a projector's, a class
quiz's): wrong codes are counted under the name CODES, which no login name can be.
For what is counted, not refused (a play of a step), `Budget` keeps a few per address and
minute in memory.

The same rows also count actions that are costly to repeat from one address (registering
an account): `Rate` allows so many per window, keyed "@action" so they are never taken
for wrong passwords. A wrong *current* password (changing one's password) counts like a
wrong sign-in under the key "#mat-khau:<account>".
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import LoginFailure

FIRST_DELAY = timedelta(seconds=30)
CODES = "#ma"  # the name wrong hall codes are counted under; login names never hold a "#"
RATE_PREFIX = "@"  # a counted action, not a wrong password


@dataclass(frozen=True)
class Limits:
    max_failures: int = 5  # wrong passwords for one name from one address before delays
    window: timedelta = timedelta(minutes=15)  # how long a failure counts; the longest delay
    address_max: int = 100  # wrong passwords from one address, any names, within the window

    @classmethod
    def of(cls, config: Mapping) -> Limits:
        """The limits the app's LOGIN_* settings give."""
        return cls(
            max_failures=config["LOGIN_MAX_FAILURES"],
            window=timedelta(minutes=config["LOGIN_LOCK_MINUTES"]),
            address_max=config["LOGIN_ADDRESS_MAX_FAILURES"],
        )


@dataclass(frozen=True)
class Lock:
    """Sign-in waiting until `until`: for one name from one address, or ("") for all names."""

    login_name: str
    address: str
    failures: int
    until: datetime


@dataclass(frozen=True)
class Rate:
    """At most `most` of one action from one address within `window`."""

    action: str
    most: int
    window: timedelta


def rate_wait(session: Session, rate: Rate, address: str, now: datetime) -> timedelta | None:
    """How long until address may do the action again; None when it may now."""
    times = session.scalars(
        sa.select(LoginFailure.at)
        .where(
            LoginFailure.login_name == RATE_PREFIX + rate.action,
            LoginFailure.address == address,
            LoginFailure.at >= now - rate.window,
        )
        .order_by(LoginFailure.at.desc())
        .limit(rate.most)
    ).all()
    if len(times) < rate.most:
        return None
    until = times[-1] + rate.window
    return until - now if until > now else None


def record_action(session: Session, rate: Rate, address: str, now: datetime) -> None:
    """Count one of the action from address; commits."""
    record_failure(session, RATE_PREFIX + rate.action, address, now)


def waiting_message(wait: timedelta) -> str:
    """What to tell someone who must wait, in seconds or minutes."""
    seconds = round(wait.total_seconds())
    told = f"{seconds} giây" if seconds < 90 else f"{round(seconds / 60)} phút"
    return f"Bạn đã thử nhiều lần. Hãy đợi {told} rồi thử lại."


def delay(failures: int, limits: Limits) -> timedelta:
    """How long to wait after the last of this many wrong passwords for one name."""
    if failures < limits.max_failures:
        return timedelta(0)
    return min(limits.window, FIRST_DELAY * 2 ** min(failures - limits.max_failures, 20))


def wait_for(
    session: Session, key: str, address: str, now: datetime, limits: Limits
) -> timedelta | None:
    """How long until name `key` may be tried again from address; None when it may now."""
    since = now - limits.window
    pair = session.scalars(
        sa.select(LoginFailure.at)
        .where(
            LoginFailure.login_name == key,
            LoginFailure.address == address,
            LoginFailure.at >= since,
        )
        .order_by(LoginFailure.at.desc())
    ).all()
    until = [pair[0] + delay(len(pair), limits)] if pair else []
    if ceiling := _address_until(session, address, since, limits):
        until.append(ceiling)
    latest = max(until, default=now)
    return latest - now if latest > now else None


def _address_until(
    session: Session, address: str, since: datetime, limits: Limits
) -> datetime | None:
    times = session.scalars(
        sa.select(LoginFailure.at)
        .where(LoginFailure.address == address, LoginFailure.at >= since, _is_failure())
        .order_by(LoginFailure.at.desc())
        .limit(limits.address_max)
    ).all()
    return times[-1] + limits.window if len(times) >= limits.address_max else None


def current_locks(session: Session, now: datetime, limits: Limits) -> list[Lock]:
    """Every name-and-address and every address that must wait now, longest wait first."""
    since = now - limits.window
    locks = []
    pairs = session.execute(
        sa.select(
            LoginFailure.login_name,
            LoginFailure.address,
            sa.func.count(),
            sa.func.max(LoginFailure.at),
        )
        .where(LoginFailure.at >= since, _is_failure())
        .group_by(LoginFailure.login_name, LoginFailure.address)
        .having(sa.func.count() >= limits.max_failures)
    )
    for name, address, failures, last in pairs:
        until = last + delay(failures, limits)
        if until > now:
            locks.append(Lock(name, address, failures, until))
    addresses = session.execute(
        sa.select(LoginFailure.address, sa.func.count())
        .where(LoginFailure.at >= since, _is_failure())
        .group_by(LoginFailure.address)
        .having(sa.func.count() >= limits.address_max)
    )
    for address, failures in addresses:
        until = _address_until(session, address, since, limits)
        if until is not None and until > now:
            locks.append(Lock("", address, failures, until))
    return sorted(locks, key=lambda lock: (-lock.until.timestamp(), lock.login_name))


def _is_failure():
    return ~LoginFailure.login_name.startswith(RATE_PREFIX, autoescape=True)


def record_failure(session: Session, key: str, address: str, now: datetime) -> None:
    """Count one wrong password (and forget those over a day old); commits."""
    with write_lock(session):
        session.add(LoginFailure(login_name=key, address=address, at=now))
        session.execute(sa.delete(LoginFailure).where(LoginFailure.at < now - timedelta(days=1)))


def clear(session: Session, login_name: str, address: str) -> int:
    """Forget the wrong passwords for a name from an address (all names for ""); commits.

    Returns how many were forgotten.
    """
    with write_lock(session):
        statement = sa.delete(LoginFailure).where(LoginFailure.address == address)
        if login_name:
            statement = statement.where(LoginFailure.login_name == login_name)
        return session.execute(statement).rowcount


def has_failures(session: Session, key: str, address: str) -> bool:
    """True when wrong passwords for name `key` from address are still counted."""
    found = session.scalar(
        sa.select(LoginFailure.id).where(
            LoginFailure.login_name == key, LoginFailure.address == address
        )
    )
    return found is not None


CODE_LIMITS = Limits(max_failures=10, window=timedelta(minutes=15), address_max=10**6)


def code_wait(session: Session, address: str, now: datetime) -> timedelta | None:
    """How long address must wait before typing another hall code; None when it may now."""
    return wait_for(session, CODES, address, now, CODE_LIMITS)


def record_wrong_code(session: Session, address: str, now: datetime) -> None:
    """Count one hall code that matched nothing; commits."""
    record_failure(session, CODES, address, now)


class Budget:
    """At most `burst` at once per address, earned back at `per_minute`: in this process's
    memory, for many small anonymous requests; the least recently seen address goes first
    once `addresses` are kept."""

    def __init__(self, per_minute: float, burst: int, addresses: int = 10_000):
        self.rate, self.burst, self.most = per_minute / 60, burst, addresses
        self.kept: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self.lock = threading.Lock()

    def spend(self, address: str, now: float | None = None) -> bool:
        """True, and one less left, when address has one left; False otherwise."""
        now = time.monotonic() if now is None else now
        with self.lock:
            left, then = self.kept.pop(address, (self.burst, now))
            left = min(self.burst, left + (now - then) * self.rate)
            self.kept[address] = (left - 1 if left >= 1 else left, now)
            if len(self.kept) > self.most:
                self.kept.popitem(last=False)
            return left >= 1
