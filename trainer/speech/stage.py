"""The audio stage of `trainer build`: every part of every lesson, in every language it can.

A part is the lesson's title and intro (part 0) or one step. Each gets a normal and a slow
version. A recording in media/giong-doc/ always wins; otherwise the voices are tried in the
order of the SPEECH_ENGINES setting. Files are named by content hash, so a second build with
no change synthesises nothing. Then one loudspeaker file per lesson and language, and a
coverage table per language and engine.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from trainer.content.catalog import Catalog
from trainer.content.model import Lesson
from trainer.speech import loudspeaker, manifest, mp3, recordings
from trainer.speech.engines import Voices, make_engines
from trainer.speech.errors import EngineDown
from trainer.speech.manifest import FILE, LOCK, Manifest, Track, locked
from trainer.speech.text import (
    Pronunciations,
    read_pronunciations,
    script,
    speakable,
    unknown_words,
)

AUDIO = "audio"


@dataclass(frozen=True)
class Part:
    lesson: Lesson
    number: int  # 0 = title and intro
    words: str  # what is read aloud, as written in the lesson

    @property
    def key(self) -> str:
        return f"{self.lesson.slug}/{self.lesson.language}/{self.number}"


def parts(lesson: Lesson) -> list[Part]:
    """The title and intro, then each step with its boxes."""
    intro = Part(lesson, 0, script(lesson.title, lesson.intro_text, [], 0, ""))
    return [intro] + [
        Part(
            lesson,
            step.number,
            script(
                step.title,
                step.text,
                [(box.kind, box.text) for box in step.boxes],
                step.number,
                lesson.language,
            ),
        )
        for step in lesson.steps
    ]


@dataclass(frozen=True)
class Settings:
    engines: list[str]
    bitrate: int = 24
    timeout: float = 5.0
    slow: float = 0.8

    @classmethod
    def of(cls, config: Mapping) -> Settings:
        names = config.get("SPEECH_ENGINES", ["espeak"])
        if isinstance(names, str):
            names = [name.strip() for name in names.split(",") if name.strip()]
        return cls(
            list(names),
            int(config.get("SPEECH_BITRATE", 24)),
            float(config.get("GTTS_TIMEOUT", 5)),
            float(config.get("SPEECH_SLOW", 0.8)),
        )


def audio_stage(config: Mapping):
    """The stage `trainer build` runs, configured from the app settings."""
    settings = Settings.of(config)
    root = Path(config["CONTENT_DIR"])

    def stage(catalog: Catalog, out: Path, report) -> None:
        try:
            engines = make_engines(
                settings.engines, bitrate=settings.bitrate, timeout=settings.timeout
            )
        except ValueError as error:
            report.say(f"Giọng đọc: chưa làm; xem lại TRAINER_SPEECH_ENGINES: {error}.")
            return
        voices = Voices(engines, out / AUDIO)
        table, problems = read_pronunciations(root)
        report.problems += problems  # `trainer check` lists them too
        build_audio(catalog, root, voices, table, settings, report)

    return stage


def build_audio(
    catalog: Catalog, root: Path, voices: Voices, table: Pronunciations, settings: Settings, report
) -> Manifest:
    """Voice every part, write the loudspeaker files and the manifest, report coverage."""
    folder = voices.folder
    folder.mkdir(parents=True, exist_ok=True)
    manifest = Manifest()
    every = [part for _, lesson in sorted(catalog.lessons.items()) for part in parts(lesson)]
    with click.progressbar(every, label="Giọng đọc", show_pos=True) as bar:
        for part in bar:
            if not _has_recording(part, root) and (
                speeds := _spoken(part, voices, table, settings.slow)
            ):
                manifest.clips[part.key] = speeds
    # Recordings are taken under the lock, so one uploaded during the build is kept.
    with locked(folder):
        for part in every:
            if speeds := recorded_speeds(part, root, folder, settings.slow, manifest):
                manifest.clips[part.key] = speeds
        for _, lesson in sorted(catalog.lessons.items()):
            rejoin(lesson, manifest, folder, settings.bitrate)
        manifest.save(folder)
        _prune(folder, manifest)
    _report(catalog, manifest, voices, settings, report)
    if unknown := _unknown(every, voices, table):
        report.say(
            "Giọng đọc: giọng máy có thể đọc sai những chữ này; ghi cách đọc vào "
            "lessons/pronunciation.yaml: " + ", ".join(unknown)
        )
    if english := _english(every, voices, table):
        report.say(
            "Giọng đọc: espeak-ng đọc những chữ này theo luật tiếng Anh; ghi cách viết tiếng "
            "Việt vào lessons/pronunciation.yaml (xem `trainer speech-text`): " + ", ".join(english)
        )
    for key in manifest.stale:
        report.say(f"Giọng đọc: bản ghi {key} cũ hơn lời trong bài; cần ghi lại.")
    return manifest


def _report(catalog: Catalog, manifest: Manifest, voices: Voices, settings: Settings, report):
    report.say(f"Giọng đọc: làm mới {voices.made} tệp, còn lại lấy sẵn trong {voices.folder}.")
    for line in coverage(catalog, manifest, ["recorded", *settings.engines]):
        report.say(line)
    for engine, why in voices.down.items():
        report.say(f"Giọng đọc: bỏ qua `{engine}` sau một lần lỗi: {why}")
    for failure in voices.failures:
        report.say(f"Giọng đọc: {failure}")


def _unknown(every: list[Part], voices: Voices, table: Pronunciations) -> list[str]:
    """Abbreviations in the parts a voice will read that the pronunciation table lacks."""
    return sorted(
        {
            word
            for part in every
            if any(engine.speaks(part.lesson.language) for engine in voices.engines)
            for word in unknown_words(part.words, part.lesson.language, table)
        }
    )


def _english(every: list[Part], voices: Voices, table: Pronunciations) -> list[str]:
    """Words the offline voice would read with another language's rules."""
    espeak = next((engine for engine in voices.engines if engine.name == "espeak"), None)
    if espeak is None:
        return []
    texts = {}
    for part in every:
        if espeak.speaks(part.lesson.language):
            texts.setdefault(part.lesson.language, []).append(
                speakable(part.words, part.lesson.language, table)
            )
    try:
        return sorted(
            {
                word
                for code, said in texts.items()
                for word in espeak.foreign_words(" ".join(said), code)
            }
        )
    except EngineDown:
        return []


