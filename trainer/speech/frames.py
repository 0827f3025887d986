"""MPEG audio frames, read header by header: is a file really MP3 from start to end?

A player needs every frame; a file that only starts like an MP3 (or has a few frames in
noise) is refused. The walk also tells each frame's sample rate, so a joined file can be
checked to hold one rate only.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.speech.mp3 import frames_only

# Layer III bitrates in kbps by index, for MPEG-1 and for MPEG-2 and 2.5.
BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


class NotFrames(ValueError):
    """The bytes are not a run of MP3 frames; str(error) says where it breaks."""


@dataclass(frozen=True)
class Frame:
    rate: int  # samples per second
    channels: int
    samples: int  # per channel


def walk(data: bytes) -> list[Frame]:
    """Every frame of an MP3 (ID3 tags aside); NotFrames unless frames run end to end."""
    data = frames_only(data)
    frames, at = [], 0
    while at + 4 <= len(data):
        frame, length = _header(data[at : at + 4])
        if frame is None:
            if frames and not data[at:].strip(b"\0"):
                break  # zero padding after the last frame
            raise NotFrames(f"no MP3 frame at byte {at}")
        frames.append(frame)
        at += length
    if not frames:
        raise NotFrames("no MP3 frames")
    return frames


def seconds(frames: list[Frame]) -> float:
    return sum(frame.samples / frame.rate for frame in frames)


def _header(head: bytes) -> tuple[Frame | None, int]:
    if head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return None, 0
    version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    bitrate_index, rate_index = head[2] >> 4, (head[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None, 0  # reserved values, free format, or not Layer III
    mpeg1 = version == 3
    bitrate = BITRATES[1 if mpeg1 else 2][bitrate_index] * 1000
    rate = RATES[version][rate_index]
    padding = (head[2] >> 1) & 1
    samples = 1152 if mpeg1 else 576
    length = samples // 8 * bitrate // rate + padding
    channels = 1 if head[3] >> 6 == 3 else 2
    return Frame(rate, channels, samples), length
