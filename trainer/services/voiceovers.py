"""Recorded voiceovers: which parts of a lesson have a person's voice, and keeping a new one.

Plain values in, plain values out: the content root, the audio folder, a lesson. A new
recording is checked (trainer.speech.uploads), saved in media/giong-doc/ with the words it
reads, and put in the audio manifest at once, so the lesson page plays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trainer.content.model import Lesson
from trainer.speech import recordings, uploads
from trainer.speech.manifest import Manifest
from trainer.speech.stage import Part, Settings, parts, voice_recording


@dataclass(frozen=True)
class PartVoice:
    part: Part
    state: str  # "recorded", "stale" (text changed since), "synthetic", "none"
    engine: str | None  # who speaks it now
    reader: str | None = None  # the recording's reader, when they agreed to be named


def voices_of(lesson: Lesson, root: Path, audio: Manifest) -> list[PartVoice]:
    """Every part of the lesson with who reads it now."""
    found = []
    for part in parts(lesson):
        recording = recordings.find(root, lesson.language, lesson.slug, part.number)
        track = audio.clip(lesson.slug, lesson.language, part.number)
        if recording is not None:
            state = "stale" if recording.is_stale(part.words) else "recorded"
        else:
            state = "synthetic" if track else "none"
        reader = recording.reader if recording is not None else None
        found.append(PartVoice(part, state, track.engine if track else None, reader))
    return found


def keep_recording(
    lesson: Lesson,
    number: int,
    data: bytes,
    root: Path,
    folder: Path,
    settings: Settings,
    reader: str | None = None,
) -> float:
    """Check and save a recording of one part, with the reader's name if they agreed to be
    named; its length in seconds. Raises uploads.Refused."""
    kept, suffix, seconds = uploads.accept(data, settings.bitrate)
    part = parts(lesson)[number]
    recordings.save(root, lesson.language, lesson.slug, number, kept, suffix, part.words, reader)
    voice_recording(lesson, number, root, folder, settings)
    return seconds
