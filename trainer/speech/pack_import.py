"""Taking in an audio pack: every clip checked, fresh ones added to the build.

Each clip must be real audio (an MP3 made of frames end to end, or a recording a phone
saves), at most 5 MB and 2 minutes, and read the lesson's current words: a clip whose
words changed since the pack was made is skipped and counted as stale. A person's
recording is never replaced by a machine voice, and a better voice by a lesser one.
Refusals are short Vietnamese sentences, shown by the command and on the site alike.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import BinaryIO

from trainer.content.catalog import Catalog
from trainer.speech import frames, manifest, mp3, recordings, uploads
from trainer.speech.engines import clip_name, write_atomically
from trainer.speech.manifest import SPEEDS, Manifest, Track
from trainer.speech.packs import CLIP_FILE, FORMAT, INDEX, RECORDED, Clip, digest, spoken_words
from trainer.speech.stage import Part, Settings, parts, recorded_speeds, rejoin
from trainer.speech.text import Pronunciations

MACHINE_VOICES = ("google", "espeak")
MAX_CLIPS = 10_000  # a pack of every lesson in every language has a few thousand
MAX_PACK_BYTES = 500 * 1024 * 1024  # what the site takes in one upload
MAX_INDEX_BYTES = 20 * 1024 * 1024


class NotAPack(ValueError):
    """The file is not an audio pack at all; str(error) says so in Vietnamese."""


class _Skip(Exception):
    def __init__(self, kind: str, why: str = ""):
        super().__init__(why)
        self.kind, self.why = kind, why


@dataclass
class Imported:
    added: int = 0  # clips now in the build
    already: int = 0  # the build had these clips already
    stale: int = 0  # the lesson's words changed since the pack was made
    kept: int = 0  # a recording or a better voice was kept instead
    unknown: int = 0  # parts of lessons this server does not have
    repeated: int = 0  # entries naming a part, or a file, an earlier entry named: read once
    refused: list[str] = field(default_factory=list)  # "key (speed): why", one per clip


def import_pack(
    source: Path | BinaryIO,
    catalog: Catalog,
    root: Path,
    folder: Path,
    table: Pronunciations,
    settings: Settings,
) -> Imported:
    """Check every clip of the pack and add the good, fresh ones to the build in folder."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise NotAPack(
            "Tệp này không phải là gói âm thanh (tệp .zip do trainer làm ra)."
        ) from error
    with archive:
        listed = _index(archive)
        known = {part.key: part for lesson in catalog.lessons.values() for part in parts(lesson)}
        with manifest.locked(folder):  # as uploads and builds: no writer undoes another
            built = manifest.load(folder)
            report, touched, seen = Imported(), set(), set()
            for raw in listed:
                clip = _clip(raw)
                part = known.get(clip.key) if clip else None
                if clip is not None and part is None:
                    report.unknown += 1
                    continue
                if clip is not None and ({(clip.key, clip.speed), clip.file} & seen):
                    report.repeated += 1  # a pack listing one file 50,000 times reads it once
                    continue
                if clip is not None:
                    seen |= {(clip.key, clip.speed), clip.file}
                try:
                    if clip is None:
                        raise _Skip("refused", "mục này trong gói bị hỏng")
                    data, seconds = _checked(clip, part, archive, table, settings)
                    kind = _add(clip, part, data, seconds, root, folder, settings, built)
                except _Skip as skip:
                    if skip.kind == "refused":
                        where = f"{clip.key} ({clip.speed})" if clip else "?"
                        report.refused.append(f"{where}: {skip.why}")
                        continue
                    kind = skip.kind
                setattr(report, kind, getattr(report, kind) + 1)
                if kind == "added":
                    touched.add((part.lesson.slug, part.lesson.language))
            for slug, language in sorted(touched):
                rejoin(catalog.lessons[(slug, language)], built, folder, settings.bitrate)
            built.save(folder)
    return report


def _index(archive: zipfile.ZipFile) -> list:
    try:
        info = archive.getinfo(INDEX)
        if info.file_size > MAX_INDEX_BYTES:
            raise NotAPack("Danh sách trong gói quá lớn.")
        data = json.loads(archive.read(INDEX))
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise NotAPack("Gói này thiếu danh sách pack.json hoặc danh sách bị hỏng.") from error
    if len(archive.infolist()) > MAX_CLIPS + 1:
        raise NotAPack(f"Gói có quá nhiều tệp; tối đa là {MAX_CLIPS}.")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotAPack("Tệp .zip này không phải là gói âm thanh của trainer.")
    clips = data.get("clips")
    if not isinstance(clips, list):
        raise NotAPack("Danh sách trong gói bị hỏng.")
    if len(clips) > MAX_CLIPS:
        raise NotAPack(f"Gói có quá nhiều mục; tối đa là {MAX_CLIPS}.")
    return clips


