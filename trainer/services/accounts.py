"""Accounts: sign-in names, registration, people made by an admin, and roles."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from trainer.database import begin_write
from trainer.models import Role, Team, User

MIN_PASSWORD = 8
USERNAME = re.compile(r"[a-z][a-z0-9._-]{2,31}")
PHONE = re.compile(r"0\d{9}")
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


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


def hash_password(password: str) -> str:
    """A salted scrypt hash of password."""
    return generate_password_hash(password)


def password_matches(user: User | None, password: str) -> bool:
    """True when password is user's; takes as long when there is no such user."""
    if user is None:
        check_password_hash(_decoy_hash(), password)
        return False
    return check_password_hash(user.password_hash, password)


@cache
def _decoy_hash() -> str:
    return generate_password_hash("no account has this password")


def find_by_login(session: Session, name: LoginName) -> User | None:
    """The account signed in as name, if any."""
    if name.username:
        return session.scalar(sa.select(User).where(User.username == name.username))
    return session.scalar(sa.select(User).where(User.phone == name.phone))


def check_new_account(session: Session, full_name: str, name: LoginName, password: str) -> None:
    """Raise AccountError for the first thing wrong with a new account's details."""
    if len(full_name.strip()) < 2:
        raise AccountError("full_name", "Hãy ghi họ và tên.")
    if len(password) < MIN_PASSWORD:
        raise AccountError("password", f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
    if find_by_login(session, name) is not None:
        taken = "Số điện thoại" if name.phone else "Tên đăng nhập"
        raise AccountError("login", f"{taken} này đã có người dùng. Hãy chọn tên khác.")


def new_user(
    session: Session,
    full_name: str,
    name: LoginName,
    password: str,
    *,
    role: str = Role.MEMBER,
    team: Team | None = None,
) -> User:
    """Check and add (without committing) an account; the caller commits."""
    check_new_account(session, full_name, name, password)
    user = User(
        full_name=" ".join(full_name.split()),
        username=name.username,
        phone=name.phone,
        password_hash=hash_password(password),
        role=role,
        team=team,
    )
    session.add(user)
    return user


def register_member(
    session: Session, full_name: str, login: str, password: str, team_id: int | None
) -> User:
    """Register a member of an existing team and commit.

    :raises AccountError: naming the field that is wrong.
    """
    begin_write(session)  # two people taking one name at once: the second is told it is taken
    team = session.get(Team, team_id) if team_id else None
    if team is None:
        raise AccountError("team", "Hãy chọn tổ của bạn.")
    user = new_user(session, full_name, parse_login_name(login), password, team=team)
    session.commit()
    return user


def create_user(
    session: Session,
    full_name: str,
    login: str,
    password: str,
    role: str,
    team_names: Iterable[str] = (),
) -> User:
    """Create an instructor or admin (or member) and commit; instructors manage team_names."""
    begin_write(session)
    teams = [_team_named(session, name) for name in team_names]
    user = new_user(session, full_name, parse_login_name(login), password, role=Role(role))
    if user.role == Role.MEMBER:
        user.team = teams[0] if teams else None
    else:
        user.managed_teams = teams
    session.commit()
    return user


def _team_named(session: Session, name: str) -> Team:
    team = session.scalar(sa.select(Team).where(Team.name == name.strip()))
    if team is None:
        raise AccountError("team", f"Không có tổ tên “{name}”.")
    return team


def set_role(session: Session, user_id: int, role: str) -> User:
    """Change an account's role and commit (an admin promoting a member, say)."""
    user = session.get(User, user_id)
    if user is None:
        raise AccountError("user", "Không tìm thấy tài khoản này.")
    user.role = Role(role)
    session.commit()
    return user


def reset_password(session: Session, user_id: int) -> str:
    """Give the account a new temporary password, commit, and return it (shown once)."""
    user = session.get(User, user_id)
    if user is None:
        raise AccountError("user", "Không tìm thấy tài khoản này.")
    password = temporary_password()
    user.password_hash = hash_password(password)
    session.commit()
    return password


def temporary_password(length: int = 10) -> str:
    """Letters and digits that cannot be mistaken for each other when read aloud or copied."""
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))


def set_active(session: Session, user_id: int, active: bool) -> User:
    """Switch an account on or off (a member who left the team, say) and commit."""
    user = session.get(User, user_id)
    if user is None:
        raise AccountError("user", "Không tìm thấy tài khoản này.")
    user.active = active
    session.commit()
    return user


def change_password(session: Session, user_id: int, current: str, new: str) -> None:
    """Replace the account's password after checking the current one, and commit.

    :raises AccountError: on "current" when it is wrong, on "password" when too short.
    """
    user = session.get(User, user_id)
    if user is None or not password_matches(user, current):
        raise AccountError("current", "Mật khẩu đang dùng chưa đúng.")
    if len(new) < MIN_PASSWORD:
        raise AccountError("password", f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
    user.password_hash = hash_password(new)
    session.commit()
