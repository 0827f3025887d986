"""Recorded voices every server sees: kept in the database, copied onto each server's disk.

An upload is stored as a row, replacing that part's earlier one. Each server then copies
the rows it has not seen yet into its own media/giong-doc/ and the manifest of the audio it
took in since the build (`catch_up`), where lesson pages, `trainer build` and the audio
stage find them; the build's own folder is never written.
Rows are copied in id order and a replaced row is gone, so every server ends with the
newest recording of each part, whichever server received which. A marker file in the
instance folder says how far this server has copied; a lock file beside it keeps the
server's own processes from copying at the same moment.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.content.model import Lesson
from trainer.database import begin_write
from trainer.models import VoiceRecording
from trainer.speech import recordings
from trainer.speech.stage import Settings, parts, voice_recording


@dataclass(frozen=True)
class LocalCopy:
    """Where one server keeps its copy of the recordings, and what it can play them in."""

    root: Path  # the content folder: media/giong-doc/ is under it
    built: Path  # the build's audio folder with its manifest: only read
    folder: Path  # this server's audio since the build, with its own manifest
    marker: Path  # holds the newest row id copied so far
    settings: Settings
    lessons: Mapping[tuple[str, str], Lesson]  # (slug, language) -> lesson


def store(
    session: Session,
    lesson: Lesson,
    number: int,
    data: bytes,
    suffix: str,
    now: datetime,
    reader: str | None = None,
) -> int:
    """Keep a checked recording of one part (and who reads it) for every server; its row id."""
    words = parts(lesson)[number].words
    # Under the write lock ids are handed out in commit order, so a server that copied up
    # to id n never misses a row with a smaller id committed later.
    begin_write(session)
    session.execute(
        sa.delete(VoiceRecording).where(
            VoiceRecording.language == lesson.language,
            VoiceRecording.slug == lesson.slug,
            VoiceRecording.part == number,
        )
    )
    row = VoiceRecording(
        language=lesson.language,
        slug=lesson.slug,
        part=number,
        suffix=suffix,
        audio=data,
        said=words,
        reader=" ".join(reader.split())[:80] if reader and reader.strip() else None,
        recorded_at=now,
    )
    session.add(row)
    session.commit()
    return row.id


def newest(session: Session) -> int:
    """The id of the newest recording stored by any server; 0 when there is none."""
    return session.scalar(sa.select(sa.func.max(VoiceRecording.id))) or 0


def copied(copy: LocalCopy) -> int:
    """The newest row id this server has copied."""
    try:
        return int(copy.marker.read_text())
    except (OSError, ValueError):
        return 0


def catch_up(session: Session, copy: LocalCopy) -> int:
    """Copy every recording stored since this server last did; how many were copied."""
    with _locked(copy.marker.with_name(copy.marker.name + ".lock")):
        since = copied(copy)
        rows = session.execute(
            sa.select(VoiceRecording.id, VoiceRecording.slug, VoiceRecording.language)
            .where(VoiceRecording.id > since)
            .order_by(VoiceRecording.id)
        ).all()
        for row_id, slug, language in rows:
            lesson = copy.lessons.get((slug, language))
            if lesson is not None:
                _copy_one(session, row_id, lesson, copy)
        if rows:
            copy.marker.parent.mkdir(parents=True, exist_ok=True)
            copy.marker.write_text(str(rows[-1].id))
        return len(rows)


def _copy_one(session: Session, row_id: int, lesson: Lesson, copy: LocalCopy) -> None:
    # Plain columns, not an object the session would keep: each file's bytes go once written.
    found = session.execute(
        sa.select(
            VoiceRecording.part,
            VoiceRecording.suffix,
            VoiceRecording.audio,
            VoiceRecording.said,
            VoiceRecording.reader,
        ).where(VoiceRecording.id == row_id)
    ).first()
    if found is None:
        return  # replaced since it was listed: the newer row comes after it
    part, suffix, audio, said, reader = found
    if part > len(lesson.steps):
        return  # this server's copy of the lesson has fewer steps
    recordings.save(copy.root, lesson.language, lesson.slug, part, audio, suffix, said, reader)
    voice_recording(lesson, part, copy.root, copy.built, copy.folder, copy.settings)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
