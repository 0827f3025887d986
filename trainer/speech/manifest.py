"""The audio manifest: which file says which part of which lesson, written by the build.

The web app reads it at start (`audio/manifest.json` in the build folder); a missing or
unreadable manifest means no audio yet, never an error page. Voices a server takes in
after the build (uploads, recordings from other servers) go to a second manifest in a
folder of that server's own, laid over the build's (`overlaid`), so only the build writes
the build folder. Each manifest is changed only under its file lock (`locked`), so no
writer undoes another.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from trainer.speech.engines import write_atomically

FILE = "manifest.json"
LOCK = ".manifest.lock"
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
    base: str = ""  # laid over a build: the fingerprint of the build manifest it was made on

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
        } | ({"base": self.base} if self.base else {})
        text = json.dumps(data, ensure_ascii=False, indent=1).encode()
        path = folder / FILE
        if not path.is_file() or path.read_bytes() != text:
            write_atomically(path, text)


def _saved(track: Track) -> dict:
    data = dataclasses.asdict(track)
    return data if track.reader else {k: v for k, v in data.items() if k != "reader"}


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the manifest's lock: one writer at a time, across every process on the machine."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
            base=str(data.get("base", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return Manifest()


def built(folder: Path) -> Manifest | None:
    """The manifest a build wrote into folder, or None when none was written yet."""
    return load(folder) if (folder / FILE).is_file() else None


def fingerprint(folder: Path) -> str:
    """Changes whenever the manifest in folder does; empty when there is none."""
    try:
        return hashlib.sha256((folder / FILE).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def overlaid(built: Manifest, taken: Manifest, built_fingerprint: str) -> Manifest:
    """The build's audio with the voices taken in since laid over it.

    Taken clips (a person's recordings) always win. A loudspeaker file joined after an upload
    counts only while the build it was joined on is still the current one: a later build
    joins its own, from every recording it found.
    """
    same_build = taken.base == built_fingerprint
    return Manifest(
        clips={**built.clips, **taken.clips},
        loudspeaker={**built.loudspeaker, **(taken.loudspeaker if same_build else {})},
        stale=sorted((set(built.stale) - set(taken.clips)) | set(taken.stale)),
    )


def locate(name: str, folders: Iterable[Path]) -> Path | None:
    """The first of folders holding a file named name (a plain name, nothing above it)."""
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
        return None
    for folder in folders:
        path = folder / name
        try:
            if path.is_file():
                return path
        except (OSError, ValueError):
            return None
    return None
