"""What differs by province, kept in one file a province replaces: `lessons/tinh.yaml`.

A lesson writes `{{tinh.ung-dung-phan-anh}}` where the province's own name goes (its citizen
app, the platform it backs); the reader puts the file's value in before the lesson is parsed,
so word counts, speech, search and videos all see the province's words. A name the file
lacks is a problem at its line. The file cites the pages its names come from, as a lesson does.
"""

from __future__ import annotations

import re
from pathlib import Path

from trainer.content.fields import Fields
from trainer.content.model import Problem
from trainer.content.source import SLUG, load_yaml, read_text

FILE = "tinh.yaml"
PLACEHOLDER = re.compile(r"\{\{\s*tinh\.([^}\s]*)\s*\}\}")
NOT_NAMES = ("sources",)  # the one field that is not a name a lesson fills in


def read_province(path: Path, shown: Path) -> tuple[dict[str, str], list[Problem]]:
    """The province's names by key ({} when the file is absent), and what was wrong."""
    if not path.exists():
        return {}, []
    text, problems = read_text(path, shown)
    if text is None:
        return {}, problems
    doc, problems = load_yaml(text, shown)
    if doc is None:
        return {}, problems
    from trainer.content.lessons import read_sources  # lessons reads through this module

    fields = Fields(doc)
    fields.text("ten-tinh")
    read_sources(fields, required=True)
    names: dict[str, str] = {}
    for key, value in fields.data.items():
        if key in NOT_NAMES:
            continue
        if not isinstance(key, str) or not SLUG.match(key):
            problems.append(doc.problem(f"`{key}`: a name is lowercase a-z, 0-9 and dashes", key))
        elif not isinstance(value, str) or not value.strip() or "\n" in value.strip():
            problems.append(doc.problem(f"`{key}` must be one line of text", key))
        else:
            names[key] = value.strip()
    return names, problems + fields.problems


def fill(text: str, names: dict[str, str], shown: Path) -> tuple[str, list[Problem]]:
    """text with every `{{tinh.key}}` replaced by the province's name for it."""
    problems: list[Problem] = []

    def value(match: re.Match) -> str:
        key = match.group(1)
        if key in names:
            return names[key]
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(shown, line, f"`{{{{tinh.{key}}}}}`: lessons/{FILE} has no name `{key}`")
        )
        return match.group(0)

    return PLACEHOLDER.sub(value, text), problems
