"""Recordings are measured by their audio, never by what a header claims."""

from __future__ import annotations

import io
import wave

import pytest

from trainer.speech import mp3, uploads
from trainer.speech.espeak import Espeak

VOICE = Espeak().speak("Một người đọc bước này thật chậm", "vi", 1.0)


def wav(seconds: float, claimed_frames: int | None = None, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(2 * int(rate * seconds)))
    data = bytearray(buffer.getvalue())
    if claimed_frames is not None:  # the header's data size, as a broken recorder writes it
        data[40:44] = (2 * claimed_frames).to_bytes(4, "little")
    return bytes(data)


def with_xing_header(data: bytes, frames: int) -> bytes:
    """The MP3 with a Xing header in its first frame claiming `frames` frames."""
    data = bytearray(data)
    offset = 4 + 9  # after the frame header and an MPEG-2 mono frame's side information
    data[offset : offset + 12] = b"Xing" + (1).to_bytes(4, "big") + frames.to_bytes(4, "big")
    return bytes(data)


def test_a_long_mp3_whose_header_claims_two_seconds_is_measured_by_its_frames():
    long = with_xing_header(mp3.silence(300, 16000, 24), frames=60)
    assert mp3.seconds(long) < 3  # what the header says

    with pytest.raises(uploads.Refused, match="dài 300 giây"):
        uploads.accept(long)


@pytest.mark.parametrize(
    "data",
    [wav(1 / 16000), wav(0.5), mp3.silence(0.4, 16000, 24)],
    ids=["one sample of WAV", "half a second of WAV", "a short MP3"],
)
def test_a_recording_under_a_second_is_refused(data):
    with pytest.raises(uploads.Refused, match="ngắn quá"):
        uploads.accept(data)


def test_a_wav_is_measured_by_the_samples_it_holds_not_its_header():
    _, suffix, seconds = uploads.accept(wav(2, claimed_frames=16000 * 500))

    assert suffix == ".mp3" and seconds == pytest.approx(2, abs=0.1)


def test_a_spoken_step_is_kept_with_its_real_length():
    kept, suffix, seconds = uploads.accept(VOICE)

    assert (kept, suffix) == (VOICE, ".mp3")
    assert seconds == pytest.approx(mp3.seconds(VOICE), abs=0.05)


def test_bytes_between_frames_are_skipped_not_counted():
    data = mp3.silence(2, 16000, 24)
    broken = data[:500] + b"\x00" * 3000 + data[500:]

    assert mp3.frame_seconds(broken) == pytest.approx(mp3.frame_seconds(data), abs=0.01)
