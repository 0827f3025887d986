"""Searching the index: words typed with or without diacritics, results grouped by topic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from whoosh import index
from whoosh.highlight import HtmlFormatter, WholeFragmenter
from whoosh.qparser import (
    BoostPlugin,
    FieldsPlugin,
    MultifieldParser,
    OrGroup,
    RangePlugin,
    WildcardPlugin,
)

from trainer.content.search_index import SCHEMA, nfc

FIELDS = ["title", "title_folded", "body", "body_folded"]
MAX_QUERY = 200  # characters; a longer query is cut, never refused
DOCUMENTS_LOOKED_AT = 300
# Typed signs are not query syntax: "mã*", "abc:d" or "x^2" search for the words alone.
TYPED_SIGNS = re.compile(r'[^\w\s"]')


@dataclass(frozen=True)
class Hit:
    """The best-matching step of one lesson in one language (step 0: its summary)."""

    slug: str
    language: str
    topic: str
    step: int
    lesson_title: str
    step_title: str
    snippet_html: str  # the step's text, HTML-escaped, with matching words in <mark>
    score: float


@dataclass(frozen=True)
class TopicHits:
    topic: str
    hits: tuple[Hit, ...]


class SearchIndex:
    """An opened index; safe to share between threads, one searcher per query."""

    def __init__(self, path: Path):
        self._index = index.open_dir(str(path))
        self._parser = _parser()

    def search(self, query: str, limit: int = 20) -> list[TopicHits]:
        """The lessons matching query, best first, grouped by topic (best topic first)."""
        query = " ".join(TYPED_SIGNS.sub(" ", nfc(query)).split())[:MAX_QUERY]
        if not query:
            return []
        parsed = self._parser.parse(query)
        with self._index.searcher() as searcher:
            results = searcher.search(parsed, limit=DOCUMENTS_LOOKED_AT)
            results.fragmenter = WholeFragmenter()
            results.formatter = HtmlFormatter(tagname="mark", classname="match", termclass="t")
            best: dict[tuple[str, str], Hit] = {}
            for found in results:
                lesson = (found["slug"], found["language"])
                if lesson not in best and len(best) < limit:
                    best[lesson] = _hit(found)
        return _by_topic(best.values())


def _parser() -> MultifieldParser:
    parser = MultifieldParser(FIELDS, SCHEMA, group=OrGroup.factory(0.9))
    for plugin in (FieldsPlugin, WildcardPlugin, BoostPlugin, RangePlugin):
        parser.remove_plugin_class(plugin)
    return parser


def _hit(found) -> Hit:
    text = found["text"]
    marked = found.highlights("body_folded", text=text) or escape(text, quote=False)
    return Hit(
        slug=found["slug"],
        language=found["language"],
        topic=found["topic"],
        step=found["step"],
        lesson_title=found["lesson_title"],
        step_title=found["step_title"],
        snippet_html=marked,
        score=found.score,
    )


def _by_topic(hits) -> list[TopicHits]:
    groups: dict[str, list[Hit]] = {}
    for hit in hits:  # already best first, so each topic's best hit comes first
        groups.setdefault(hit.topic, []).append(hit)
    return [TopicHits(topic, tuple(found)) for topic, found in groups.items()]
