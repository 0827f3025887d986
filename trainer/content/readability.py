"""How easy a lesson's words are to follow by ear: sentences and their syllables.

Vietnamese writes one syllable per word-piece, so the syllables of a sentence are its
space-separated pieces that hold a letter or a digit ("0912 345 678" counts three, as a
person reads it in three breaths). The minority drafts (Hmoob RPA, Thái in Vietnamese
letters) are written the same way.
"""

from __future__ import annotations

import re

MAX_SENTENCE_SYLLABLES = 20
WARN_SENTENCE_SYLLABLES = 16

# A sentence ends at . ! ? ; : or … followed by a space or the end, or at a line break
# (each paragraph and list item is a line of plain text). "vneid.gov.vn" and "8.000" stay whole.
_END = re.compile(r"(?<=[.!?;:…])[\"”’)]*(?:\s+|$)|\n+")
_SPOKEN = re.compile(r"\w", re.UNICODE)


def sentences(text: str) -> list[str]:
    """The sentences of plain text, each stripped; empty pieces left out."""
    return [piece.strip() for piece in _END.split(text) if piece and _SPOKEN.search(piece)]


def syllables(sentence: str) -> int:
    """How many syllables a sentence has: its pieces that hold a letter or a digit."""
    return sum(1 for piece in sentence.split() if _SPOKEN.search(piece))


def longest_sentence(text: str) -> tuple[int, str]:
    """The syllables and words of the longest sentence in text; (0, "") when there is none."""
    found = [(syllables(sentence), sentence) for sentence in sentences(text)]
    return max(found, key=lambda pair: pair[0], default=(0, ""))
