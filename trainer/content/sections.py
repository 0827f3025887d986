"""Splitting a lesson's body into its intro and its steps at each `##` heading."""

from __future__ import annotations

from pathlib import Path

from markdown_it.token import Token

from trainer.content import markdown, step_names
from trainer.content.model import Box, Illustration, Problem, Step


class Section:
    """A step (or the intro) as it is being read."""

    def __init__(self, title: str | None, line: int):
        self.title, self.anchor = step_names.split_anchor(title) if title else (title, None)
        self.line = line
        self.body: list[Token] = []
        self.illustrations: list[Illustration] = []
        self.boxes: list[tuple[Box, int]] = []


def read_sections(tokens: list[Token], shown: Path, problems: list[Problem]):
    """Split the body into the intro and the steps at each `##` heading."""
    intro = Section(None, 1)
    steps: list[Section] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = (token.map[0] + 1) if token.map else 1
        current = steps[-1] if steps else intro
        if token.type == "heading_open":
            title = markdown.inline_text(tokens[index + 1])
            if token.tag == "h2":
                steps.append(Section(title, line))
            else:
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"`{token.markup}` headings are not allowed; start each step with `## `",
                    )
                )
            index += 3
        elif token.type.startswith("container_") and token.type.endswith("_open"):
            end = _matching_close(tokens, index)
            kind = token.type.removeprefix("container_").removesuffix("_open")
            inner = tokens[index + 1 : end]
            current.boxes.append(
                (Box(kind, markdown.render(inner), markdown.plain_text(inner)), line)
            )
            _refuse_images(inner, shown, problems, "a picture cannot go inside a box")
            index = end + 1
        elif _is_picture_paragraph(tokens, index):
            image = tokens[index + 1].children[0]
            current.illustrations.append(
                Illustration(image.attrGet("src") or "", markdown.inline_text(image), line)
            )
            index += 3
        else:
            _refuse_images([token], shown, problems, "put the picture on a line of its own")
            if token.type == "inline" and token.content.startswith(":::"):
                problems.append(Problem(shown, line, "unknown box; use `::: tip` or `::: careful`"))
            current.body.append(token)
            index += 1
    return intro, steps


def _matching_close(tokens: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _is_picture_paragraph(tokens: list[Token], index: int) -> bool:
    if tokens[index].type != "paragraph_open" or index + 1 >= len(tokens):
        return False
    children = [c for c in tokens[index + 1].children or [] if c.type != "softbreak"]
    return len(children) == 1 and children[0].type == "image"


def _refuse_images(tokens: list[Token], shown: Path, problems: list[Problem], message: str) -> None:
    for token in tokens:
        if any(child.type == "image" for child in token.children or []):
            problems.append(Problem(shown, (token.map[0] + 1) if token.map else 1, message))


def to_step(number: int, section: Section) -> Step:
    return Step(
        number=number,
        name=section.anchor or step_names.name_from(section.title or ""),
        title=section.title or "",
        html=markdown.render(section.body),
        text=markdown.plain_text(section.body),
        illustration=section.illustrations[0] if section.illustrations else None,
        boxes=tuple(box for box, _ in section.boxes),
        line=section.line,
    )
