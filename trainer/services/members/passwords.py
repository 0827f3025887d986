"""Passwords: hashing, checking, and what makes a new one acceptable.

Hashing is slow on purpose (scrypt, about 0.14 s), so services call these before they take
the write lock, never inside it.
"""

from __future__ import annotations

import os
import secrets
import threading
from contextlib import suppress
from functools import cache
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

MIN_PASSWORD = 10
MIN_DIFFERENT = 5  # "aaaaaaaaaa", "1212121212" and "a" + spaces are not passwords
COMMON = Path(__file__).with_name("common_passwords.txt")
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def hash_password(password: str) -> str:
    """A salted scrypt hash of password."""
    return generate_password_hash(password)


def hash_many(passwords: list[str]) -> list[str]:
    """Hashes of many passwords (an import), worked out at the lowest CPU priority.

    A 200-member import is half a minute of hashing: done in a thread of its own that the
    system runs only when members' requests leave a core free, so they stay quick.
    """
    done: list[str] = []

    def work() -> None:
        with suppress(OSError):  # Linux sets a thread's own priority; elsewhere, no matter
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        done.extend(hash_password(password) for password in passwords)

    worker = threading.Thread(target=work, name="hashing")
    worker.start()
    worker.join()
    if len(done) != len(passwords):
        raise RuntimeError("hashing the passwords failed")
    return done


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
    plain = password.strip().lower()
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."
    if len(set(plain)) < MIN_DIFFERENT:
        return "Mật khẩu này lặp lại quá nhiều. Hãy ghép vài từ dễ nhớ, ví dụ “ca phe sang 7 gio”."
    if login and login.lower() in plain:
        return "Mật khẩu không được chứa tên đăng nhập hay số điện thoại."
    if plain in _common():
        return "Mật khẩu này rất nhiều người dùng nên dễ bị đoán. Hãy chọn mật khẩu khác."
    return None


@cache
def _common() -> frozenset[str]:
    lines = COMMON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line and not line.startswith("#"))


def temporary_password(length: int = 10) -> str:
    """Letters and digits that cannot be mistaken for each other when read aloud or copied."""
    while True:
        made = "".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(length))
        if len(set(made)) >= MIN_DIFFERENT:
            return made
