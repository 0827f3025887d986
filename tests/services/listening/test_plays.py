"""Play counts and the recording queue they order."""

from datetime import UTC, datetime

from trainer.content.catalog import load_catalog
from trainer.services.listening.plays import count_play, plays_in
from trainer.services.listening.recording_queue import recording_queue
from trainer.speech.espeak import Espeak
from trainer.speech.manifest import Manifest, Track

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def press(session, slug: str, part: int, times: int, language: str = "vi") -> None:
    for _ in range(times):
        count_play(session, slug, language, part, NOW)


def test_each_press_counts_one_play_per_part_and_language(app, session):
    press(session, "mat-khau", 1, 3)
    press(session, "mat-khau", 2, 1)
    press(session, "mat-khau", 1, 2, language="hmn")

    assert plays_in(session, "vi") == {("mat-khau", 1): 3, ("mat-khau", 2): 1}
    assert plays_in(session, "hmn") == {("mat-khau", 1): 2}


def test_the_queue_puts_stale_recordings_first_then_the_most_played(app, session, content):
    catalog, _ = load_catalog(content)
    folder = content / "media/giong-doc/vi/lua-dao"
    folder.mkdir(parents=True)
    (folder / "gioi-thieu.mp3").write_bytes(Espeak().speak("Một người đọc", "vi", 1.0))
    (folder / "gioi-thieu.txt").write_text("Words read before an edit.", encoding="utf-8")
    press(session, "mat-khau", 2, 5)
    press(session, "lua-dao", 1, 2)
    press(session, "lua-dao", 0, 1)
    audio = Manifest(clips={"mat-khau/vi/2": {"normal": Track("a.mp3", "espeak", 3.0, 900)}})

    queue = recording_queue(
        "vi", catalog.lessons_in("an-toan"), content, audio, plays_in(session, "vi")
    )

    order = [(item.lesson.slug, item.voice.part.number, item.plays) for item in queue.next]
    assert order == [
        ("lua-dao", 0, 1),  # stale: its words changed since it was recorded
        ("mat-khau", 2, 5),
        ("lua-dao", 1, 2),
        ("mat-khau", 0, 0),
        ("mat-khau", 1, 0),
    ]
    assert (queue.parts, queue.recorded, queue.stale, queue.waiting) == (5, 1, 1, 5)
    assert (queue.plays, queue.plays_recorded) == (8, 1)
