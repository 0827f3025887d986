"""People's names where room is short: the header's account link on a phone."""

from __future__ import annotations

SHORT = 12  # characters: with "Học kỹ năng số" it fits one row of a 360 px phone at any size


def short_name(full_name: str, limit: int = SHORT) -> str:
    """The full name if it is short; else its last words that fit in limit characters.

    Vietnamese names end with the given name people are called by ("Lò Thị Lan" → "Lan"),
    so the end is kept: "Nguyễn Hoàng Phương Thảo" → "Phương Thảo"."""
    words = full_name.split()
    kept: list[str] = []
    for word in reversed(words):
        if kept and len(" ".join([word, *kept])) > limit:
            break
        kept.insert(0, word)
    return " ".join(kept)
