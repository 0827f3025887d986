"""Joining a team: with the code its instructors hold, or pending until one of them approves.

A pending member may read and listen like anyone, but sits no quiz and counts in no report.
Registering never says whether a phone number or username is someone's: a name in use is
refused with the same words as any name not available, and only the person who types
that account's own password learns it is theirs (and is signed in). Each address may try
so many registrations an hour (a `Rate`), every one a slow password hash.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import Role, Team, User
from trainer.models.team import new_join_code
from trainer.services.common import clock, throttle
from trainer.services.members import accounts, passwords
from trainer.services.members.accounts import AccountError, TooManyTries

NOT_AVAILABLE = (
    "Không đăng ký được với tên đăng nhập này. Nếu bạn đã có tài khoản, hãy đăng nhập "
    "(quên mật khẩu thì hỏi giảng viên); nếu chưa, hãy chọn tên khác."
)


class AlreadyYours(Exception):
    """The name is the registering person's own account: they typed its password."""

    def __init__(self, user: User):
        super().__init__(user.login_name)
        self.user = user


def normal_code(text: str) -> str:
    """A code as stored, whatever case, spaces or dashes it was typed with."""
    raw = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def team_by_code(session: Session, code: str) -> Team | None:
    """The team whose join code this is, however it was typed."""
    if not code.strip():
        return None
    return session.scalar(sa.select(Team).where(Team.join_code == normal_code(code)))


WRONG_CODE = "Mã vào tổ chưa đúng. Hãy hỏi giảng viên của tổ, hoặc để trống và chọn tổ."


def register(
    session: Session,
    full_name: str,
    login: str,
    password: str,
    *,
    join_code: str = "",
    team_id: int | None = None,
    address: str = "",
    rate: throttle.Rate | None = None,
) -> User:
    """Register a member and commit: straight into the team whose join code they typed, or
    pending in the team they chose until its instructor approves. With rate, each try from
    address is counted, and refused past the rate.

    :raises TooManyTries: this address registered too often lately.
    :raises AlreadyYours: the name is an account whose password was typed.
    :raises AccountError: naming the field that is wrong (never saying a name is in use).
    """
    if rate:
        if wait := throttle.rate_wait(session, rate, address, clock.now()):
            session.rollback()
            raise TooManyTries("login", throttle.waiting_message(wait))
        throttle.record_action(session, rate, address, clock.now())
    name = accounts.parse_login_name(login)
    accounts.check_details(full_name, name, password)
    if join_code.strip() and team_by_code(session, join_code) is None:
        raise AccountError("join_code", WRONG_CODE)  # told before any slow hashing
    existing = accounts.find_by_login(session, name)
    existing_id, existing_hash = (existing.id, existing.password_hash) if existing else (0, None)
    session.rollback()
    if existing_id:  # as slow as hashing a new password, so the time tells nothing either
        if passwords.matches(existing_hash, password):
            user = session.get(User, existing_id)
            if user is not None and user.active:
                raise AlreadyYours(user)
        raise AccountError("login", NOT_AVAILABLE)
    password_hash = passwords.hash_password(password)
    try:
        return _add_member(session, full_name, name, password_hash, join_code, team_id)
    except AccountError as error:
        if error.field == "login":  # taken a moment ago
            raise AccountError("login", NOT_AVAILABLE) from None
        raise


def _add_member(
    session: Session,
    full_name: str,
    name: accounts.LoginName,
    password_hash: str,
    join_code: str,
    team_id: int | None,
) -> User:
    """Add the member to their team under the write lock, and commit."""
    with write_lock(session):
        if join_code.strip():
            team = team_by_code(session, join_code)
            if team is None:  # renewed a moment ago
                raise AccountError("join_code", WRONG_CODE)
        else:
            team = session.get(Team, team_id) if team_id else None
            if team is None:
                raise AccountError("team", "Hãy chọn tổ của bạn, hoặc ghi mã vào tổ.")
        user = accounts.new_user(session, full_name, name, password_hash, team=team)
        user.pending = not join_code.strip()
    return user


def renew_code(session: Session, team_id: int) -> str:
    """Give the team a new join code (the old one stops working) and commit; the new code."""
    code = new_join_code()
    with write_lock(session):
        team = session.get(Team, team_id)
        if team is None:
            raise AccountError("team", "Không tìm thấy tổ này.")
        team.join_code = code
    return code


def pending_members(session: Session, team_id: int) -> list[User]:
    """The people waiting for the team's instructor to approve them, oldest first."""
    return list(
        session.scalars(
            sa.select(User)
            .where(User.team_id == team_id, User.pending.is_(True))
            .order_by(User.created_at, User.id)
        )
    )


def approve(session: Session, team_id: int, user_id: int) -> User:
    """Make a pending member a full member of the team and commit."""
    with write_lock(session):
        user = _pending(session, team_id, user_id)
        user.pending = False
    return user


def decline(session: Session, team_id: int, user_id: int) -> str:
    """Remove a pending account that is not the team's (a stranger, a mistake); commit.

    Returns the full name it had.
    """
    with write_lock(session):
        user = _pending(session, team_id, user_id)
        name = user.full_name
        session.delete(user)
    return name


def _pending(session: Session, team_id: int, user_id: int) -> User:
    user = session.get(User, user_id, populate_existing=True)
    if user is None or user.team_id != team_id or not user.pending or user.role != Role.MEMBER:
        raise AccountError("user", "Không có người này trong danh sách chờ của tổ.")
    return user
