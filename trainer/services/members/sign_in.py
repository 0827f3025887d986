"""Signing in: the password is checked with nothing locked; wrong ones are counted (throttle)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import User
from trainer.services.common import throttle
from trainer.services.common.throttle import Limits
from trainer.services.members import passwords
from trainer.services.members.accounts import AccountError, find_by_login, parse_login_name

__all__ = ["Limits", "SignIn", "sign_in"]


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
    """Check login and password; count a wrong one, or forget earlier ones on success.

    The password is checked with no transaction open; the write lock is taken only to
    record a failure or to clear earlier ones, and once per member to store an old
    (scrypt) hash again as Argon2id.
    """
    key = _key(login)
    if wait := throttle.wait_for(session, key, address, now, limits):
        session.rollback()
        return SignIn(None, waiting_message(wait), locked=True)
    user = _find(session, login)
    user_id, password_hash = (user.id, user.password_hash) if user else (None, None)
    failed_before = throttle.has_failures(session, key, address)
    session.rollback()
    if not passwords.matches(password_hash, password):
        throttle.record_failure(session, key, address, now)
        return SignIn(None, WRONG)
    if failed_before:
        throttle.clear(session, key, address)
    if passwords.needs_rehash(password_hash):
        _rehash(session, user_id, password_hash, password)
    user = session.get(User, user_id)
    return SignIn(user) if user is not None and user.active else SignIn(None, SWITCHED_OFF)


def _rehash(session: Session, user_id: int, old_hash: str, password: str) -> None:
    """Store password hashed as configured now, unless the hash changed meanwhile."""
    new_hash = passwords.hash_password(password)  # before the lock, as every hash
    with write_lock(session):
        session.execute(
            sa.update(User)
            .where(User.id == user_id, User.password_hash == old_hash)
            .values(password_hash=new_hash)
        )


def waiting_message(wait: timedelta) -> str:
    return throttle.waiting_message(wait).replace("đã thử", "đã nhập sai")


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
