"""The loudspeaker file: a whole lesson in one MP3, for the commune loudspeaker and Zalo.

The title and intro, then each step, with a short pause between them, joined from the
lesson's normal-speed clips (no second synthesis). Named by a hash of what it joins.
Clips made at one sample rate are joined frame by frame; clips from different voices
(espeak-ng at 16 kHz, Google at 24 kHz, a phone's recording at 44.1 kHz) are decoded,
resampled to the highest rate among them and encoded once, so the file has one rate.
Its ID3 tags give the lesson's title and say who speaks (`speakers`).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from trainer.speech import mp3, speakers
from trainer.speech.engines import write_atomically
from trainer.speech.manifest import Track

PAUSE_SECONDS = 1.5


ALBUM = "Tổ Công nghệ số cộng đồng"
LANGUAGES = {"vi": "vie", "hmn": "hmn", "blt": "blt"}  # ISO 639-2/3 codes for the TLAN tag


def build(
    slug: str, language: str, tracks: list[Track], folder: Path, bitrate: int, title: str = ""
) -> Track | None:
    """Join the tracks into one file; None when a part is missing or is not an MP3."""
    if not tracks or any(not track.file.endswith(".mp3") for track in tracks):
        return None
    who, detail = speakers.who(tracks), speakers.detail(tracks)
    key = "\0".join(
        [*(track.file for track in tracks), str(PAUSE_SECONDS), str(bitrate), title, detail]
    )
    name = f"loa-{slug}-{language}-{hashlib.sha256(key.encode()).hexdigest()[:10]}.mp3"
    path = folder / name
    if not path.is_file():
        joined = _joined(tracks, folder, bitrate)
        write_atomically(path, _tagged(joined, title or slug, who, detail, language))
    data = path.read_bytes()
    engines = sorted({track.engine for track in tracks})
    return Track(name, "+".join(engines), mp3.seconds(data), len(data))


def _joined(tracks: list[Track], folder: Path, bitrate: int) -> bytes:
    clips = [(folder / track.file).read_bytes() for track in tracks]
    streams = [mp3.info(data).info for data in clips]
    if len({(stream.sample_rate, stream.channels) for stream in streams}) > 1:
        return _resampled(clips, max(stream.sample_rate for stream in streams), bitrate)
    pause = mp3.silence(PAUSE_SECONDS, streams[0].sample_rate, bitrate)
    return b"".join(piece for data in clips for piece in (mp3.frames_only(data), pause))


def _resampled(clips: list[bytes], rate: int, bitrate: int) -> bytes:
    """Every clip decoded to mono PCM at one rate, with the pauses, encoded as one stream."""
    pause = bytes(2 * int(rate * PAUSE_SECONDS))
    return mp3.encode(b"".join(mp3.decode(data, rate) + pause for data in clips), rate, bitrate)


def _tagged(data: bytes, title: str, who: str, detail: str, language: str) -> bytes:
    """The MP3 with ID3 tags: the lesson's title, who speaks (as artist) and the details."""
    from mutagen.id3 import COMM, ID3, TALB, TIT2, TLAN, TPE1  # only where files are made

    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TPE1(encoding=3, text=who))
    tags.add(TALB(encoding=3, text=ALBUM))
    tags.add(TLAN(encoding=3, text=LANGUAGES.get(language, language)))
    tags.add(COMM(encoding=3, lang="vie", desc="", text=detail))
    buffer = io.BytesIO(data)
    tags.save(buffer)
    return buffer.getvalue()
