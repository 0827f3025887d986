"""Vietnamese numbers as words, the way a radio announcer reads them."""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUPS = ("", "nghìn", "triệu", "tỷ")


def digits(text: str) -> str:
    """Each digit on its own: phone numbers, codes, account numbers."""
    return " ".join(DIGITS[int(char)] for char in text if char.isdigit())


def number(value: int) -> str:
    """A whole number in words: 25000 → "hai mươi lăm nghìn"."""
    if value == 0:
        return DIGITS[0]
    if value >= 1000 ** len(GROUPS):
        return digits(str(value))
    groups = []
    while value:
        value, group = divmod(value, 1000)
        groups.append(group)
    words = []
    for place in range(len(groups) - 1, -1, -1):
        group = groups[place]
        if group == 0:
            continue
        leading = place == len(groups) - 1
        words.append(_hundreds(group, full=not leading))
        words.append(GROUPS[place])
    return " ".join(word for word in words if word)


def _hundreds(value: int, full: bool) -> str:
    """Up to three digits; `full` reads "không trăm" where a group inside a number needs it."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words += ["linh", DIGITS[units]]
        elif units:
            words.append(DIGITS[units])
    elif tens == 1:
        words += ["mười", *(["lăm"] if units == 5 else [DIGITS[units]] if units else [])]
    else:
        words += [DIGITS[tens], "mươi", *([_unit_after_tens(units)] if units else [])]
    return " ".join(words)


def _unit_after_tens(units: int) -> str:
    return {1: "mốt", 4: "tư", 5: "lăm"}.get(units, DIGITS[units])
