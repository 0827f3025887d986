"""Which steps to record next, per language: what people listen to most, stale ones first.

A recording whose step's words changed since comes first: listeners hear the old words.
Then the parts no person has read yet, most played first; ties keep the lessons' order.
The figures say how far the recording has come, and how much of what people actually
listen to is already a person's voice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trainer.content.model import Lesson
from trainer.services.listening.voiceovers import PartVoice, voices_of
from trainer.speech.manifest import Manifest


@dataclass(frozen=True)
class Next:
    lesson: Lesson
    voice: PartVoice  # the part and who reads it now
    plays: int


@dataclass(frozen=True)
class Queue:
    language: str
    next: list[Next]  # what to record first, at most `limit`
    parts: int  # title-and-intro parts and steps, in lessons of this language
    recorded: int  # of those, read by a person (stale ones included)
    stale: int
    plays: int  # presses of play on this language's parts
    plays_recorded: int  # of those, on parts a person reads

    @property
    def waiting(self) -> int:
        """Parts still to record or to record again."""
        return self.parts - self.recorded + self.stale


def recording_queue(
    language: str,
    lessons: list[Lesson],
    root: Path,
    audio: Manifest,
    plays: dict[tuple[str, int], int],
    limit: int = 20,
) -> Queue:
    """The queue for one language; lessons in the order the site lists them."""
    stale, unread = [], []
    recorded = parts = plays_all = plays_recorded = 0
    for lesson in lessons:
        for voice in voices_of(lesson, root, audio):
            count = plays.get((lesson.slug, voice.part.number), 0)
            parts += 1
            plays_all += count
            if voice.state in ("recorded", "stale"):
                recorded += 1
                plays_recorded += count
            if voice.state == "stale":
                stale.append(Next(lesson, voice, count))
            elif voice.state != "recorded":
                unread.append(Next(lesson, voice, count))
    ranked = [*_by_plays(stale), *_by_plays(unread)]  # sorted() keeps the lessons' order on ties
    return Queue(language, ranked[:limit], parts, recorded, len(stale), plays_all, plays_recorded)


def _by_plays(items: list[Next]) -> list[Next]:
    return sorted(items, key=lambda item: -item.plays)
