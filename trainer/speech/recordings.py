"""Recorded voiceovers: a person reading a step, which always wins over a synthetic voice.

A recording lives at `media/giong-doc/<language>/<lesson slug>/<part>.<ext>`, where part is
`gioi-thieu` (title and intro) or `buoc-<n>`. Beside it, `<part>.txt` keeps the words that
were read; when the lesson's words change afterwards, the recording is stale. When the
reader agrees to be named, `<part>.nguoi-doc.txt` holds their name, said to listeners.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER = Path("media") / "giong-doc"
AUDIO_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".webm": "audio/webm",
    ".wav": "audio/wav",
}


def part_name(number: int) -> str:
    return "gioi-thieu" if number == 0 else f"buoc-{number}"


READER = ".nguoi-doc.txt"  # beside the recording: the reader's name, when they agree


@dataclass(frozen=True)
class Recording:
    path: Path
    said: str | None  # the words read, from the .txt beside it; None when it is missing
    reader: str | None = None  # the reader's name, only when they agreed to be named

    def is_stale(self, script: str) -> bool:
        return self.said is None or _words(self.said) != _words(script)


def _words(text: str) -> str:
    return " ".join(text.split())


def folder(root: Path, language: str, slug: str) -> Path:
    return root / FOLDER / language / slug


def find(root: Path, language: str, slug: str, number: int) -> Recording | None:
    """The recording of one part of a lesson in one language, if someone made one."""
    base = folder(root, language, slug) / part_name(number)
    for suffix in AUDIO_TYPES:
        path = base.with_suffix(suffix)
        if path.is_file():
            said = base.with_suffix(".txt")
            text = said.read_text(encoding="utf-8") if said.is_file() else None
            return Recording(path, text, _reader(base))
    return None


def _reader(base: Path) -> str | None:
    path = base.with_name(base.name + READER)
    name = " ".join(path.read_text(encoding="utf-8").split()) if path.is_file() else ""
    return name[:80] or None


def save(
    root: Path,
    language: str,
    slug: str,
    number: int,
    data: bytes,
    suffix: str,
    script: str,
    reader: str | None = None,
):
    """Keep a new recording, the words it reads and the reader's name (if given), replacing
    any earlier one."""
    base = folder(root, language, slug) / part_name(number)
    base.parent.mkdir(parents=True, exist_ok=True)
    for old in AUDIO_TYPES:
        base.with_suffix(old).unlink(missing_ok=True)
    base.with_suffix(suffix).write_bytes(data)
    base.with_suffix(".txt").write_text(_words(script) + "\n", encoding="utf-8")
    named = base.with_name(base.name + READER)
    if reader and reader.strip():
        named.write_text(" ".join(reader.split())[:80] + "\n", encoding="utf-8")
    else:
        named.unlink(missing_ok=True)
    return base.with_suffix(suffix)
