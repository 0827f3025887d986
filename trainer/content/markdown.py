"""The two Markdown parsers: one renders lessons safely, one looks for what must be refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from trainer.content.model import BOX_KINDS, Problem
from trainer.content.province import fill as province_fill
from trainer.content.source import Located, load_yaml, read_text


def _with_plugins(md: MarkdownIt) -> MarkdownIt:
    md.use(front_matter_plugin)
    for kind in BOX_KINDS:
        md.use(container_plugin, kind)
    return md


# Raw HTML off: a lesson can never bring in a script, whatever its author typed.
renderer = _with_plugins(MarkdownIt("commonmark", {"html": False}))

# Sees raw HTML and every link, so `trainer check` can name them; never used to render.
inspector = _with_plugins(MarkdownIt("commonmark", {"html": True}))
inspector.validateLink = lambda url: True


def render(tokens: list[Token]) -> str:
    """HTML for a run of tokens from `renderer`."""
    return renderer.renderer.render(tokens, renderer.options, {}).strip()


def inline_text(token: Token) -> str:
    """The plain words of an inline token, without Markdown marks."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def plain_text(tokens: list[Token]) -> str:
    """The words of a run of tokens, one paragraph or list item a line."""
    return "\n".join(text for t in tokens if t.type == "inline" and (text := inline_text(t)))


def word_count(text: str) -> int:
    return len(text.split())


def is_safe_link(url: str) -> bool:
    """Only web links may appear in a lesson."""
    return urlsplit(url).scheme in ("https", "http")


def unsafe_markup(text: str) -> list[tuple[int, str]]:
    """(0-based line, message) for raw HTML and non-web links in Markdown text."""
    found = []
    for token in inspector.parse(text):
        line = token.map[0] if token.map else 0
        if token.type == "html_block":
            found.append((line, "raw HTML is not allowed; write plain Markdown"))
        for child in token.children or []:
            if child.type == "html_inline":
                found.append((line, "raw HTML is not allowed; write plain Markdown"))
            elif child.type == "link_open" and not is_safe_link(child.attrGet("href") or ""):
                found.append((line, "links must start with https://"))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Document:
    """A Markdown content file: its YAML front matter and the tokens of its body."""

    front: Located
    body: list[Token]


def read_document(
    path: Path, shown: Path, province: dict[str, str] | None = None
) -> tuple[Document | None, list[Problem]]:
    """Parse a Markdown file that starts with front matter; None if it cannot be read at all.
    Each `{{tinh.key}}` is first replaced by the province's name for it (see province.py).

    Raw HTML and links that are not web addresses are reported but not fatal: the renderer
    shows them as plain text.
    """
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    text, missing = province_fill(text, province or {}, shown)
    tokens = renderer.parse(text)
    if not tokens or tokens[0].type != "front_matter":
        message = "the file must start with front matter between `---` lines"
        return None, [Problem(shown, 1, message)]
    front, problems = load_yaml(tokens[0].content, shown, first_line=tokens[0].map[0] + 2)
    if front is None:
        return None, problems
    if not isinstance(front.data, dict):
        return None, [front.problem("front matter must be a list of `key: value` fields")]
    problems = [Problem(shown, line + 1, message) for line, message in unsafe_markup(text)]
    return Document(front, tokens[1:]), missing + problems
