"""What goes into a cell of a CSV or Excel file we write: only ever data, never a formula.

A name typed into the site (a team, a commune) may start like a formula (`=HYPERLINK(…)`,
`+cmd|…`): Excel would run it when the report is opened. Following OWASP's rule for CSV
injection, text starting with = + - @, a tab or a carriage return gets a leading
apostrophe. Control characters, which Excel files cannot hold, are dropped.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def data_cell(value):
    """value as a cell that can only be read, never run; numbers pass unchanged."""
    if not isinstance(value, str):
        return value
    text = CONTROL.sub("", value)
    return "'" + text if text.startswith(FORMULA_START) else text


def data_row(values) -> list:
    return [data_cell(value) for value in values]
