"""The loudspeaker file joins a lesson's clips into one MP3 a player reads at one rate."""

import array
import math
from pathlib import Path

import pytest
from mutagen.mp3 import MP3

from trainer.speech import frames, loudspeaker, mp3
from trainer.speech.espeak import Espeak
from trainer.speech.manifest import Track


def tone(seconds: float, rate: int, bitrate: int) -> bytes:
    """A real MP3 of a 440 Hz tone, like a clip from another voice."""
    count = int(seconds * rate)
    samples = array.array(
        "h", (int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count))
    )
    return mp3.encode(samples.tobytes(), rate, bitrate)


def keep(folder: Path, name: str, data: bytes, engine: str) -> Track:
    (folder / name).write_bytes(data)
    return Track(name, engine, mp3.seconds(data), len(data))


def test_clips_of_two_sample_rates_are_resampled_to_one(tmp_path: Path):
    offline = Espeak(bitrate=24).speak("Bước một. Mở ứng dụng vê nê ai đi.", "vi", 1.0)
    google = tone(2.0, 24000, 48)  # Google's voice comes at 24 kHz
    assert {mp3.info(offline).info.sample_rate, mp3.info(google).info.sample_rate} == {16000, 24000}
    tracks = [keep(tmp_path, "a.mp3", offline, "espeak"), keep(tmp_path, "b.mp3", google, "google")]

    track = loudspeaker.build("bai", "vi", tracks, tmp_path, 24)

    joined = frames.walk((tmp_path / track.file).read_bytes())
    assert len({frame.rate for frame in joined}) == 1
    assert {frame.channels for frame in joined} == {1}
    expected = tracks[0].seconds + tracks[1].seconds + 2 * loudspeaker.PAUSE_SECONDS
    assert abs(frames.seconds(joined) - expected) < 0.2
    assert track.engine == "espeak+google"


def test_clips_of_one_rate_are_joined_frame_by_frame_without_encoding_again(tmp_path: Path):
    voice = Espeak(bitrate=24)
    first, second = voice.speak("Bước một.", "vi", 1.0), voice.speak("Bước hai.", "vi", 1.0)
    tracks = [keep(tmp_path, "a.mp3", first, "espeak"), keep(tmp_path, "b.mp3", second, "espeak")]

    track = loudspeaker.build("bai", "vi", tracks, tmp_path, 24)

    data = (tmp_path / track.file).read_bytes()
    assert mp3.frames_only(data).startswith(mp3.frames_only(first))
    assert mp3.frames_only(second) in data
    assert len({frame.rate for frame in frames.walk(data)}) == 1


GOOD = tone(0.5, 24000, 48)


def test_a_real_mp3_is_frames_from_start_to_end():
    assert 0.45 < frames.seconds(frames.walk(GOOD)) < 0.6


@pytest.mark.parametrize(
    "bad",
    [
        b"ID3" + bytes(7) + b"\xff\xfb" + bytes(400),  # a header, then nothing playable
        GOOD[:900] + b"noise" * 20 + GOOD[900:],  # frames broken in the middle
        b"<html>not audio</html>",
    ],
)
def test_a_file_that_only_starts_like_an_mp3_is_not_frames(bad):
    with pytest.raises(frames.NotFrames):
        frames.walk(bad)


def test_the_loudspeaker_file_says_in_its_tags_who_speaks(tmp_path: Path):
    voice = Espeak(bitrate=24).speak("Bước một.", "vi", 1.0)
    tracks = [
        keep(tmp_path, "a.mp3", voice, "espeak"),
        Track("a.mp3", "recorded", 1.0, len(voice), reader="Nguyễn Thị Hoa"),
    ]

    track = loudspeaker.build("bai", "vi", tracks, tmp_path, 24, title="Đặt mật khẩu an toàn")

    tags = MP3(tmp_path / track.file).tags
    assert str(tags["TIT2"]) == "Đặt mật khẩu an toàn"
    assert str(tags["TPE1"]) == "Giọng đọc: Nguyễn Thị Hoa và giọng máy"
    assert str(tags["COMM::vie"]) == "Giọng đọc: Nguyễn Thị Hoa; Giọng máy: espeak-ng"


def test_a_lesson_read_only_by_the_machine_says_giong_may(tmp_path: Path):
    voice = Espeak(bitrate=24).speak("Bước một.", "vi", 1.0)

    track = loudspeaker.build("bai", "vi", [keep(tmp_path, "a.mp3", voice, "espeak")], tmp_path, 24)

    assert str(MP3(tmp_path / track.file).tags["TPE1"]) == "Giọng máy"
