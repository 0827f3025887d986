"""Reading a class-quiz page: which letter stands before a choice, and which are marked right."""

import re

CHOICE = re.compile(r'<span class="letter" aria-hidden="true">([A-H])</span>.*?</li>', re.S)


def letter_of(html: str, text: str) -> str:
    """The letter shown before the choice that contains text."""
    return next(m.group(1) for m in CHOICE.finditer(html) if text in m.group(0))


def right_letters(html: str) -> list[str]:
    """Letters of the choices marked right (a drawn tick, then "Đúng")."""
    return [m.group(1) for m in CHOICE.finditer(html) if "</svg> Đúng" in m.group(0)]
