"""Sign-in sessions that end: a cookie names the account and its session version.

Signing out, changing one's password and an instructor's reset raise the version, so every
cookie made before (copied, sniffed or left on a borrowed phone) stops opening the account.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import User


def session_id(user: User) -> str:
    """What the sign-in cookies hold for user: `<id>.<session version>`."""
    return f"{user.id}.{user.session_version}"


def user_for(session: Session, text: str) -> User | None:
    """The account a cookie's session id names, if that session has not been ended."""
    user_id, _, version = text.partition(".")
    if not (user_id.isdigit() and version.isdigit() and len(text) < 40):
        return None
    user = session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def end_all(session: Session, user_id: int) -> None:
    """End every session of the account (signing out everywhere) and commit."""
    with write_lock(session):
        user = session.get(User, user_id, populate_existing=True)
        if user is not None:
            user.session_version += 1
