"""The one way to get speech: `Voices.synthesize(text, language, speed)`.

Engines are tried in the configured order. Each result is cached under a name made from a
hash of (text, language, engine, voice, speed), so a rebuild finds what it made before and
synthesises only what changed. An engine that is down (no network) is skipped for the rest
of the run; a failure falls back to the next engine and is remembered for the report.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from trainer.speech import mp3
from trainer.speech.errors import EngineDown, SpeechError

NORMAL = 1.0


class Engine(Protocol):
    name: str
    voice: str

    def speaks(self, language: str) -> bool: ...

    def speak(self, text: str, language: str, speed: float) -> bytes: ...


@dataclass(frozen=True)
class Clip:
    name: str  # file name in the audio folder
    engine: str
    seconds: float
    size: int
    fresh: bool  # made in this run, not found in the cache


@dataclass
class Voices:
    engines: list[Engine]
    folder: Path
    down: dict[str, str] = field(default_factory=dict)  # engine -> why it stopped
    failures: list[str] = field(default_factory=list)
    made: int = 0  # files synthesised in this run, not found in the cache

    def synthesize(self, text: str, language: str, speed: float = NORMAL) -> Clip | None:
        """Audio of text from the first engine that can say it; None when none can."""
        for engine in self.engines:
            if not engine.speaks(language):
                continue
            try:
                name = clip_name(text, language, engine.name, engine.voice, speed)
            except EngineDown as error:
                self.down.setdefault(engine.name, str(error))
                continue
            path = self.folder / name
            if path.is_file():
                return _clip(path, engine.name, fresh=False)
            if engine.name in self.down:
                continue
            try:
                data = engine.speak(text, language, speed)
                mp3.info(data)
            except EngineDown as error:
                self.down[engine.name] = str(error)
                continue
            except (SpeechError, mp3.NotAudio) as error:
                self.failures.append(f"{engine.name}: {error} ({text[:40]}…)")
                continue
            write_atomically(path, data)
            self.made += 1
            return _clip(path, engine.name, fresh=True)
        return None


def clip_name(text: str, language: str, engine: str, voice: str, speed: float) -> str:
    key = "\0".join([" ".join(text.split()), language, engine, voice, f"{speed:.2f}"])
    return hashlib.sha256(key.encode()).hexdigest()[:20] + ".mp3"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside path, then rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _clip(path: Path, engine: str, fresh: bool) -> Clip:
    data = path.read_bytes()
    return Clip(path.name, engine, mp3.seconds(data), len(data), fresh)


def make_engines(names: list[str], *, bitrate: int = 24, timeout: float = 5.0) -> list[Engine]:
    """The engines named in settings, in order; an unknown name is an error."""
    from trainer.speech.espeak import Espeak
    from trainer.speech.google import Google

    known = {"espeak": lambda: Espeak(bitrate), "google": lambda: Google(timeout)}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(
            f"unknown speech engine(s) {', '.join(unknown)}; choose from {', '.join(known)}"
        )
    return [known[name]() for name in names]
