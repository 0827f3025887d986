"""Recorded voiceovers: which parts of a lesson have a person's voice, and keeping a new one.

Plain values in, plain values out: the content root, the audio folder, a lesson. A new
recording is checked (trainer.speech.uploads) and stored in the database for every server;
each copies it into its media/giong-doc/ and audio manifest
(trainer.services.listening.shared_voices).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from trainer.content.model import Lesson
from trainer.services.listening import shared_voices
from trainer.speech import recordings, uploads
from trainer.speech.manifest import Manifest
from trainer.speech.stage import Part, Settings, parts


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
    session: Session,
    lesson: Lesson,
    number: int,
    data: bytes,
    settings: Settings,
    now: datetime,
    reader: str | None = None,
) -> float:
    """Check a recording of one part and keep it for every server, with the reader's name if
    they agreed to be named; its length in seconds.

    Raises uploads.Refused. Each server then copies it to its disk (services.shared_voices).
    """
    kept, suffix, seconds = uploads.accept(data, settings.bitrate)
    shared_voices.store(session, lesson, number, kept, suffix, now, reader)
    return seconds
