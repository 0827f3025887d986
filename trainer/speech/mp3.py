"""Small mono MP3s: encoding PCM with LAME (the lameenc wheel), decoding with miniaudio, and
reading back what we made."""

from __future__ import annotations

import io

import lameenc
import miniaudio
import mutagen
from mutagen import MutagenError
from mutagen.mp3 import MP3


class NotAudio(ValueError):
    """The bytes are not an MP3 stream a player could decode."""


def encode(pcm: bytes, rate: int, bitrate: int) -> bytes:
    """16-bit mono PCM at `rate` Hz → constant-bitrate MP3 at `bitrate` kbps."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(5)
    return bytes(encoder.encode(pcm) + encoder.flush())


def decode(data: bytes, rate: int) -> bytes:
    """An MP3 as 16-bit mono PCM at `rate` Hz, resampled whatever rate it was made at."""
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


def any_seconds(data: bytes) -> float:
    """Duration of an MP3, M4A, Ogg or WAV recording; 0 when it cannot be told."""
    try:
        found = mutagen.File(io.BytesIO(data))
    except (MutagenError, ValueError, EOFError):
        return 0.0
    length = getattr(getattr(found, "info", None), "length", 0) or 0
    return round(float(length), 2)