def _clip(raw) -> Clip | None:
    names = {f.name for f in fields(Clip)}
    if not isinstance(raw, dict) or not names - {"reader"} <= set(raw) <= names:
        return None
    try:
        clip = Clip(**raw)
        float(clip.factor), float(clip.seconds)
    except (TypeError, ValueError):
        return None
    texts = (clip.key, clip.speed, clip.file, clip.voice, clip.voice_detail, clip.words)
    if clip.reader is not None and not isinstance(clip.reader, str):
        return None
    return clip if all(isinstance(text, str) for text in texts) else None


def _checked(clip: Clip, part: Part, archive, table, settings) -> tuple[bytes, float]:
    """The clip's bytes and length once every check passes; _Skip otherwise."""
    if clip.speed not in SPEEDS or clip.voice not in (RECORDED, *MACHINE_VOICES):
        raise _Skip("refused", "tốc độ hoặc giọng đọc không rõ")
    if not CLIP_FILE.fullmatch(clip.file):
        raise _Skip("refused", "tên tệp không hợp lệ")
    try:
        info = archive.getinfo(clip.file)
        if info.file_size > uploads.MAX_BYTES:
            raise _Skip(
                "refused", f"tệp quá lớn ({info.file_size // 1024 // 1024} MB); tối đa là 5 MB"
            )
        data = archive.read(clip.file)
    except KeyError:
        raise _Skip("refused", "gói thiếu tệp này") from None
    except zipfile.BadZipFile:
        raise _Skip("refused", "tệp bị hỏng trong gói") from None
    seconds = _seconds(data, Path(clip.file).suffix, machine=clip.voice != RECORDED)
    if seconds > uploads.MAX_SECONDS:
        raise _Skip("refused", f"dài {round(seconds)} giây; tối đa là 2 phút")
    words = part.words if clip.voice == RECORDED else spoken_words(part, table)
    if digest(words) != clip.words:
        raise _Skip("stale")
    name = Path(clip.file).name
    if clip.voice == RECORDED:
        expected = hashlib.sha256(data).hexdigest()[:20] + Path(name).suffix
    else:
        factor = 1.0 if clip.speed == "normal" else settings.slow
        if abs(clip.factor - factor) > 0.001:
            raise _Skip("refused", f"đọc chậm ở tốc độ {clip.factor}, máy này dùng {factor}")
        expected = clip_name(words, part.lesson.language, clip.voice, clip.voice_detail, factor)
    if name != expected:
        raise _Skip("refused", "tên tệp không khớp với nội dung")
    return data, seconds


def _seconds(data: bytes, suffix: str, machine: bool) -> float:
    """How long the clip plays; _Skip unless it is real audio of the kind its name says."""
    if suffix == ".mp3":
        try:
            return frames.seconds(frames.walk(data))
        except frames.NotFrames:
            raise _Skip("refused", "không phải tệp MP3 thật (không có khung MP3)") from None
    kinds = {".m4a": ".m4a", ".ogg": ".ogg", ".opus": ".ogg", ".wav": ".wav"}
    if machine or uploads.sniff(data) != kinds.get(suffix):
        raise _Skip("refused", "không phải tệp âm thanh đúng loại")
    seconds = mp3.any_seconds(data)
    if seconds <= 0:
        raise _Skip("refused", "không đọc được tệp âm thanh này")
    return seconds


def _add(clip, part, data, seconds, root, folder, settings, built: Manifest) -> str:
    """Put one checked clip in the build; what happened: "added", "already" or "kept"."""
    language, slug, number = part.lesson.language, part.lesson.slug, part.number
    local = recordings.find(root, language, slug, number)
    current = built.clips.get(part.key, {}).get(clip.speed)
    name = Path(clip.file).name
    if clip.voice == RECORDED:
        if clip.speed != "normal":
            return "already"  # the slow version is the same file, slowed by the player
        if local is not None and not local.is_stale(part.words):
            return "already" if local.path.read_bytes() == data else "kept"
        suffix = Path(name).suffix
        recordings.save(root, language, slug, number, data, suffix, part.words, clip.reader)
        built.stale = [key for key in built.stale if key != part.key]
        built.clips[part.key] = recorded_speeds(part, root, folder, settings.slow, built)
        return "added"
    if local is not None or (current and current.engine == RECORDED):
        return "kept"  # never a machine voice over a person's
    if current and current.file == name and (folder / name).is_file():
        return "already"
    if current and _rank(current.engine, settings) < _rank(clip.voice, settings):
        return "kept"
    write_atomically(folder / name, data)
    built.clips.setdefault(part.key, {})[clip.speed] = Track(
        name, clip.voice, round(seconds, 2), len(data)
    )
    return "added"


def _rank(engine: str, settings: Settings) -> int:
    order = [RECORDED, *settings.engines]
    return order.index(engine) if engine in order else len(order)
