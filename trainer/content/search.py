"""Searching the index: words typed with or without diacritics, results grouped by topic."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from html import escape
from pathlib import Path

from whoosh import index
from whoosh.highlight import HtmlFormatter, WholeFragmenter, highlight
from whoosh.qparser import (
    BoostPlugin,
    FieldsPlugin,
    MultifieldParser,
    OrGroup,
    RangePlugin,
    WildcardPlugin,
)
from whoosh.query import Or, Query

from trainer.content.search_index import EXACT, FOLDED, SCHEMA, nfc, words

FIELDS = ["title", "title_folded", "body", "body_folded"]
FOLDED_FIELDS = ["title_folded", "body_folded"]
RERANKED = 10  # extra candidates, so words that come together can lift a lesson into view
PREFERRED = 1.2  # a score bonus for the reader's own language
MAX_QUERY = 200  # characters; a longer query is cut, never refused
# Typed signs are not query syntax: "mã*", "abc:d" or "x^2" search for the words alone.
TYPED_SIGNS = re.compile(r'[^\w\s"]')


@dataclass(frozen=True)
class Hit:
    """One lesson in one language, and its step that matches best (0: its summary and intro)."""

    slug: str
    language: str
    topic: str
    step: int
    lesson_title: str
    step_title: str
    step_title_html: str  # the same, HTML-escaped, with matching words in <mark>
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
        self._parser = _parser(FIELDS)
        self._folded_parser = _parser(FOLDED_FIELDS)
        self._local = threading.local()
        with self._index.reader() as reader:  # a few MB for 1,000 lessons; read once, not per hit
            self._stored = dict(reader.iter_docs())

    def search(self, query: str, limit: int = 20, language: str = "vi") -> list[TopicHits]:
        """The lessons matching query, best first, grouped by topic (best topic first);
        a lesson in the reader's language comes before an equal match in another."""
        query = " ".join(TYPED_SIGNS.sub(" ", nfc(query)).split())[:MAX_QUERY]
        if not query:
            return []
        asked = exact, folded = words(EXACT, query), words(FOLDED, query)
        # Typed without diacritics (most residents do): the exact fields could add nothing.
        parsed = (self._parser if exact != folded else self._folded_parser).parse(query)
        found = self._searcher().search(_top_first(parsed), limit=limit + RERANKED)
        ranked = []
        for hit in found:
            stored = self._stored[hit.docnum]
            part = _best_part(stored, *asked)
            score = hit.score * (0.5 + _coverage(stored, part, folded))
            ranked.append((score * (PREFERRED if stored["language"] == language else 1), score))
            ranked[-1] += (stored, part)
        ranked.sort(key=lambda entry: -entry[0])
        return _by_topic(
            [_hit(stored, part, score, folded) for _, score, stored, part in ranked[:limit]]
        )

    def warm(self, query: str) -> None:
        """Search once, in a thread of its own whose searcher is then closed: the parts of
        Whoosh loaded on a first search are loaded here (a server's master, before its
        workers fork), and no open file is left behind to be shared with them."""

        def search() -> None:
            try:
                self.search(query)
            finally:
                if (searcher := getattr(self._local, "searcher", None)) is not None:
                    searcher.close()

        once = threading.Thread(target=search, name="search-warm")
        once.start()
        once.join()

    def _searcher(self):
        """This thread's searcher, kept open: the index never changes while it is served."""
        if getattr(self._local, "searcher", None) is None:
            self._local.searcher = self._index.searcher()
        return self._local.searcher


def _parser(fields: list[str]) -> MultifieldParser:
    parser = MultifieldParser(fields, SCHEMA, group=OrGroup)
    for plugin in (FieldsPlugin, WildcardPlugin, BoostPlugin, RangePlugin):
        parser.remove_plugin_class(plugin)
    return parser


def _top_first(query: Query) -> Query:
    """Ask Whoosh to skip documents that cannot reach the top results, rather than score
    every match of every word (its choice for indexes under 5,000 documents): about a
    third less time with 1,000 lessons, see bench/search_queries.py."""
    if isinstance(query, Or):
        query.matcher_type = Or.DEFAULT_MATCHER
    for child in query.children():
        _top_first(child)
    return query


def _best_part(found: dict, exact: frozenset[str], folded: frozenset[str]) -> tuple:
    """The lesson's step that holds most of the words asked for (the intro if none does)."""
    part = max(
        found["parts"], key=lambda part: (_overlap(part, exact, folded), part[0] > 0, -part[0])
    )
    return part if _overlap(part, exact, folded) else found["parts"][0]


def _coverage(found: dict, part: tuple, folded: frozenset[str]) -> float:
    """The share of the words asked for that are in the lesson's title or its best step.

    Whoosh scores the whole lesson; this favours a lesson where the words come together
    ("dang ky vneid": the VNeID lesson, not one that says "đăng ký" often)."""
    together = folded.intersection(found["title_words"]).union(folded.intersection(part[4]))
    return len(together) / len(folded) if folded else 1.0


def _hit(found: dict, part: tuple, score: float, folded: frozenset[str]) -> Hit:
    """One result: the lesson, its best step, and the words asked for marked in both."""
    number, title, text, *_ = part
    return Hit(
        slug=found["slug"],
        language=found["language"],
        topic=found["topic"],
        step=number,
        lesson_title=found["lesson_title"],
        step_title=title,
        step_title_html=_marked(title, folded) or escape(title, quote=False),
        snippet_html=_marked(text, folded) or escape(text, quote=False),
        score=score,
    )


def _marked(text: str, folded: frozenset[str]) -> str:
    """text, HTML-escaped, with the words asked for in <mark>; "" if none is there."""
    mark = HtmlFormatter(tagname="mark", classname="match", termclass="t")  # keeps state: one each
    return highlight(text, folded, FOLDED, WholeFragmenter(), mark) if folded else ""


def _overlap(part, exact: frozenset[str], folded: frozenset[str]) -> int:
    """Words of the query in this part: an exact spelling counts twice."""
    _, _, _, part_exact, part_folded = part
    return 2 * len(exact.intersection(part_exact)) + len(folded.intersection(part_folded))


def _by_topic(hits) -> list[TopicHits]:
    groups: dict[str, list[Hit]] = {}
    for hit in hits:  # already best first, so each topic's best hit comes first
        groups.setdefault(hit.topic, []).append(hit)
    return [TopicHits(topic, tuple(found)) for topic, found in groups.items()]
