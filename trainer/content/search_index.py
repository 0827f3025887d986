"""The search index: one Whoosh document per lesson and language, its steps stored with it.

Vietnamese is indexed twice: as written (so "mật khẩu" ranks exact spellings first) and
with the diacritics folded away (so "mat khau" and "dang ky" find it too). Text is
normalised to NFC first: in NFD the tone marks split words apart. No stemming, and no
stop words: English rules would drop Vietnamese syllables such as "an", "to" and "no".
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from whoosh import index
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StandardAnalyzer
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from trainer.content.model import Lesson

# Change this when the schema or the analyzers change, so old indexes are rebuilt.
FORMAT = "3"

EXACT = RegexTokenizer() | LowercaseFilter()
FOLDED = StandardAnalyzer(stoplist=None, minsize=1) | CharsetFilter(accent_map)

SCHEMA = Schema(
    key=ID(stored=True, unique=True),
    slug=ID(stored=True),
    language=ID(stored=True),
    topic=ID(stored=True),
    lesson_title=STORED,
    title_words=STORED,  # the title's folded words, to see which query words it holds
    # Part 0 is the summary and intro, then each step: (number, title, text, exact words,
    # folded words), so a result can name its best step without reading the text again.
    parts=STORED,
    title=TEXT(analyzer=EXACT, field_boost=4.0),
    title_folded=TEXT(analyzer=FOLDED, field_boost=2.0),
    body=TEXT(analyzer=EXACT, field_boost=2.0),
    body_folded=TEXT(analyzer=FOLDED),
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def content_key(lessons: Iterable[Lesson]) -> str:
    """A hash of everything the index holds: it changes exactly when the index must."""
    digest = hashlib.sha256(FORMAT.encode())
    for document in sorted(_documents(lessons), key=lambda doc: doc["key"]):
        digest.update(json.dumps(document, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def index_dir(folder: Path, lessons: Iterable[Lesson]) -> Path:
    """Where the index for these lessons lives under folder (it may not be built yet)."""
    return folder / content_key(lessons)


def ensure_index(folder: Path, lessons: Iterable[Lesson]) -> tuple[Path, bool]:
    """Build the index for these lessons under folder unless it is there; (its path, built?).

    The index is built aside and renamed into place, so a server reading the old one, or
    a second process building the same one, never sees half an index.
    """
    lessons = list(lessons)
    target = index_dir(folder, lessons)
    if index.exists_in(target):
        return target, False
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=folder))
    try:
        writer = index.create_in(scratch, SCHEMA).writer()
        for document in _documents(lessons):
            writer.add_document(**document)
        writer.commit()
        os.rename(scratch, target)
    except OSError:
        if not index.exists_in(target):
            raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _remove_old(folder, keep=target)
    return target, True


def _remove_old(folder: Path, keep: Path) -> None:
    """Remove indexes older than the one before this: a server started before the content
    changed still searches the previous one until it is restarted."""
    built = [path for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")]
    older = sorted((path for path in built if path != keep), key=lambda path: path.stat().st_mtime)
    for old in older[:-1]:
        shutil.rmtree(old, ignore_errors=True)


def words(analyzer, text: str) -> frozenset[str]:
    """The indexed words of text, as the analyzer makes them."""
    return frozenset(token.text for token in analyzer(text))


def _documents(lessons: Iterable[Lesson]) -> Iterator[dict]:
    for lesson in lessons:
        title = nfc(lesson.title)
        parts = [(0, "", nfc(f"{lesson.summary} {lesson.intro_text}"))]
        for step in lesson.steps:
            boxes = " ".join(box.text for box in step.boxes)
            parts.append((step.number, nfc(step.title), nfc(f"{step.text} {boxes}".strip())))
        body = " ".join(f"{part_title} {text}" for _, part_title, text in parts)
        yield {
            "key": f"{lesson.slug}:{lesson.language}",
            "slug": lesson.slug,
            "language": lesson.language,
            "topic": lesson.topic,
            "lesson_title": title,
            "title_words": tuple(sorted(words(FOLDED, title))),
            "parts": tuple(
                (number, part_title, text, *_part_words(f"{part_title} {text}"))
                for number, part_title, text in parts
            ),
            "title": title,
            "title_folded": title,
            "body": body,
            "body_folded": body,
        }


def _part_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(sorted(words(EXACT, text))), tuple(sorted(words(FOLDED, text)))


def search_stage(catalog, out: Path, report) -> None:
    """Build stage: the search index over every lesson, into out/search/."""
    lessons = list(catalog.lessons.values())
    path, built = ensure_index(out / "search", lessons)
    state = "đã làm" if built else "vẫn còn mới"
    report.say(f"Chỉ mục tìm kiếm {len(lessons)} bài {state}: {path}.")
