"""A topic pack: every file a phone needs to open a topic's lessons with no signal.

The topic page, each lesson page, each step's picture (the smallest width; larger widths
name it as their stand-in), the normal-speed audio of each part, the slow audio and the
lessons' videos (with their captions) as options, and the field guide only for a member
certified in the topic. Each file has its
byte size and a content hash, so the phone can say how many MB first, resume where it
stopped, and fetch again only what changed. Pure: the web layer passes the addresses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.media import Picture
from trainer.content.model import Lesson, Topic
from trainer.speech.manifest import Manifest

KINDS = ("page", "picture", "audio", "slow-audio", "video")
OPTIONAL = ("slow-audio", "video")  # downloaded only when the reader ticks them
LIVE = "live"  # the hash of a page that changes with every visit: refreshed online, not versioned


@dataclass(frozen=True)
class PackFile:
    url: str
    size: int  # bytes, as stored on the phone
    kind: str  # one of KINDS
    hash: str  # changes when the file's content does


@dataclass(frozen=True)
class Links:
    """Addresses of what a pack holds, and the body a page address serves."""

    topic: Callable[[str], str]
    lesson: Callable[[str], str]
    guide: Callable[[str], str]
    media: Callable[[str], str]
    audio: Callable[[str], str]
    page: Callable[[str], bytes]
    picture_size: Callable[[str], int | None]  # bytes of a built picture, None if missing


@dataclass(frozen=True)
class TopicPack:
    topic: str
    title: str
    files: tuple[PackFile, ...]
    alternates: dict[str, str] = field(default_factory=dict)  # URL -> the stored stand-in
    slow_alternates: dict[str, str] = field(default_factory=dict)  # slow audio -> normal

    @property
    def version(self) -> str:
        """Changes whenever any file is added, dropped or changed (live pages aside)."""
        text = "\n".join(sorted(f"{f.url} {f.hash}" for f in self.files if f.hash != LIVE))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def size(self, slow: bool = False, video: bool = False) -> int:
        """Bytes to download, with or without the slow audio and the videos."""
        wanted = {"slow-audio": slow, "video": video}
        return sum(f.size for f in self.files if wanted.get(f.kind, True))

    def as_json(self) -> dict:
        return {
            "topic": self.topic,
            "title": self.title,
            "version": self.version,
            "size": self.size(),
            "size_with_slow": self.size(slow=True),
            "size_of_video": self.size(video=True) - self.size(),
            "files": [vars(f) for f in self.files],
            "alternates": self.alternates,
            "slow_alternates": self.slow_alternates,
        }


def topic_pack(
    topic: Topic,
    lessons: list[Lesson],
    pictures: Mapping[str, Picture],
    audio: Manifest,
    links: Links,
    *,
    guide: bool,
    extra_pages: tuple[str, ...] = (),
    videos: tuple[PackFile, ...] = (),
) -> TopicPack:
    """The pack of a topic (lessons in order, in the language given); guide: add the guide;
    extra_pages: pages a member needs with no signal whatever the topic (the visit log),
    whose content changes with every visit; videos: the lessons' videos made so far and
    their captions (kind "video")."""
    files: dict[str, PackFile] = {}
    alternates: dict[str, str] = {}
    slow_alternates: dict[str, str] = {}
    pages = [links.topic(topic.slug), *(links.lesson(lesson.slug) for lesson in lessons)]
    if guide:
        pages.append(links.guide(topic.slug))
    for url in pages:
        body = links.page(url)
        files[url] = PackFile(url, len(body), "page", hashlib.sha256(body).hexdigest()[:12])
    for url in extra_pages:
        files[url] = PackFile(url, len(links.page(url)), "page", LIVE)
    sources = [topic.icon] + [
        step.illustration.src for lesson in lessons for step in lesson.steps if step.illustration
    ]
    for src in sources:
        picture = pictures.get(src)
        if picture is not None:
            _add_picture(picture, links, files, alternates)
    for lesson in lessons:
        _add_audio(lesson, audio, links, files, slow_alternates)
    files.update((video.url, video) for video in videos)
    return TopicPack(topic.slug, topic.title(), tuple(files.values()), alternates, slow_alternates)


def _add_picture(picture: Picture, links: Links, files, alternates) -> None:
    url = links.media(picture.name)
    size = links.picture_size(picture.name)
    if size is None:
        return  # cannot be made: the page shows its alt text
    files[url] = PackFile(url, size, "picture", picture.name.rsplit(".", 2)[-2])
    for name, _ in picture.srcset:
        if name != picture.name:
            alternates[links.media(name)] = url


def _add_audio(lesson: Lesson, audio: Manifest, links: Links, files, slow_alternates) -> None:
    for number in range(len(lesson.steps) + 1):  # 0 = title and intro
        normal = audio.clip(lesson.slug, lesson.language, number)
        if normal is None:
            continue
        url = links.audio(normal.file)
        files.setdefault(url, PackFile(url, normal.size, "audio", Path(normal.file).stem))
        slow = audio.clip(lesson.slug, lesson.language, number, "slow")
        if slow is not None and slow.file != normal.file:
            slow_url = links.audio(slow.file)
            files.setdefault(
                slow_url, PackFile(slow_url, slow.size, "slow-audio", Path(slow.file).stem)
            )
            slow_alternates[slow_url] = url
