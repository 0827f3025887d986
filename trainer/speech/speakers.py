"""Who is speaking, said plainly: a person (named when they agreed) or the machine voice.

Listeners, above all blind and elderly ones, should know whether a person or a machine
reads to them. The same words go on the page, in listen mode and in the loudspeaker
file's ID3 tags.
"""

from __future__ import annotations

from collections.abc import Iterable

from trainer.speech.manifest import Track

RECORDED = "recorded"
MACHINE = "Giọng máy"
PERSON = "Giọng người đọc"
ENGINES = {"google": "Google", "espeak": "espeak-ng"}


def who(tracks: Iterable[Track]) -> str:
    """One short line: "Giọng đọc: Nguyễn Thị Hoa", "Giọng người đọc", "Giọng máy", or both."""
    tracks = list(tracks)
    readers = _unique(track.reader for track in tracks if track.engine == RECORDED)
    recorded = any(track.engine == RECORDED for track in tracks)
    machine = any(track.engine != RECORDED for track in tracks)
    person = f"Giọng đọc: {', '.join(readers)}" if readers else PERSON
    if recorded and machine:
        return f"{person} và giọng máy"
    return person if recorded else MACHINE


def detail(tracks: Iterable[Track]) -> str:
    """Which voices exactly, for a tooltip or a file's comment: "Giọng máy: Google"."""
    tracks = list(tracks)
    engines = _unique(ENGINES.get(t.engine, t.engine) for t in tracks if t.engine != RECORDED)
    people = [t for t in tracks if t.engine == RECORDED]
    parts = [who(people)] if people else []
    parts += [f"{MACHINE}: {', '.join(engines)}"] if engines else []
    return "; ".join(parts)


def _unique(names: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))
