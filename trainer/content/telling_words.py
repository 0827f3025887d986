"""A certification item whose choices are told apart by a word like "thật" or "giả" in
their picture's file name or alt text gives its answer to anyone who reads the page's
source or listens with a screen reader, without studying.

The rule compares the choices of one item: a telling word that some choices carry and
others do not marks the item.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from trainer.content.model import Item, Problem

# Words that say whether a choice is right. File names are written without diacritics,
# so there "that" (thật) and "gia" (giả) count; alt texts keep theirs, so "dùng" (use) is
# never taken for "đúng" (right), nor "lúa" (rice) for "lừa" (cheat).
ENGLISH = {"real", "fake", "true", "false", "right", "wrong", "correct", "good", "bad", "ok"}
IN_FILE_NAMES = frozenset({"that", "gia", "dung", "sai", "chuan", "lua", "dao", *ENGLISH})
IN_ALT_TEXTS = frozenset({"thật", "giả", "đúng", "sai", "chuẩn", "lừa", "đảo", *ENGLISH})
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    """The words of text in lower case, in one Unicode form."""
    return set(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


def telling_problems(item: Item, path) -> list[Problem]:
    """A problem for each telling word that only some of the item's choices carry, in their
    picture's file name or in their alt text."""
    problems = []
    for where, telling, read in (
        ("picture file names", IN_FILE_NAMES, _file_words),
        ("alt texts", IN_ALT_TEXTS, _alt_words),
    ):
        per_choice = [read(choice) for choice in item.choices if choice.image]
        if len(per_choice) < 2:
            continue
        differing = sorted(
            word for word in telling if 0 < sum(word in w for w in per_choice) < len(per_choice)
        )
        if differing:
            problems.append(
                Problem(
                    path,
                    item.line,
                    f"item `{item.id}`: its choices' {where} differ in "
                    f"{', '.join(f'«{word}»' for word in differing)}, which tells the right "
                    "choice apart without studying; describe what each picture shows instead",
                )
            )
    return problems


def _file_words(choice) -> set[str]:
    return words(PurePosixPath(choice.image).stem.replace("_", " ").replace("-", " "))


def _alt_words(choice) -> set[str]:
    return words(choice.text)
