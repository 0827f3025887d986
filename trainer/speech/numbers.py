"""Vietnamese numbers as words, the way a radio announcer reads them.

`say_numbers` turns every number in a sentence into words: dates and times, money, hotline
and phone numbers group by group, fractions, percentages, versions and plain numbers.
A day/month is a date when the year is written, a word before it says so ("ngày 2/9",
"Tết 1/1", "Quốc khánh 2/9"), or the first number is the larger ("30/6"); otherwise "1/3"
is a fraction, "một phần ba", and "24/7" is "hai mươi tư trên bảy".
"""

from __future__ import annotations

import re

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUPS = ("", "nghìn", "triệu", "tỷ")

DATE_WORDS = {"ngày", "mùng", "mồng", "hôm", "dịp", "lễ", "tết", "khánh"}  # "ngày 1/3" is a date
SLASH = re.compile(
    r"(?:\b(?P<word>[^\W\d_]+)\s+)?(?<![\d/])(?P<a>\d{1,4})/(?P<b>\d{1,4})"
    r"(?:/(?P<year>\d{4}))?(?![\d/])"
)
TIME = re.compile(r"\b(\d{1,2})(?::|h)(\d{2})\b")
PERCENT = re.compile(r"\b(\d+(?:,\d+)?)\s?%")
MONEY = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s?(?:đồng|đ|₫|VNĐ|VND)(?![^\W\d_])"
)
HOTLINE = re.compile(r"(?<![\d.,])1[89]00(?:[ .-]?\d{3,4}){1,2}(?![\d]|[.,]\d)")
PHONE = re.compile(r"(?<![\d.,])0\d{2,}(?:[ .-]\d{2,})*(?!\d|,\d)|(?<![\d.,])\d{5,}(?![\d.,]*\d)")
GROUPED = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")
VERSION = re.compile(r"\b\d+(?:\.\d+)+\b")
DECIMAL = re.compile(r"\b(\d+),(\d+)\b")
RANGE = re.compile(r"\b(\d+)\s?[-–]\s?(\d+)\b")
WHOLE = re.compile(r"\b\d+\b")


def digits(text: str) -> str:
    """Each digit on its own: codes, account numbers."""
    return " ".join(DIGITS[int(char)] for char in text if char.isdigit())


def digit_groups(text: str) -> str:
    """A phone or hotline number as written, group by group: "1900 9090" → "một chín không
    không, chín không chín không"; an unbroken 1800/1900 number is split after its prefix."""
    groups = [group for group in re.split(r"[ .-]", text) if group]
    if len(groups) == 1 and len(groups[0]) > 6 and groups[0][:4] in ("1800", "1900"):
        groups = [groups[0][:4], groups[0][4:]]
    return ", ".join(digits(group) for group in groups)


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


def say_numbers(text: str) -> str:
    """Every number in a Vietnamese sentence, in words."""
    text = SLASH.sub(_slash, text)
    text = TIME.sub(lambda m: f"{number(int(m[1]))} giờ {number(int(m[2]))}", text)
    text = PERCENT.sub(lambda m: f"{m[1]} phần trăm", text)
    text = MONEY.sub(_money, text)
    text = HOTLINE.sub(lambda m: digit_groups(m.group(0)), text)
    text = PHONE.sub(lambda m: digit_groups(m.group(0)), text)
    text = GROUPED.sub(lambda m: number(int(m.group(0).replace(".", ""))), text)
    text = VERSION.sub(lambda m: " chấm ".join(number(int(p)) for p in m[0].split(".")), text)
    text = DECIMAL.sub(lambda m: f"{number(int(m[1]))} phẩy {digits(m[2])}", text)
    text = RANGE.sub(lambda m: f"{m[1]} đến {m[2]}", text)
    return WHOLE.sub(lambda m: number(int(m.group(0))), text)


def _slash(match: re.Match) -> str:
    """A day and month, a fraction or "24/7", from what is written and the word before it."""
    word, a, b, year = match["word"], int(match["a"]), int(match["b"]), match["year"]
    before = f"{word} " if word else ""
    dated = bool(year) or (word or "").lower() in DATE_WORDS
    if (a, b) == (24, 7) and not dated:
        return f"{before}hai mươi tư trên bảy"
    if 1 <= a <= 31 and 1 <= b <= 12 and (dated or a >= b):
        said = f"{number(a)} tháng {number(b)}"
        if (word or "").lower() not in ("ngày", "mùng", "mồng"):
            said = f"ngày {said}"
        return before + (f"{said} năm {number(int(year))}" if year else said)
    if 1 <= b <= 100 and not year:
        return f"{before}{number(a)} phần {number(b)}"
    return match.group(0)


def _money(match: re.Match) -> str:
    amount = number(int(match[1].replace(".", "")))
    return f"{amount} phẩy {digits(match[2])} đồng" if match[2] else f"{amount} đồng"


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
