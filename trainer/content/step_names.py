"""A step's stable name: what question banks link to, and the anchor on the lesson page.

A step is named by an explicit anchor at the end of its heading (`## Mất điện thoại {#mat-may}`)
or, without one, by its heading without diacritics (`mat-dien-thoai`). The number of a step
changes when a step is added before it; its name does not, so items point to names.
"""

from __future__ import annotations

import re
import unicodedata

from trainer.content.source import SLUG

ANCHOR = re.compile(r"\s*\{#([^}]*)\}\s*$")
MAX_NAME = 40  # characters of a name made from a heading


def split_anchor(heading: str) -> tuple[str, str | None]:
    """The heading without its `{#name}`, and the name written there (None if none)."""
    found = ANCHOR.search(heading)
    if not found:
        return heading, None
    return heading[: found.start()].rstrip(), found.group(1).strip()


def name_from(heading: str) -> str:
    """A name made from a heading: lowercase ASCII words joined by dashes."""
    plain = unicodedata.normalize("NFD", heading.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(char for char in plain if not unicodedata.combining(char))
    words = re.findall(r"[a-z0-9]+", ascii_only.lower())
    name = ""
    for word in words:
        if name and len(name) + 1 + len(word) > MAX_NAME:
            break
        name = f"{name}-{word}" if name else word
    return name


def is_name(name: str) -> bool:
    """True for a name a step may carry: a slug that starts with a letter (never `buoc-3`)."""
    return bool(SLUG.match(name)) and name[0].isalpha() and not re.fullmatch(r"buoc-\d+", name)
