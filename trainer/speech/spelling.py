"""Spelling out what a listener must type: letters, digits and symbols one by one.

Letters are named as Vietnamese people name Latin letters ("vê", "en", "đê", "gờ"), so
the Vietnamese voice says them and never switches to another language. A password-like
token is spelled with "chữ hoa" before each capital, so a listener can type it back.
"""

from __future__ import annotations

from trainer.speech.numbers import DIGITS

LETTERS = {
    "a": "a", "b": "bê", "c": "xê", "d": "đê", "đ": "đê", "e": "e", "f": "ép", "g": "gờ",
    "h": "hát", "i": "i", "j": "gi", "k": "ca", "l": "e lờ", "m": "em", "n": "en", "o": "o",
    "p": "pê", "q": "quy", "r": "e rờ", "s": "ét", "t": "tê", "u": "u", "v": "vê",
    "w": "vê kép", "x": "ích", "y": "i dài", "z": "dét",
}  # fmt: skip
SYMBOLS = {
    "@": "a còng", "#": "thăng", "!": "chấm than", "?": "chấm hỏi", "$": "đô la",
    "%": "phần trăm", "&": "và", "*": "sao", "_": "gạch dưới", "-": "gạch ngang",
    ".": "chấm", ",": "phẩy", "/": "gạch chéo", "\\": "gạch chéo ngược", "+": "cộng",
    "=": "bằng", ":": "hai chấm", ";": "chấm phẩy", "~": "dấu ngã", "^": "dấu mũ",
    "(": "mở ngoặc", ")": "đóng ngoặc",
}  # fmt: skip
SPECIAL = set("!@#$%^&*_+=?~")  # what makes a word a password, with digits and capitals
CAPITAL = "chữ hoa"


def letters(word: str) -> str:
    """A word spelled letter by letter, without marking capitals: "vneid" → "vê en e i đê"."""
    return " ".join(_name(char, capitals=False) for char in word if _name(char, False))


def spell(token: str) -> str:
    """Character by character, capitals marked: "Ab7!" → "chữ hoa a, bê, bảy, chấm than"."""
    return ", ".join(name for char in token if (name := _name(char, capitals=True)))


def is_password(token: str) -> bool:
    """Six characters or more mixing capitals, small letters and digits or symbols."""
    return (
        len(token) >= 6
        and any(char.isupper() for char in token)
        and any(char.islower() for char in token)
        and any(char.isdigit() or char in SPECIAL for char in token)
    )


def _name(char: str, capitals: bool) -> str:
    if char.isdigit():
        return DIGITS[int(char)]
    if char.isalpha():
        name = LETTERS.get(char.lower(), char.lower())
        return f"{CAPITAL} {name}" if capitals and char.isupper() else name
    return SYMBOLS.get(char, "")
