"""A recording received by one server is played by every other: the database is the one copy."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from tests.factories import copy_content
from trainer import database
from trainer.content.catalog import load_catalog
from trainer.models import utcnow
from trainer.services.listening import shared_voices
from trainer.speech import manifest, uploads
from trainer.speech.recordings import find
from trainer.speech.stage import Settings


def voice(seconds: float) -> bytes:
    """A checked recording (WAV in, MP3 out), as an upload leaves it."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(bytes(2 * int(16000 * seconds)))
    return uploads.accept(buffer.getvalue())[0]


def server(tmp_path: Path, name: str) -> shared_voices.LocalCopy:
    """One server's own content checkout, build folder and instance folder."""
    content = copy_content(tmp_path / name / "content")
    catalog, _ = load_catalog(content)
    return shared_voices.LocalCopy(
        root=content,
        built=tmp_path / name / "build" / "audio",
        folder=tmp_path / name / "instance" / "unbuilt" / "audio",
        marker=tmp_path / name / "instance" / "giong-doc-da-chep",
        settings=Settings(["espeak"]),
        lessons=catalog.lessons,
    )


def recorded_file(copy: shared_voices.LocalCopy, number: int) -> str | None:
    track = manifest.load(copy.folder).clip("mat-khau", "hmn", number)
    return track.file if track and track.engine == "recorded" else None


@pytest.fixture
def session(migrated_database, tmp_path):
    path = tmp_path / "shared.sqlite"
    path.write_bytes(migrated_database.read_bytes())
    engine = database.make_engine(f"sqlite:///{path}")
    with Session(engine) as session:
        yield session
    engine.dispose()


def keep(session, copy: shared_voices.LocalCopy, number: int, data: bytes) -> None:
    lesson = copy.lessons[("mat-khau", "hmn")]
    shared_voices.store(session, lesson, number, data, ".mp3", utcnow())
    shared_voices.catch_up(session, copy)


def test_a_recording_received_by_one_server_is_played_by_another(session, tmp_path):
    first, second = server(tmp_path, "may-1"), server(tmp_path, "may-2")
    keep(session, first, 1, voice(1.0))

    copied = shared_voices.catch_up(session, second)

    assert copied == 1
    assert recorded_file(second, 1) == recorded_file(first, 1) is not None
    assert find(second.root, "hmn", "mat-khau", 1).is_stale("anything else") is True


def test_the_readers_name_travels_with_the_recording(session, tmp_path):
    first, second = server(tmp_path, "may-1"), server(tmp_path, "may-2")
    lesson = first.lessons[("mat-khau", "hmn")]
    shared_voices.store(session, lesson, 1, voice(1.0), ".mp3", utcnow(), "  Vàng   Seo Mua ")

    shared_voices.catch_up(session, second)

    assert find(second.root, "hmn", "mat-khau", 1).reader == "Vàng Seo Mua"


def test_the_newest_recording_wins_on_every_server_whichever_received_it(session, tmp_path):
    first, second = server(tmp_path, "may-1"), server(tmp_path, "may-2")
    keep(session, first, 2, voice(1.0))
    keep(session, second, 2, voice(2.0))  # recorded again, on the other server, before
    newest = recorded_file(second, 2)  # the first has looked

    shared_voices.catch_up(session, first)
    shared_voices.catch_up(session, second)

    assert recorded_file(first, 2) == recorded_file(second, 2) == newest


def test_looking_again_copies_nothing_already_copied(session, tmp_path):
    first, second = server(tmp_path, "may-1"), server(tmp_path, "may-2")
    keep(session, first, 1, voice(1.0))
    shared_voices.catch_up(session, second)

    assert shared_voices.catch_up(session, second) == 0
    assert shared_voices.copied(second) == shared_voices.newest(session)


def test_a_recording_of_a_lesson_a_server_does_not_have_is_passed_over(session, tmp_path):
    first, second = server(tmp_path, "may-1"), server(tmp_path, "may-2")
    keep(session, first, 1, voice(1.0))
    lacking = shared_voices.LocalCopy(
        second.root, second.built, second.folder, second.marker, second.settings, lessons={}
    )

    shared_voices.catch_up(session, lacking)

    assert recorded_file(lacking, 1) is None
    assert shared_voices.copied(lacking) == shared_voices.newest(session)
