"""Checking a voice recording someone uploads: real audio, small enough, long enough, short
enough.

The type is told from the bytes, never from the file name or the browser's word. WAV (what
the in-browser recorder sends) is encoded to a small MP3; MP3, M4A and Ogg are kept as they
are. The length is measured from the audio itself, never taken from a header: a WAV's
samples, an MP3's frames one by one; for M4A and Ogg the stated length must fit the bytes
(voice between 6 and 512 kbps). Each refusal is a short message in Vietnamese for the person
who sent the file.
"""

from __future__ import annotations

import io
import wave
from array import array

from trainer.speech import mp3

MAX_BYTES = 5 * 1024 * 1024
MAX_SECONDS = 120
MIN_SECONDS = 1
BITS_PER_SECOND = (6_000, 512_000)  # what any voice codec spends, low and high
KINDS = "MP3, M4A, OGG hoặc WAV"


class Refused(ValueError):
    """The upload cannot be kept; str(error) says why, in Vietnamese."""


def sniff(data: bytes) -> str | None:
    """The audio container by its first bytes: ".mp3", ".m4a", ".ogg", ".wav", or None."""
    if data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return ".mp3"
    if data[4:8] == b"ftyp":  # MPEG-4 audio, as phones' voice recorders save it
        return ".m4a"
    if data[:4] == b"OggS":
        return ".ogg"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return ".wav"
    return None


def accept(data: bytes, bitrate: int = 32) -> tuple[bytes, str, float]:
    """(bytes to keep, suffix, seconds) for a good recording; Refused otherwise."""
    if not data:
        raise Refused("Chưa có tệp nào. Hãy chọn hoặc ghi một tệp âm thanh.")
    if len(data) > MAX_BYTES:
        raise Refused(f"Tệp quá lớn ({len(data) // 1024 // 1024} MB). Tối đa là 5 MB.")
    suffix = sniff(data)
    if suffix is None:
        raise Refused(f"Tệp này không phải là âm thanh. Hãy gửi tệp {KINDS}.")
    if suffix == ".wav":
        data, suffix = _wav_to_mp3(data, bitrate), ".mp3"
    seconds = real_seconds(data, suffix)
    if seconds <= 0:
        raise Refused(f"Không đọc được tệp âm thanh này. Hãy gửi tệp {KINDS}.")
    if seconds < MIN_SECONDS:
        raise Refused("Bản ghi ngắn quá (dưới 1 giây). Hãy ghi lại cả bước.")
    if seconds > MAX_SECONDS:
        raise Refused(f"Bản ghi dài {round(seconds)} giây. Tối đa là 2 phút: hãy đọc gọn lại.")
    return data, suffix, seconds


def real_seconds(data: bytes, suffix: str) -> float:
    """How long the recording plays, measured from its audio; 0 when it cannot be told."""
    if suffix == ".mp3":
        return mp3.frame_seconds(data)
    stated = mp3.any_seconds(data)
    low, high = BITS_PER_SECOND
    if stated > 0 and not low <= len(data) * 8 / stated <= high:
        raise Refused(
            "Độ dài ghi trong tệp không khớp với phần âm thanh của nó. "
            "Hãy ghi lại, hoặc gửi tệp MP3 hay WAV."
        )
    return stated


def _wav_to_mp3(data: bytes, bitrate: int) -> bytes:
    try:
        with wave.open(io.BytesIO(data)) as source:
            channels, width, rate = (
                source.getnchannels(),
                source.getsampwidth(),
                source.getframerate(),
            )
            pcm = source.readframes(source.getnframes())  # what is there, whatever is claimed
    except (wave.Error, EOFError) as error:
        raise Refused(f"Không đọc được tệp WAV này. Hãy gửi tệp {KINDS}.") from error
    if width != 2 or channels not in (1, 2) or not 8000 <= rate <= 48000:
        raise Refused("Tệp WAV cần 16-bit, một hoặc hai kênh. Hãy gửi tệp MP3 hoặc M4A.")
    if (seconds := len(pcm) / (width * channels * rate)) > MAX_SECONDS:
        raise Refused(f"Bản ghi dài {round(seconds)} giây. Tối đa là 2 phút: hãy đọc gọn lại.")
    if channels == 2:
        samples = array("h", pcm)
        pcm = array("h", samples[0::2]).tobytes()  # the left channel is enough for a voice
    if not pcm:
        raise Refused("Bản ghi trống. Hãy ghi lại.")
    return mp3.encode(pcm, rate, bitrate)
