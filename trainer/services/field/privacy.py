"""Keeping residents' personal numbers out of what members type into the visit log.

The log holds counts and ticks. Anything typed that looks like a phone number (10 digits,
or +84 and 9) or a citizen's ID number (12 digits), even with spaces, dots or dashes
between the digits, is refused with a message that says why.
"""

from __future__ import annotations

import re

# Nine or more digits, maybe split by spaces, dots or dashes: no count or name needs that.
LONG_NUMBER = re.compile(r"\+?\d(?:[\s.\-]?\d){8,}")
ID_DIGITS = 12


def personal_number(text: str) -> str | None:
    """Why text may not be kept (it holds a phone or ID number), or None when it is fine."""
    found = LONG_NUMBER.search(text or "")
    if found is None:
        return None
    digits = re.sub(r"\D", "", found.group())
    if len(digits) == ID_DIGITS:
        return "Đây giống số căn cước (12 chữ số). Nhật ký không ghi số giấy tờ của người dân."
    return "Đây giống số điện thoại. Nhật ký không ghi số điện thoại của người dân."
