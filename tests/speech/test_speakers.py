"""Who is speaking, in words a listener understands."""

from trainer.speech.manifest import Track
from trainer.speech.speakers import detail, who

GOOGLE = Track("a.mp3", "google", 1.0, 100)
ESPEAK = Track("b.mp3", "espeak", 1.0, 100)
HOA = Track("c.mp3", "recorded", 1.0, 100, reader="Nguyễn Thị Hoa")
UNNAMED = Track("d.mp3", "recorded", 1.0, 100)


def test_a_machine_voice_is_called_giong_may_whichever_engine_made_it():
    assert who([GOOGLE]) == who([ESPEAK]) == "Giọng máy"
    assert detail([GOOGLE, ESPEAK]) == "Giọng máy: Google, espeak-ng"


def test_a_recording_names_its_reader_only_when_they_agreed():
    assert who([HOA]) == "Giọng đọc: Nguyễn Thị Hoa"
    assert who([UNNAMED]) == "Giọng người đọc"


def test_a_lesson_read_partly_by_a_person_says_both():
    assert who([HOA, HOA, ESPEAK]) == "Giọng đọc: Nguyễn Thị Hoa và giọng máy"
    assert detail([HOA, ESPEAK]) == "Giọng đọc: Nguyễn Thị Hoa; Giọng máy: espeak-ng"
