"""Reading content files: text in NFC, and YAML that remembers the line of every key."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trainer.content.model import Problem

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# libyaml's parser when PyYAML was built with it (its wheels are): about 15× faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, shown: Path) -> tuple[str | None, list[Problem]]:
    """Return the file's text in NFC, or None and a problem if it is not UTF-8."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "not UTF-8 text; save the file as UTF-8")]
    except OSError as error:
        return None, [Problem(shown, 1, f"cannot read the file: {error.strerror}")]
    return unicodedata.normalize("NFC", text), []


@dataclass
class Located:
    """YAML data plus the line each mapping key and sequence item was written on."""

    data: Any
    path: Path
    first_line: int = 1
    _lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *keys: str | int) -> int:
        """The file line of the value at keys (a path into the data), or of its nearest parent."""
        while keys and keys not in self._lines:
            keys = keys[:-1]
        return self._lines.get(keys, self.first_line)

    def problem(self, message: str, *keys: str | int) -> Problem:
        return Problem(self.path, self.line(*keys), message)


def read_named_yaml(path: Path, shown: Path, kind: str) -> tuple[Located | None, list[Problem]]:
    """Read a YAML file named after the slug of what it holds (a topic, a question bank)."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    if not SLUG.match(path.stem):
        return None, [
            Problem(
                shown,
                1,
                f"the file name is the {kind}'s slug: lowercase a-z, 0-9 "
                "and dashes, like `an-toan-so.yaml`",
            )
        ]
    return load_yaml(text, shown)


def load_yaml(text: str, path: Path, first_line: int = 1) -> tuple[Located | None, list[Problem]]:
    """Parse YAML safely (once: the data is made from the nodes that give the lines); a
    syntax error becomes a problem at its line."""
    try:
        node, data = _parsed(text, LOADER)
    except yaml.YAMLError:
        try:  # a mistake is rare: the pure-Python parser says where and what, as it always has
            node, data = _parsed(text, yaml.SafeLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = first_line + (mark.line if mark else 0)
            reason = getattr(error, "problem", None) or "not valid YAML"
            return None, [Problem(path, line, f"bad YAML: {reason}")]
    located = Located(data, path, first_line)
    if node is not None:
        _record_lines(node, (), located._lines, first_line)
    return located, []


def _parsed(text: str, loader_class) -> tuple:
    """The document's node (for the lines) and its data, made from that node."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _record_lines(node: yaml.Node, keys: tuple, lines: dict[tuple, int], first_line: int) -> None:
    lines[keys] = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*keys, key_node.value)
            _record_lines(value_node, key, lines, first_line)
            lines[key] = first_line + key_node.start_mark.line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*keys, index), lines, first_line)
