"""Signing in, with a limit on wrong passwords that holds across every app process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import LoginFailure, User
from trainer.services import passwords
from trainer.services.accounts import AccountError, find_by_login, parse_login_name

# One address (a culture house's shared Wi-Fi, say) may hold many people: allow it more.
ADDRESS_FACTOR = 4


@dataclass(frozen=True)
class Limits:
    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class SignIn:
    """The outcome: the user when it worked, else a message to show."""

    user: User | None
    message: str = ""
    locked: bool = False


WRONG = "Tên đăng nhập hoặc mật khẩu chưa đúng. Hãy thử lại."
SWITCHED_OFF = "Tài khoản này đang bị khóa. Hãy hỏi giảng viên hoặc người quản trị."


def sign_in(
    session: Session, login: str, password: str, address: str, now: datetime, limits: Limits
) -> SignIn:
    """Check login and password; record a failure, or clear past failures on success.

    The password is checked with no transaction open; the write lock is taken only to
    record a failure or to clear earlier ones.
    """
    key = _key(login)
    if wait := _locked_for(session, key, address, now, limits):
        session.rollback()
        minutes = max(1, round(wait.total_seconds() / 60))
        message = f"Bạn đã nhập sai nhiều lần. Hãy đợi {minutes} phút rồi thử lại."
        return SignIn(None, message, locked=True)
    user = _find(session, login)
    user_id, password_hash = (user.id, user.password_hash) if user else (None, None)
    failed_before = _has_failures(session, key)
    session.rollback()
    if not passwords.matches(password_hash, password):
        with write_lock(session):
            session.add(LoginFailure(login_name=key, address=address, at=now))
            session.execute(
                sa.delete(LoginFailure).where(LoginFailure.at < now - timedelta(days=1))
            )
        return SignIn(None, WRONG)
    if failed_before:
        with write_lock(session):
            session.execute(sa.delete(LoginFailure).where(LoginFailure.login_name == key))
    user = session.get(User, user_id)
    return SignIn(user) if user is not None and user.active else SignIn(None, SWITCHED_OFF)


def _has_failures(session: Session, key: str) -> bool:
    found = session.scalar(sa.select(LoginFailure.id).where(LoginFailure.login_name == key))
    return found is not None


def _key(login: str) -> str:
    try:
        return parse_login_name(login).text
    except AccountError:
        return login.strip().lower()[:64]


def _find(session: Session, login: str) -> User | None:
    try:
        return find_by_login(session, parse_login_name(login))
    except AccountError:
        return None


def _locked_for(
    session: Session, key: str, address: str, now: datetime, limits: Limits
) -> timedelta | None:
    """How long until another try is allowed; None when one is allowed now."""
    since = now - limits.window
    for column, value, most in (
        (LoginFailure.login_name, key, limits.max_failures),
        (LoginFailure.address, address, limits.max_failures * ADDRESS_FACTOR),
    ):
        times = session.scalars(
            sa.select(LoginFailure.at)
            .where(column == value, LoginFailure.at >= since)
            .order_by(LoginFailure.at.desc())
            .limit(most)
        ).all()
        if len(times) >= most:
            return times[-1] + limits.window - now
    return None