def rejoin(lesson: Lesson, into: Manifest, folder: Path, bitrate: int) -> None:
    """The lesson's loudspeaker file, joined again once every part has a clip."""
    tracks = [into.clip(lesson.slug, lesson.language, part.number) for part in parts(lesson)]
    whole = all(tracks) and loudspeaker.build(
        lesson.slug, lesson.language, tracks, folder, bitrate, title=lesson.title
    )
    if whole:
        into.loudspeaker[f"{lesson.slug}/{lesson.language}"] = whole


def voice_recording(
    lesson: Lesson, number: int, root: Path, built: Path, folder: Path, settings: Settings
) -> Manifest:
    """After an upload: the part's recording and the lesson's loudspeaker file, rejoined, go
    to folder (this server's audio since the build) and its manifest; the build's own folder
    (built) is only read. What folder's manifest now holds.

    Under folder's manifest lock: two uploads at once both stay.
    """
    with locked(folder):  # makes the folder too
        base = manifest.fingerprint(built)
        current = manifest.load(folder)
        if current.base != base:  # a build ran since: it joined its own loudspeaker files
            current.loudspeaker, current.base = {}, base
        part = parts(lesson)[number]
        current.stale = [key for key in current.stale if key != part.key]
        speeds = recorded_speeds(part, root, folder, settings.slow, current)
        if speeds:
            current.clips[part.key] = speeds
        both = manifest.overlaid(manifest.load(built), current, base)
        tracks = [both.clip(lesson.slug, lesson.language, p.number) for p in parts(lesson)]
        key = f"{lesson.slug}/{lesson.language}"
        whole = all(tracks) and loudspeaker.build(
            lesson.slug, lesson.language, tracks, folder, settings.bitrate, lesson.title, (built,)
        )
        if whole:
            current.loudspeaker[key] = whole
        else:
            current.loudspeaker.pop(key, None)
        current.save(folder)
        _prune(folder, current)
    return current


def _has_recording(part: Part, root: Path) -> bool:
    found = recordings.find(root, part.lesson.language, part.lesson.slug, part.number)
    return found is not None


def recorded_speeds(part: Part, root: Path, folder: Path, slow: float, into: Manifest):
    """Both speeds from a person's recording (slowed by the player), if there is one."""
    found = recordings.find(root, part.lesson.language, part.lesson.slug, part.number)
    if found is None:
        return None
    data = found.path.read_bytes()
    name = hashlib.sha256(data).hexdigest()[:20] + found.path.suffix.lower()
    if not (folder / name).is_file():
        shutil.copyfile(found.path, folder / name)
    if found.is_stale(part.words):
        into.stale.append(part.key)
    track = Track(name, "recorded", mp3.any_seconds(data), len(data), reader=found.reader)
    return {"normal": track, "slow": dataclasses.replace(track, rate=slow)}


def _spoken(part: Part, voices: Voices, table: Pronunciations, slow: float):
    text = speakable(part.words, part.lesson.language, table)
    speeds = {}
    for speed, factor in (("normal", 1.0), ("slow", slow)):
        clip = voices.synthesize(text, part.lesson.language, factor)
        if clip:
            speeds[speed] = Track(clip.name, clip.engine, clip.seconds, clip.size)
    return speeds


def _prune(folder: Path, manifest: Manifest) -> None:
    """Remove audio no part uses any more, so the folder does not grow with every edit."""
    keep = manifest.files() | {FILE, LOCK}
    for path in folder.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink()


def coverage(catalog: Catalog, manifest: Manifest, engines: list[str]) -> list[str]:
    """Lines of a table: steps with audio per language and engine, and steps without any."""
    counts: dict[str, Counter] = {code: Counter() for code in catalog.languages}
    for (slug, language), lesson in catalog.lessons.items():
        for step in lesson.steps:
            track = manifest.clip(slug, language, step.number)
            counts[language][track.engine if track else "none"] += 1
    columns = [*engines, "none"]
    lines = ["Số bước có giọng đọc, theo ngôn ngữ và giọng (none: chưa có):"]
    lines.append(f"  {'tiếng':<10}" + "".join(f"{name:>10}" for name in columns))
    for code, counter in counts.items():
        lines.append(f"  {code:<10}" + "".join(f"{counter[name]:>10}" for name in columns))
    return lines
