"""Writers for content files, so each test states only what it is about."""

from __future__ import annotations

import itertools
import shutil
import unicodedata
from functools import cache
from pathlib import Path

import yaml

from trainer.content.catalog import load_catalog
from trainer.models import User
from trainer.services.members import passwords
from trainer.services.members.teams import add_team, find_or_add_commune

DATA = Path(__file__).parent / "data" / "content"

GOOD_FRONT = {
    "slug": "bai-moi",
    "title": "Bài mới",
    "topic": "an-toan",
    "order": 9,
    "language": "vi",
    "minutes": 3,
    "summary": "Một bài để thử.",
    "sources": [
        {
            "title": "Cục An toàn thông tin",
            "url": "https://khonggianmang.vn/bai-viet/mat-khau-an-toan",
        }
    ],
}

GOOD_BODY = """
Mở đầu ngắn.

## Bước đầu

Làm theo hướng dẫn.

![Một ổ khóa](an-toan/o-khoa.svg)
"""


def copy_content(target: Path) -> Path:
    """A fresh copy of the small good content tree in tests/data/content."""
    shutil.copytree(DATA, target)
    return target


def lesson_text(front: dict | None = None, body: str = GOOD_BODY, **changes) -> str:
    """A lesson file: GOOD_FRONT with changes (None removes a field), then the body."""
    fields = {**GOOD_FRONT, **(front or {}), **changes}
    fields = {key: value for key, value in fields.items() if value is not None}
    meta = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{meta}---\n{body}"


def write_lesson(
    root: Path, name: str = "vi/an-toan/bai-moi.md", text: str | None = None, **changes
) -> Path:
    """Write a lesson under root/lessons/ and return its path relative to root."""
    path = root / "lessons" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else lesson_text(**changes), encoding="utf-8")
    return path.relative_to(root)


def line_of(root: Path, shown: Path, needle: str) -> int:
    """The 1-based line of the first line containing needle."""
    lines = (root / shown).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


REPOSITORY = Path(__file__).resolve().parent.parent


@cache
def shipped_catalog():
    """The shipped content's (catalog, problems), read once per test process; tests only
    read it (several test modules need it at collection, once in every xdist worker)."""
    return load_catalog(REPOSITORY)


PASSWORD = "hoc-ky-nang-so"
_COUNTER = itertools.count(1)


@cache
def _password_hash(password: str) -> str:
    # Hashing is slow on purpose; hash each test password once per run.
    return passwords.hash_password(password)


def make_team(
    session,
    name: str = "Tổ CNSCĐ-Xã Mường Phăng",
    commune: str = "Xã Mường Phăng",
    district: str = "Huyện Điện Biên",
    province: str = "Điện Biên",
):
    """A committed team in its commune (the commune is made when new)."""
    team = add_team(session, name, find_or_add_commune(session, commune, district, province))
    session.commit()
    return team


def make_user(
    session,
    full_name: str = "Lò Thị Lan",
    username: str | None = None,
    *,
    phone: str | None = None,
    password: str = PASSWORD,
    role: str = "member",
    team=None,
    manages=(),
):
    """A committed account; username defaults to a fresh one (nguoi1, nguoi2, ...)."""
    if username is None and phone is None:
        username = f"nguoi{next(_COUNTER)}"
    user = User(
        full_name=full_name,
        username=username,
        phone=phone,
        password_hash=_password_hash(password),
        role=role,
        team=team,
        managed_teams=list(manages),
    )
    session.add(user)
    session.commit()
    return user


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_vietnamese(text: str) -> bytes:
    """text as Excel saves it on Vietnamese Windows: cp1258, tone marks as combining marks."""
    out = []
    for char in text:
        try:
            char.encode("cp1258")
            out.append(char)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(mark for mark in parts if mark in TONE_MARKS)
            rest = "".join(mark for mark in parts if mark not in TONE_MARKS)
            out.append(unicodedata.normalize("NFC", rest) + tones)
    return "".join(out).encode("cp1258")
