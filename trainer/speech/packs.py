"""Audio packs: the voices one machine made, in one file another machine can take in.

A pack is a zip: `pack.json` lists every clip (the part it reads, its speed, who speaks it,
a hash of the words it reads, its length) and `clips/` holds the files, named as the build
names them. A machine voice's clip is named by a hash of its text, voice and speed
(`engines.clip_name`), so the importing build finds it in its cache and keeps it; a
person's recording carries the words read. Nothing here imports Flask or SQLAlchemy.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from trainer.content.catalog import Catalog
from trainer.speech import manifest, recordings
from trainer.speech.engines import Engine, clip_name
from trainer.speech.errors import EngineDown
from trainer.speech.stage import Part, Settings, parts
from trainer.speech.text import Pronunciations, speakable

INDEX = "pack.json"
FORMAT = "trainer-audio-pack"
VERSION = 1
RECORDED = "recorded"
CLIP_FILE = re.compile(r"clips/[0-9a-f]{20}\.(?:mp3|m4a|ogg|opus|webm|wav)")


@dataclass(frozen=True)
class Clip:
    """One file of a pack, as pack.json lists it."""

    key: str  # "slug/language/part"
    speed: str  # "normal" or "slow"
    file: str  # "clips/<name>"
    voice: str  # "recorded", "google", "espeak"
    voice_detail: str  # the engine's voice ("gtts", "espeak-ng 1.52 24kbps"); "" if recorded
    factor: float  # the speed it was synthesised at (1.0, or the slow factor)
    words: str  # sha256 of the words read: the speech text, or what the reader read
    seconds: float
    reader: str | None = None  # a recording's reader, when they agreed to be named


@dataclass(frozen=True)
class Exported:
    clips: int
    files: int
    skipped: list[str]  # parts left out, and why


def digest(words: str) -> str:
    return hashlib.sha256(" ".join(words.split()).encode()).hexdigest()


def spoken_words(part: Part, table: Pronunciations) -> str:
    """What a machine voice reads for the part: its speech text."""
    return speakable(part.words, part.lesson.language, table)


def export_pack(
    pack: Path,
    catalog: Catalog,
    root: Path,
    folder: Path,
    table: Pronunciations,
    engines: list[Engine],
    settings: Settings,
    *,
    language: str | None = None,
    topic: str | None = None,
    since: Path | None = None,
) -> Exported:
    """Write the built and recorded audio of the chosen lessons (all by default) into pack;
    since: a server's folder of voices taken in after the build, laid over it."""
    built = manifest.load(folder)
    if since is not None:
        built = manifest.overlaid(built, manifest.load(since), manifest.fingerprint(folder))
    places = (folder, since) if since is not None else (folder,)
    clips: list[Clip] = []
    skipped: list[str] = []
    for part in _chosen_parts(catalog, language, topic):
        speeds = built.clips.get(part.key)
        if speeds:
            found, why = _clips_of(part, speeds, root, table, engines, settings)
            clips += found
            skipped += [f"{part.key}: {why}"] if why else []
    files = sorted({clip.file for clip in clips})
    pack.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(pack, "w", zipfile.ZIP_STORED) as archive:  # MP3 does not compress
        index = {"format": FORMAT, "version": VERSION, "clips": [asdict(c) for c in clips]}
        archive.writestr(INDEX, json.dumps(index, ensure_ascii=False, indent=1))
        for name in files:
            bare = name.removeprefix("clips/")
            archive.write(manifest.locate(bare, places) or folder / bare, name)
    return Exported(len(clips), len(files), skipped)


def _chosen_parts(catalog: Catalog, language: str | None, topic: str | None) -> Iterator[Part]:
    for (_, code), lesson in sorted(catalog.lessons.items()):
        if (language is None or code == language) and (topic is None or lesson.topic == topic):
            yield from parts(lesson)


def _clips_of(part, speeds, root, table, engines, settings) -> tuple[list[Clip], str | None]:
    """The pack's clips for one part, or why the part is left out."""
    normal = speeds["normal"]
    if normal.engine == RECORDED:
        found = recordings.find(root, part.lesson.language, part.lesson.slug, part.number)
        if found is None or found.said is None:
            return [], "the recording's words (.txt) are missing"
        clip = Clip(
            key=part.key,
            speed="normal",  # the slow version is the same file, slowed by the player
            file=f"clips/{normal.file}",
            voice=RECORDED,
            voice_detail="",
            factor=1.0,
            words=digest(found.said),
            seconds=normal.seconds,
            reader=found.reader,
        )
        return [clip], None
    text = spoken_words(part, table)
    clips = []
    for speed, track in sorted(speeds.items()):
        factor = 1.0 if speed == "normal" else settings.slow
        voice = _voice_of(track.engine, engines)
        made = voice and clip_name(text, part.lesson.language, track.engine, voice, factor)
        if made != track.file:
            return [], "the words changed since the last `trainer build`; build first"
        clips.append(
            Clip(
                key=part.key,
                speed=speed,
                file=f"clips/{track.file}",
                voice=track.engine,
                voice_detail=voice,
                factor=factor,
                words=digest(text),
                seconds=track.seconds,
            )
        )
    return clips, None


def _voice_of(name: str, engines: list[Engine]) -> str | None:
    for engine in engines:
        if engine.name == name:
            try:
                return engine.voice
            except EngineDown:
                return None
    return None
