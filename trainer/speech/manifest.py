"""The audio manifest: which file says which part of which lesson, written by the build.

The web app reads it once at start (`audio/manifest.json` in the build folder); a missing
or unreadable manifest means no audio yet, never an error page.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

from trainer.speech.engines import write_atomically

FILE = "manifest.json"
SPEEDS = ("normal", "slow")


@dataclass(frozen=True)
class Track:
    file: str  # name in the audio folder
    engine: str  # "recorded", "google", "espeak"
    seconds: float
    size: int
    rate: float = 1.0  # playback rate the player applies (a recording slowed on the device)
    reader: str | None = None  # who recorded it, when they agreed to be named


@dataclass
class Manifest:
    clips: dict[str, dict[str, Track]] = field(default_factory=dict)  # "slug/lang/n" -> speeds
    loudspeaker: dict[str, Track] = field(default_factory=dict)  # "slug/lang" -> whole lesson
    stale: list[str] = field(default_factory=list)  # clips whose recording is older than its text

    def clip(self, slug: str, language: str, number: int, speed: str = "normal") -> Track | None:
        return self.clips.get(f"{slug}/{language}/{number}", {}).get(speed)

    def lesson_file(self, slug: str, language: str) -> Track | None:
        return self.loudspeaker.get(f"{slug}/{language}")

    def files(self) -> set[str]:
        tracks = [t for speeds in self.clips.values() for t in speeds.values()]
        return {track.file for track in [*tracks, *self.loudspeaker.values()]}

    def save(self, folder: Path) -> None:
        data = {
            "clips": {
                key: {speed: _saved(track) for speed, track in speeds.items()}
                for key, speeds in sorted(self.clips.items())
            },
            "loudspeaker": {key: _saved(track) for key, track in sorted(self.loudspeaker.items())},
            "stale": sorted(self.stale),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1).encode()
        path = folder / FILE
        if not path.is_file() or path.read_bytes() != text:
            write_atomically(path, text)


def _saved(track: Track) -> dict:
    data = dataclasses.asdict(track)
    return data if track.reader else {k: v for k, v in data.items() if k != "reader"}


def load(folder: Path) -> Manifest:
    """The manifest in folder; an empty one when there is none yet or it cannot be read."""
    try:
        data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        return Manifest(
            clips={
                key: {speed: Track(**track) for speed, track in speeds.items()}
                for key, speeds in data["clips"].items()
            },
            loudspeaker={key: Track(**track) for key, track in data["loudspeaker"].items()},
            stale=list(data.get("stale", [])),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return Manifest()


def built(folder: Path) -> Manifest | None:
    """The manifest a build wrote into folder, or None when none was written yet."""
    return load(folder) if (folder / FILE).is_file() else None
