"""Accounts: sign-in names, registration, people made by an admin, and roles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import Role, Team, User
from trainer.services.common import clock, throttle
from trainer.services.members import passwords

USERNAME = re.compile(r"[a-z][a-z0-9._-]{2,31}")
PHONE = re.compile(r"0\d{9}")


class AccountError(ValueError):
    """A request that cannot be carried out; `field` names the form field to blame."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class LoginName:
    """What someone signs in with: a username or a mobile number (never both)."""

    username: str | None = None
    phone: str | None = None

    @property
    def text(self) -> str:
        return self.username or self.phone or ""


def parse_login_name(text: str) -> LoginName:
    """A username (lower-cased) or a Vietnamese mobile number (+84 becomes 0).

    :raises AccountError: on "login" when it is neither.
    """
    cleaned = text.strip().lower()
    digits = re.sub(r"[\s.\-()]", "", cleaned)
    if re.fullmatch(r"\+?\d+", digits):
        phone = "0" + digits[3:] if digits.startswith("+84") else digits
        if PHONE.fullmatch(phone):
            return LoginName(phone=phone)
        raise AccountError("login", "Số điện thoại cần đủ 10 chữ số, bắt đầu bằng số 0.")
    if USERNAME.fullmatch(cleaned):
        return LoginName(username=cleaned)
    raise AccountError(
        "login",
        "Tên đăng nhập dài 3 đến 32 ký tự, bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, "
        "số, dấu chấm, gạch dưới hoặc gạch ngang.",
    )


def find_by_login(session: Session, name: LoginName) -> User | None:
    """The account signed in as name, if any."""
    if name.username:
        return session.scalar(sa.select(User).where(User.username == name.username))
    return session.scalar(sa.select(User).where(User.phone == name.phone))


def check_details(full_name: str, name: LoginName, password: str) -> None:
    """Raise AccountError for the first thing wrong with a new account's name or password."""
    if len(full_name.strip()) < 2:
        raise AccountError("full_name", "Hãy ghi họ và tên.")
    if message := passwords.problem(password, name.text):
        raise AccountError("password", message)


def check_free(session: Session, name: LoginName) -> None:
    """Raise AccountError on "login" when someone already signs in as name."""
    if find_by_login(session, name) is not None:
        taken = "Số điện thoại" if name.phone else "Tên đăng nhập"
        raise AccountError("login", f"{taken} này đã có người dùng. Hãy chọn tên khác.")


def new_user(
    session: Session,
    full_name: str,
    name: LoginName,
    password_hash: str,
    *,
    role: str = Role.MEMBER,
    team: Team | None = None,
) -> User:
    """Add (without committing) an account whose name is still free; the caller commits."""
    check_free(session, name)
    user = User(
        full_name=" ".join(full_name.split()),
        username=name.username,
        phone=name.phone,
        password_hash=password_hash,
        role=role,
        team=team,
    )
    session.add(user)
    return user


def checked_hash(full_name: str, login: str, password: str) -> tuple[LoginName, str]:
    """The parsed login name and the password's hash, after checking both (slow: no lock)."""
    name = parse_login_name(login)
    check_details(full_name, name, password)
    return name, passwords.hash_password(password)


def create_user(
    session: Session,
    full_name: str,
    login: str,
    password: str,
    role: str,
    team_names: Iterable[str] = (),
) -> User:
    """Create an instructor or admin (or member) and commit; instructors manage team_names."""
    name, password_hash = checked_hash(full_name, login, password)
    with write_lock(session):
        teams = [_team_named(session, team) for team in team_names]
        user = new_user(session, full_name, name, password_hash, role=Role(role))
        if user.role == Role.MEMBER:
            user.team = teams[0] if teams else None
        else:
            user.managed_teams = teams
    return user


def _team_named(session: Session, name: str) -> Team:
    team = session.scalar(sa.select(Team).where(Team.name == name.strip()))
    if team is None:
        raise AccountError("team", f"Không có tổ tên “{name}”.")
    return team


def _account(session: Session, user_id: int) -> User:
    user = session.get(User, user_id, populate_existing=True)
    if user is None:
        raise AccountError("user", "Không tìm thấy tài khoản này.")
    return user


def set_role(session: Session, user_id: int, role: str) -> User:
    """Change an account's role and commit (an admin promoting a member, say)."""
    with write_lock(session):
        user = _account(session, user_id)
        user.role = Role(role)
    return user


def set_active(session: Session, user_id: int, active: bool) -> User:
    """Switch an account on or off (a member who left the team, say) and commit."""
    with write_lock(session):
        user = _account(session, user_id)
        user.active = active
    return user


def reset_password(session: Session, user_id: int) -> str:
    """Give the account a new temporary password, commit, and return it (shown once)."""
    password = passwords.temporary_password()
    password_hash = passwords.hash_password(password)
    with write_lock(session):
        user = _account(session, user_id)
        user.password_hash = password_hash
        user.session_version += 1  # whoever was signed in as them is signed out
    return password


class TooManyTries(AccountError):
    """Too many wrong current passwords from this address for this account: wait."""


def change_password(
    session: Session,
    user_id: int,
    current: str,
    new: str,
    *,
    address: str = "",
    now: datetime | None = None,
    limits: throttle.Limits | None = None,
) -> None:
    """Replace the account's password after checking the current one, end every session
    signed in with the old one, and commit. With limits, wrong current passwords from
    address are counted as wrong sign-ins are (a stolen session cannot guess it freely).

    :raises TooManyTries: on "current" while this address must wait.
    :raises AccountError: on "current" when it is wrong, on "password" when not acceptable.
    """
    key, now = f"#mat-khau:{user_id}", now or clock.now()
    if limits and (wait := throttle.wait_for(session, key, address, now, limits)):
        session.rollback()
        raise TooManyTries("current", throttle.waiting_message(wait))
    user = session.get(User, user_id)
    checked = user.password_hash if user is not None else None
    login = user.login_name if user is not None else ""
    session.rollback()  # no transaction is held while passwords are hashed
    if user is None or not passwords.matches(checked, current):
        if limits:
            throttle.record_failure(session, key, address, now)
        raise AccountError("current", "Mật khẩu đang dùng chưa đúng.")
    if message := passwords.problem(new, login):
        raise AccountError("password", message)
    new_hash = passwords.hash_password(new)
    with write_lock(session):
        user = _account(session, user_id)
        if user.password_hash != checked:  # changed elsewhere while this one was checked
            raise AccountError("current", "Mật khẩu vừa được đổi ở nơi khác. Hãy thử lại.")
        user.password_hash = new_hash
        user.session_version += 1  # every other session ends; the caller signs this one in again
