"""The loudspeaker file: a whole lesson in one MP3, for the commune loudspeaker and Zalo.

The title and intro, then each step, with a short pause between them, joined from the
lesson's normal-speed clips (no second synthesis). Named by a hash of what it joins.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from trainer.speech import mp3
from trainer.speech.engines import write_atomically
from trainer.speech.manifest import Track

PAUSE_SECONDS = 1.5


def build(
    slug: str, language: str, tracks: list[Track], folder: Path, bitrate: int
) -> Track | None:
    """Join the tracks into one file; None when a part is missing or is not an MP3."""
    if not tracks or any(not track.file.endswith(".mp3") for track in tracks):
        return None
    key = "\0".join([*(track.file for track in tracks), str(PAUSE_SECONDS), str(bitrate)])
    name = f"loa-{slug}-{language}-{hashlib.sha256(key.encode()).hexdigest()[:10]}.mp3"
    path = folder / name
    if not path.is_file():
        write_atomically(path, _joined(tracks, folder, bitrate))
    data = path.read_bytes()
    engines = sorted({track.engine for track in tracks})
    return Track(name, "+".join(engines), mp3.seconds(data), len(data))


def _joined(tracks: list[Track], folder: Path, bitrate: int) -> bytes:
    pieces = []
    for track in tracks:
        data = (folder / track.file).read_bytes()
        rate = mp3.info(data).info.sample_rate
        pieces += [mp3.frames_only(data), mp3.silence(PAUSE_SECONDS, rate, bitrate)]
    return b"".join(pieces)
