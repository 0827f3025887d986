"""What a lesson's video shows when: a title card read with the intro, one scene per step
for as long as its narration (a recorded voice where one exists, the machine voice
otherwise) plus a short pause, then an end card with the lesson's address.

The plan is pure and cheap (no drawing, no FFmpeg): the lesson page asks for it to say how
long the video is, the player gets its captions from it, and its key, a hash of every
word, picture, clip and setting in it, names the file: a new recording or an edited step
makes a new video; the same content never makes a second one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trainer.content.model import Lesson, Step
from trainer.speech import speakers
from trainer.speech.manifest import Track
from trainer.speech.text import STEP_WORDS
from trainer.speech.video.captions import Caption, screens, timed

VERSION = "1"  # change it when the look or the encoding changes: every video is made again
PAUSE = 0.8  # seconds of silence after each part, so a picture stays a moment
END_SECONDS = 5.0  # the end card, with the address and QR code
TITLE, END = 0, -1  # scene numbers of the cards; steps are numbered from 1


@dataclass(frozen=True)
class Scene:
    number: int  # TITLE, a step's number, or END
    start: float
    seconds: float
    heading: str
    captions: tuple[Caption, ...]
    picture: Path | None = None  # the step's illustration, as drawn for the lesson
    audio: Path | None = None  # the part's narration; None for the end card

    @property
    def middle(self) -> float:
        return self.start + self.seconds / 2


@dataclass(frozen=True)
class VideoPlan:
    slug: str
    language: str
    title: str
    topic: str
    summary: str
    address: str  # the lesson's public address, on the end card and in its QR code
    who: str  # who reads: "Giọng máy", "Giọng đọc: Lò Thị Mai", …
    detail: str
    steps: int
    scenes: tuple[Scene, ...]
    key: str

    @property
    def seconds(self) -> float:
        return round(sum(scene.seconds for scene in self.scenes), 3)

    @property
    def name(self) -> str:
        """The file's name: lesson, language, a hash of the address and of the content."""
        where = hashlib.sha256(self.address.encode()).hexdigest()[:6]
        return f"{self.slug}-{self.language}-{where}-{self.key}.mp4"

    @property
    def prefix(self) -> str:
        """What every video of this lesson, language and address is named with."""
        return self.name.rsplit("-", 1)[0] + "-"

    @property
    def captions(self) -> list[Caption]:
        return [caption for scene in self.scenes for caption in scene.captions]


@dataclass(frozen=True)
class Unvoiced:
    """A language whose parts are not all voiced yet: it gets no video."""

    missing: int  # parts (title and steps) with no voice
    parts: int


def plan_video(
    lesson: Lesson,
    topic: str,
    tracks: list[Track | None],
    clip_path: Callable[[Track], Path],
    media_root: Path,
    address: str,
) -> VideoPlan | Unvoiced:
    """The video of a lesson in its language, or Unvoiced while a part has no narration.

    tracks: each part's normal-speed clip from the audio manifest (0 = title and intro);
    clip_path: where a track's file is.
    """
    if len(tracks) != len(lesson.steps) + 1 or not all(tracks):
        return Unvoiced(sum(1 for track in tracks if track is None), len(lesson.steps) + 1)
    voiced: list[Track] = [track for track in tracks if track is not None]
    scenes, at = [], 0.0
    for number, track in enumerate(voiced):
        scene = _scene(lesson, number, track, at, clip_path(track), media_root)
        scenes.append(scene)
        at += scene.seconds
    scenes.append(Scene(END, round(at, 3), END_SECONDS, lesson.title, ()))
    who, detail = speakers.who(voiced), speakers.detail(voiced)
    key = _key(lesson, topic, address, who, scenes, voiced)
    return VideoPlan(
        lesson.slug,
        lesson.language,
        lesson.title,
        topic,
        lesson.summary,
        address,
        who,
        detail,
        len(lesson.steps),
        tuple(scenes),
        key,
    )


def _scene(
    lesson: Lesson, number: int, track: Track, start: float, audio: Path, media: Path
) -> Scene:
    seconds = round(track.seconds + PAUSE, 3)
    if number == TITLE:
        words = [("text", lesson.intro_text)] if lesson.intro_text.strip() else []
        pieces = screens(words or [("text", lesson.title)])
        lead = len(lesson.title) if words else 0
        captions = timed(pieces, start, track.seconds, lead, PAUSE)
        return Scene(TITLE, round(start, 3), seconds, lesson.title, captions, None, audio)
    step = lesson.steps[number - 1]
    pieces = screens(_paragraphs(step, lesson.language))
    captions = timed(pieces, start, track.seconds, len(step.title) + 8, PAUSE)
    picture = media / step.illustration.src if step.illustration else None
    return Scene(number, round(start, 3), seconds, step.title, captions, picture, audio)


def _paragraphs(step: Step, language: str) -> list[tuple[str, str]]:
    """The step's words and its boxes, labelled as the voice reads them ("Mẹo: …")."""
    _, tip, careful = STEP_WORDS.get(language, ("", "", ""))
    labels = {"tip": tip, "careful": careful}
    found = [("text", step.text)] if step.text.strip() else []
    for box in step.boxes:
        label = labels.get(box.kind)
        found.append((box.kind, f"{label}: {box.text}" if label else box.text))
    return found or [("text", step.title)]


def _key(lesson: Lesson, topic: str, address: str, who: str, scenes, tracks) -> str:
    digest = hashlib.sha256()
    for value in (VERSION, lesson.slug, lesson.language, lesson.title, lesson.summary, topic):
        digest.update(value.encode() + b"\0")
    digest.update(f"{address}\0{who}\0{len(lesson.steps)}\0".encode())
    for scene in scenes:
        digest.update(f"{scene.number}\0{scene.heading}\0{scene.seconds}\0".encode())
        for caption in scene.captions:
            digest.update(f"{caption.kind}\0{caption.start}\0{caption.end}\0".encode())
            digest.update("\n".join(caption.lines).encode() + b"\0")
        if scene.picture is not None:
            digest.update(_file_hash(scene.picture).encode())
    for track in tracks:  # named by their content: a new recording is a new name
        digest.update(track.file.encode() + b"\0")
    return digest.hexdigest()[:12]


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"
