"""Passwords: hashing, checking, and what makes a new one acceptable.

New hashes are Argon2id (OWASP's first choice) at the cost `configure` was given, never
below OWASP's minimum (19 MiB of memory, 2 passes, 1 lane: about 0.05 s on a quiet core).
Hashes made before, Werkzeug's scrypt ("scrypt:32768:8:1$…"), are still checked, and
`needs_rehash` says so: sign-in then stores an Argon2id hash of the same password.

Hashing is slow on purpose, so services call these before they take the write lock,
never inside it.
"""

from __future__ import annotations

import os
import secrets
import threading
from contextlib import suppress
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from werkzeug.security import check_password_hash

MIN_PASSWORD = 10
MIN_DIFFERENT = 5  # "aaaaaaaaaa", "1212121212" and "a" + spaces are not passwords
COMMON = Path(__file__).with_name("common_passwords.txt")
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
ARGON2 = "$argon2"
# OWASP's Password Storage Cheat Sheet, Argon2id minimum: m = 19 MiB, t = 2, p = 1.
FLOOR = {"memory_kib": 19 * 1024, "time_cost": 2, "parallelism": 1}


class CostTooLow(ValueError):
    """A hashing cost below OWASP's minimum was configured."""


def _hasher(memory_kib: int, time_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
    )


_current = _hasher(**FLOOR)


def configure(memory_kib: int, time_cost: int, parallelism: int) -> None:
    """Hash new passwords at this Argon2id cost from now on (the app's settings).

    :raises CostTooLow: when any part is below FLOOR.
    """
    given = {"memory_kib": memory_kib, "time_cost": time_cost, "parallelism": parallelism}
    if low := [
        f"{name} {given[name]} < {FLOOR[name]}" for name in FLOOR if given[name] < FLOOR[name]
    ]:
        raise CostTooLow("Argon2id cost below OWASP's minimum: " + ", ".join(low))
    global _current
    if (_current.memory_cost, _current.time_cost, _current.parallelism) != (
        memory_kib,
        time_cost,
        parallelism,
    ):
        _current = _hasher(memory_kib, time_cost, parallelism)
        _decoy_hash.cache_clear()


def hash_password(password: str) -> str:
    """A salted Argon2id hash of password, at the configured cost."""
    return _current.hash(password)


def needs_rehash(password_hash: str) -> bool:
    """True when password_hash is not Argon2id at the configured cost (an old scrypt one)."""
    if not password_hash.startswith(ARGON2):
        return True
    try:
        return _current.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


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
        _check(_decoy_hash(), password)
        return False
    return _check(password_hash, password)


def _check(password_hash: str, password: str) -> bool:
    if not password_hash.startswith(ARGON2):
        return check_password_hash(password_hash, password)  # scrypt from before Argon2id
    try:
        return _current.verify(password_hash, password)  # the hash names its own cost
    except (VerificationError, InvalidHashError):
        return False


@cache
def _decoy_hash() -> str:
    return hash_password("no account has this password")


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
