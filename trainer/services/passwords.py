"""Passwords: hashing, checking, and what makes a new one acceptable.

Hashing is slow on purpose (scrypt, about 0.14 s), so services call these before they take
the write lock, never inside it.
"""

from __future__ import annotations

import secrets
from functools import cache

from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD = 8
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def hash_password(password: str) -> str:
    """A salted scrypt hash of password."""
    return generate_password_hash(password)


def matches(password_hash: str | None, password: str) -> bool:
    """True when password hashes to password_hash; takes as long when there is no hash."""
    if password_hash is None:
        check_password_hash(_decoy_hash(), password)
        return False
    return check_password_hash(password_hash, password)


@cache
def _decoy_hash() -> str:
    return generate_password_hash("no account has this password")


def problem(password: str, login: str = "") -> str | None:
    """What is wrong with password as a new one, in Vietnamese; None when it will do."""
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."
    return None


def temporary_password(length: int = 10) -> str:
    """Letters and digits that cannot be mistaken for each other when read aloud or copied."""
    return "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(length))
