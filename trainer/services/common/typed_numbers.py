"""Numbers as people type them into a form or a spreadsheet: one reader for every field.

Only the digits 0-9 count: "²", "٣" or "１" pass str.isdigit() but are not what anyone
meant, and a 5,000-digit number is refused before Python is asked to read it. Groups of
thousands may be written with dots or spaces ("1.200", "1 200"), as Vietnamese does.
"""

from __future__ import annotations

import re

GROUPED = re.compile(r"[0-9]{1,3}(?:[. ][0-9]{3})+")
ASCII_DIGITS = re.compile(r"[0-9]+")


def whole_number(text: str | None, low: int, high: int, *, grouped: bool = False) -> int | None:
    """The whole number typed, if it lies in low..high; None for anything else.

    With grouped, "1.200" and "1 200" read as 1200.
    """
    text = (text or "").strip()
    if grouped and GROUPED.fullmatch(text):
        text = text.replace(".", "").replace(" ", "")
    if not ASCII_DIGITS.fullmatch(text) or len(text.lstrip("0")) > len(str(high)):
        return None
    number = int(text)
    return number if low <= number <= high else None
