"""Record ids in addresses and forms: only numbers a record can have are looked up.

A 20-digit id would overflow the database's integer (a 500 on SQLite and PostgreSQL alike);
such an id names no record, so an address with one is a plain 404 and a form says it is
wrong.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

# The largest id a record can have in every database the app runs on (PostgreSQL INTEGER).
LARGEST_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:…>` in a route: from 0 to LARGEST_ID, else the address matches nothing."""

    def __init__(self, map, fixed_digits=0, min=0, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


def init_app(app: Flask) -> None:
    """Before any blueprint: their routes are bound to the converter when registered."""
    app.url_map.converters["int"] = IdConverter


def record_id(value) -> int:
    """A record's id as typed; ValueError for anything else (so a form says it is wrong)."""
    text = str(value if value is not None else "")
    if not (text.isascii() and text.isdecimal() and 0 < len(text) <= 10):
        raise ValueError("not an id")
    number = int(text)
    if not 0 < number <= LARGEST_ID:
        raise ValueError("not an id")
    return number
