"""Small mono MP3s: encoding PCM with LAME (the lameenc wheel), decoding with miniaudio, and
reading back what we made.

The three libraries are imported by the functions that use them: a server imports this
module for its error class and frame arithmetic, and encodes or decodes only when someone
uploads a recording.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mutagen.mp3 import MP3


class NotAudio(ValueError):
    """The bytes are not an MP3 stream a player could decode."""


def encode(pcm: bytes, rate: int, bitrate: int) -> bytes:
    """16-bit mono PCM at `rate` Hz → constant-bitrate MP3 at `bitrate` kbps."""
    import lameenc

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(5)
    return bytes(encoder.encode(pcm) + encoder.flush())


def decode(data: bytes, rate: int) -> bytes:
    """An MP3 as 16-bit mono PCM at `rate` Hz, resampled whatever rate it was made at."""
    import miniaudio

    try:
        sound = miniaudio.decode(
            data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1, sample_rate=rate
        )
    except miniaudio.DecodeError as error:
        raise NotAudio(str(error) or "cannot be decoded") from error
    return sound.samples.tobytes()


def silence(seconds: float, rate: int, bitrate: int) -> bytes:
    """A pause, encoded like the speech around it."""
    return encode(bytes(2 * int(rate * seconds)), rate, bitrate)


def info(data: bytes) -> MP3:
    """The stream's duration, sample rate and bitrate; NotAudio when it has no MP3 frames."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3

    try:
        return MP3(io.BytesIO(data))
    except (MutagenError, ValueError, EOFError) as error:
        raise NotAudio(str(error) or "no MP3 frames") from error


def seconds(data: bytes) -> float:
    return round(info(data).info.length, 2)


def frames_only(data: bytes) -> bytes:
    """The MP3 frames without ID3 tags, so several streams can be joined end to end."""
    if data[:3] == b"ID3" and len(data) > 10:
        size = 0
        for byte in data[6:10]:
            size = (size << 7) | (byte & 0x7F)
        footer = 10 if data[5] & 0x10 else 0
        data = data[10 + size + footer :]
    if data[-128:-125] == b"TAG":
        data = data[:-128]
    return data


# kbps by MPEG version (1, or 2 and 2.5) and layer; index 0 ("free") and 15 are not used.
BITRATES = {
    (1, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (2, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _frame(data: bytes, at: int) -> tuple[int, int, int] | None:
    """(length in bytes, samples, sample rate) of the MPEG audio frame at `at`, if one is."""
    if at + 4 > len(data) or data[at] != 0xFF or data[at + 1] & 0xE0 != 0xE0:
        return None
    version, layer = (data[at + 1] >> 3) & 3, 4 - ((data[at + 1] >> 1) & 3)
    bitrate_index, rate_index = data[at + 2] >> 4, (data[at + 2] >> 2) & 3
    if version == 1 or layer == 4 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    kbps = BITRATES[(1 if version == 3 else 2, layer)][bitrate_index]
    rate, padding = RATES[version][rate_index], (data[at + 2] >> 1) & 1
    if layer == 1:
        return (12 * kbps * 1000 // rate + padding) * 4, 384, rate
    samples = 1152 if layer == 2 or version == 3 else 576
    return samples // 8 * kbps * 1000 // rate + padding, samples, rate


def frame_seconds(data: bytes) -> float:
    """How long the MP3 really plays: every frame present is counted, whatever a header
    (Xing, VBRI, ID3) claims. Bytes between frames are skipped; 0 when there are none."""
    at, samples, rate = len(data) - len(frames_only(data)), 0, 0
    end = at + len(frames_only(data))
    while at < end:
        frame = _frame(data, at)
        if frame is None or (rate and frame[2] != rate) or at + frame[0] > end:
            found = data.find(b"\xff", at + 1, end)  # look for the next frame
            at = found if found >= 0 else end
            continue
        at, samples, rate = at + frame[0], samples + frame[1], frame[2]
    return round(samples / rate, 2) if rate else 0.0


def any_seconds(data: bytes) -> float:
    """Duration of an MP3, M4A, Ogg or WAV recording; 0 when it cannot be told."""
    import mutagen
    from mutagen import MutagenError

    try:
        found = mutagen.File(io.BytesIO(data))
    except (MutagenError, ValueError, EOFError):
        return 0.0
    length = getattr(getattr(found, "info", None), "length", 0) or 0
    return round(float(length), 2)
