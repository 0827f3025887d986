"""Field guides (`lessons/guides/<topic>.md`): the checklist a member follows at a resident's side.

A guide is a short intro, then `## ` sections that each hold one bullet list of short
items. The section `## Không bao giờ` (what never to do) is required in every guide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from trainer.content import markdown
from trainer.content.fields import SLUG, Fields
from trainer.content.lessons import read_sources
from trainer.content.model import Problem, Source

NEVER = "Không bao giờ"
GUIDE_FIELDS = ("title", "language", "sources")
MAX_ITEM_WORDS = 30
MAX_INTRO_WORDS = 40


@dataclass(frozen=True)
class GuideItem:
    html: str
    text: str


@dataclass(frozen=True)
class GuideSection:
    title: str
    items: tuple[GuideItem, ...]
    line: int = field(default=0, compare=False)

    @property
    def is_never(self) -> bool:
        return self.title.casefold() == NEVER.casefold()


@dataclass(frozen=True)
class Guide:
    topic: str
    title: str
    intro: str
    sections: tuple[GuideSection, ...]
    sources: tuple[Source, ...] = ()
    language: str = "vi"
    path: Path = field(default=Path("."), compare=False)


def read_guides(
    folder: Path, root: Path, topics: set[str]
) -> tuple[dict[str, Guide], list[Problem]]:
    """Every guide in folder with no problem, by topic, and every problem found."""
    guides, problems = {}, []
    for path in sorted(folder.glob("*.md")):
        shown = path.relative_to(root)
        guide, found = read_guide(path, shown)
        if guide and guide.topic not in topics:
            found.append(
                Problem(
                    shown,
                    1,
                    f"no topic `{guide.topic}`: name the file after a topic in lessons/topics/ "
                    f"({', '.join(sorted(topics))})",
                )
            )
        problems += found
        if guide and not found:
            guides[guide.topic] = guide
    return guides, problems


def read_guide(path: Path, shown: Path) -> tuple[Guide | None, list[Problem]]:
    """Parse one guide; its topic is the file name."""
    if not SLUG.match(path.stem):
        return None, [Problem(shown, 1, "the file name is the topic's slug, like `vneid.md`")]
    document, problems = markdown.read_document(path, shown)
    if document is None:
        return None, problems
    fields = Fields(document.front)
    fields.only(GUIDE_FIELDS)
    title = fields.text("title", max_length=80)
    if fields.text("language") not in (None, "vi"):
        fields.problems.append(document.front.problem("`language` must be `vi`", "language"))
    sources = read_sources(fields, required=False)
    problems = fields.problems + problems
    intro, sections = _read_body(document.body, shown, problems)
    if not any(section.is_never for section in sections):
        problems.append(
            Problem(shown, 1, f"missing the section `## {NEVER}`: list what never to do")
        )
    guide = Guide(path.stem, title or "", intro, tuple(sections), sources, "vi", shown)
    return (guide if title else None), problems


def _read_body(tokens: list[Token], shown: Path, problems: list[Problem]):
    """The intro's words and the sections, reporting anything that is not a short checklist."""
    intro: list[str] = []
    sections: list[GuideSection] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] + 1 if token.map else 1
        if token.type == "heading_open" and token.tag == "h2":
            sections.append(GuideSection(markdown.inline_text(tokens[index + 1]), (), line))
            index += 3
        elif token.type == "bullet_list_open" and sections:
            end = _close_of(tokens, index)
            items = _read_items(tokens[index + 1 : end], shown, problems)
            last = sections[-1]
            sections[-1] = GuideSection(last.title, last.items + items, last.line)
            index = end + 1
        elif token.type == "paragraph_open" and not sections:
            intro.append(markdown.inline_text(tokens[index + 1]))
            index += 3
        else:
            problems.append(Problem(shown, line, _refusal(token, bool(sections))))
            index = _close_of(tokens, index) + 1
    _check_shape(" ".join(intro), sections, shown, problems)
    return " ".join(intro), sections


def _refusal(token: Token, in_section: bool) -> str:
    if token.type == "heading_open":
        return f"`{token.markup}` headings are not allowed; start each section with `## `"
    if in_section:
        return "a section holds only a bullet list (`- ` lines) of short items"
    return "before the first `## ` section, write only a one-line intro"


def _read_items(tokens: list[Token], shown: Path, problems: list[Problem]) -> tuple[GuideItem, ...]:
    items = []
    for position, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else 1
        if token.type == "bullet_list_open" or token.type == "ordered_list_open":
            problems.append(Problem(shown, line, "no lists inside a list: keep one level"))
        if token.type != "inline" or tokens[position - 1].level != 2:
            continue
        text = markdown.inline_text(token)
        words = markdown.word_count(text)
        if words > MAX_ITEM_WORDS:
            problems.append(
                Problem(shown, line, f"item has {words} words; keep each to {MAX_ITEM_WORDS}")
            )
        html = markdown.renderer.renderer.render([token], markdown.renderer.options, {})
        items.append(GuideItem(html, text))
    return tuple(items)


def _check_shape(
    intro: str, sections: list[GuideSection], shown: Path, problems: list[Problem]
) -> None:
    words = markdown.word_count(intro)
    if not words:
        problems.append(Problem(shown, 1, "missing intro: one line before the first section"))
    elif words > MAX_INTRO_WORDS:
        problems.append(Problem(shown, 1, f"intro has {words} words; keep it to {MAX_INTRO_WORDS}"))
    for section in sections:
        if not section.items:
            problems.append(
                Problem(
                    shown, section.line, f"section `{section.title}` has no items; add `- ` lines"
                )
            )


def _close_of(tokens: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth <= 0:
            return index
    return len(tokens) - 1
