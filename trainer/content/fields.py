"""Typed reading of YAML fields that collects every problem instead of stopping at the first."""

from __future__ import annotations

from typing import Any

from trainer.content.model import Problem
from trainer.content.source import SLUG, Located


class Fields:
    """Reads fields of one YAML mapping; `problems` holds what was wrong."""

    def __init__(self, doc: Located, *keys: str | int):
        self.doc = doc
        self.keys = keys
        self.problems: list[Problem] = []
        value = doc.data
        for key in keys:
            value = value[key]
        self.data = value if isinstance(value, dict) else {}
        if not isinstance(value, dict):
            self._report("expected a list of `key: value` fields here")

    def _report(self, message: str, *key: str | int) -> None:
        self.problems.append(self.doc.problem(message, *self.keys, *key))

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            self._report(f"missing field `{key}`")
        return value

    def text(self, key: str, *, required: bool = True, max_length: int | None = None) -> str | None:
        """A one-line string, or None."""
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self._report(f"`{key}` must be text", key)
            return None
        value = " ".join(value.split())
        if max_length and len(value) > max_length:
            self._report(f"`{key}` is {len(value)} characters long; keep it to {max_length}", key)
        return value

    def slug(self, key: str, *, required: bool = True) -> str | None:
        """Lowercase letters, digits and single dashes."""
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not SLUG.match(value):
            self._report(
                f"`{key}` must be lowercase a-z, 0-9 and dashes, like `cai-dat-vneid`", key
            )
            return None
        return value

    def number(
        self, key: str, *, required: bool = True, low: int = 1, high: int = 10_000
    ) -> int | None:
        """A whole number within [low, high]."""
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self._report(f"`{key}` must be a whole number from {low} to {high}", key)
            return None
        return value

    def choice(self, key: str, options: tuple[str, ...], *, required: bool = True) -> str | None:
        """One of the given words."""
        value = self._get(key, required)
        if value is None:
            return None
        if value not in options:
            self._report(f"`{key}` must be one of: {', '.join(options)}", key)
            return None
        return value

    def per_language(self, key: str, *, max_length: int) -> dict[str, str]:
        """A mapping of language code to text, which must include Vietnamese (`vi`)."""
        value = self._get(key, True)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._report(f"`{key}` must list a text per language, like `vi: …`", key)
            return {}
        texts = {}
        for code, text in value.items():
            if not isinstance(text, str) or not text.strip():
                self._report(f"`{key}.{code}` must be text", key, code)
            elif len(text) > max_length:
                self._report(
                    f"`{key}.{code}` is too long; keep it to {max_length} characters", key, code
                )
            else:
                texts[str(code)] = " ".join(text.split())
        if "vi" not in value:
            self._report(f"`{key}` needs a Vietnamese text (`vi: …`)", key)
        return texts

    def only(self, allowed: tuple[str, ...]) -> None:
        """Report fields that are not among the allowed ones (usually a typo)."""
        for key in self.data:
            if key not in allowed:
                self._report(f"unknown field `{key}`; expected one of: {', '.join(allowed)}", key)
