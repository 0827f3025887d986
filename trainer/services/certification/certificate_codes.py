"""Certificate codes: 16 random letters, grouped in fours, read aloud without mistakes."""

from __future__ import annotations

import re
import secrets

# No 0/O or 1/I: a code read aloud over the phone or typed from paper is not misread.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 16  # 32 ** 16 = 2 ** 80 codes: not guessable


def new_code() -> str:
    """A fresh random code, grouped in fours: `K7Q2-XR4M-PL9D-TT3A`."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))


def normal_code(text: str) -> str:
    """A code as stored, whatever case, spaces or dashes it was typed with."""
    return grouped(re.sub(r"[^0-9A-Za-z]", "", text).upper())


def grouped(raw: str) -> str:
    """Letters in groups of four joined by dashes."""
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))
