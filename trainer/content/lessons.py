"""Reading one lesson file into a Lesson, with every problem found on the way."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from markdown_it.token import Token

from trainer.content import markdown
from trainer.content.fields import Fields
from trainer.content.model import Box, Illustration, Lesson, Problem, Source, Step
from trainer.content.source import load_yaml, read_text

MAX_STEP_WORDS = 40
MAX_BOX_WORDS = 30
MAX_INTRO_WORDS = 50
MAX_STEPS = 12
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
ORIGINAL_FIELDS = ("slug", "title", "topic", "order", "language", "minutes", "summary", "sources")
TRANSLATION_FIELDS = (
    "slug",
    "title",
    "language",
    "summary",
    "status",
    "reviewer",
    "translator",
    "topic",
    "order",
    "minutes",
    "sources",
)


class _Section:
    """A step (or the intro) as it is being read."""

    def __init__(self, title: str | None, line: int):
        self.title = title
        self.line = line
        self.body: list[Token] = []
        self.illustrations: list[Illustration] = []
        self.boxes: list[tuple[Box, int]] = []


def read_lesson(path: Path, shown: Path, language: str) -> tuple[Lesson | None, list[Problem]]:
    """Parse a lesson file written in `language`; None if it is too broken to show at all."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    tokens = markdown.renderer.parse(text)
    if not tokens or tokens[0].type != "front_matter":
        return None, [
            Problem(shown, 1, "the file must start with front matter between `---` lines")
        ]
    doc, yaml_problems = load_yaml(tokens[0].content, shown, first_line=tokens[0].map[0] + 2)
    if doc is None:
        return None, yaml_problems
    if not isinstance(doc.data, dict):
        return None, [doc.problem("front matter must be a list of `key: value` fields")]
    problems += [
        Problem(shown, line + 1, message) for line, message in markdown.unsafe_markup(text)
    ]
    fields = Fields(doc)
    meta = _read_meta(fields, language)
    intro, steps = _read_sections(tokens[1:], shown, problems)
    problems += fields.problems + _check_sections(intro, steps, shown)
    if meta["slug"] is None or meta["title"] is None:
        return None, problems
    lesson = Lesson(
        intro_html=markdown.render(intro.body),
        intro_text=markdown.plain_text(intro.body),
        steps=tuple(_to_step(number, section) for number, section in enumerate(steps, 1)),
        path=shown,
        **meta,
    )
    return lesson, problems


def _read_meta(fields: Fields, language: str) -> dict:
    original = language == "vi"
    fields.only(ORIGINAL_FIELDS if original else TRANSLATION_FIELDS)
    written = fields.text("language")
    if written is not None and written != language:
        fields.problems.append(
            fields.doc.problem(
                f"`language` is `{written}` but the file is in the `{language}` folder", "language"
            )
        )
    status = "reviewed" if original else fields.choice("status", ("draft", "reviewed"))
    reviewer = fields.text("reviewer", required=status == "reviewed" and not original)
    return {
        "slug": fields.slug("slug"),
        "language": language,
        "title": fields.text("title", max_length=60),
        "topic": fields.slug("topic", required=original) or "",
        "order": fields.number("order", required=original, high=999) or 0,
        "minutes": fields.number("minutes", required=original, high=30) or 0,
        "summary": fields.text("summary", max_length=160) or "",
        "sources": _read_sources(fields, required=original),
        "status": status or "draft",
        "reviewer": reviewer,
    }


def _read_sources(fields: Fields, required: bool) -> tuple[Source, ...]:
    value = fields.data.get("sources")
    if value is None:
        if required:
            fields.problems.append(
                fields.doc.problem(
                    "missing field `sources`: cite the public guidance the facts come from"
                )
            )
        return ()
    if not isinstance(value, list) or not value:
        fields.problems.append(
            fields.doc.problem("`sources` must be a list of `title` and `url`", "sources")
        )
        return ()
    sources = []
    for index in range(len(value)):
        source = Fields(fields.doc, "sources", index)
        title, url = source.text("title"), source.text("url")
        if url is not None and not url.startswith("https://"):
            source.problems.append(
                fields.doc.problem("source `url` must start with https://", "sources", index, "url")
            )
        fields.problems += source.problems
        if title and url:
            sources.append(Source(title, url))
    return tuple(sources)


def _read_sections(tokens: list[Token], shown: Path, problems: list[Problem]):
    """Split the body into the intro and the steps at each `##` heading."""
    intro = _Section(None, 1)
    steps: list[_Section] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = (token.map[0] + 1) if token.map else 1
        current = steps[-1] if steps else intro
        if token.type == "heading_open":
            title = markdown.inline_text(tokens[index + 1])
            if token.tag == "h2":
                steps.append(_Section(title, line))
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


def _check_sections(intro: _Section, steps: list[_Section], shown: Path) -> list[Problem]:
    problems = []
    intro_words = markdown.word_count(markdown.plain_text(intro.body))
    if not intro_words:
        problems.append(
            Problem(shown, 1, "missing intro: write one or two sentences before the first step")
        )
    elif intro_words > MAX_INTRO_WORDS:
        problems.append(
            Problem(
                shown,
                intro.body[0].map[0] + 1,
                f"intro has {intro_words} words; keep it to {MAX_INTRO_WORDS}",
            )
        )
    if intro.illustrations or intro.boxes:
        problems.append(
            Problem(shown, 1, "pictures and boxes belong in a step, after a `## ` heading")
        )
    if not steps:
        problems.append(Problem(shown, 1, "no steps: start each step with a `## ` heading"))
    if len(steps) > MAX_STEPS:
        problems.append(
            Problem(
                shown,
                steps[MAX_STEPS].line,
                f"{len(steps)} steps; split the lesson, keep it to {MAX_STEPS}",
            )
        )
    for step in steps:
        problems += _check_step(step, shown)
    return problems


def _check_step(step: _Section, shown: Path) -> list[Problem]:
    problems = []
    if not step.title:
        problems.append(Problem(shown, step.line, "step heading is empty"))
    words = markdown.word_count(markdown.plain_text(step.body))
    if words > MAX_STEP_WORDS:
        problems.append(
            Problem(
                shown,
                step.line,
                f"step too long: {words} words; keep it to "
                f"{MAX_STEP_WORDS} or split it into two steps",
            )
        )
    if not words:
        problems.append(Problem(shown, step.line, "step has no text"))
    if not step.illustrations:
        problems.append(
            Problem(shown, step.line, "step has no picture: add `![what it shows](file.svg)`")
        )
    for extra in step.illustrations[1:]:
        problems.append(
            Problem(shown, extra.line, "one picture per step; move this one to its own step")
        )
    for picture in step.illustrations:
        problems += _check_picture(picture, shown)
    kinds = [box.kind for box, _ in step.boxes]
    for box, line in step.boxes:
        if kinds.count(box.kind) > 1:
            problems.append(Problem(shown, line, f"one `{box.kind}` box per step"))
        if markdown.word_count(box.text) > MAX_BOX_WORDS:
            problems.append(
                Problem(
                    shown, line, f"`{box.kind}` box is too long; keep it to {MAX_BOX_WORDS} words"
                )
            )
    return problems


def _check_picture(picture: Illustration, shown: Path) -> list[Problem]:
    problems = []
    if not picture.alt:
        problems.append(
            Problem(
                shown,
                picture.line,
                "picture has no alt text: say what it shows, `![a phone showing …](file.svg)`",
            )
        )
    pure = PurePosixPath(picture.src)
    if "://" in picture.src or ":" in picture.src or pure.is_absolute() or ".." in pure.parts:
        problems.append(
            Problem(
                shown,
                picture.line,
                f"picture `{picture.src}` must be a file under media/, like `vneid/cai-dat.svg`",
            )
        )
    elif pure.suffix.lower() not in IMAGE_TYPES:
        problems.append(
            Problem(
                shown,
                picture.line,
                f"picture `{picture.src}` must be one of: {', '.join(IMAGE_TYPES)}",
            )
        )
    return problems


def _to_step(number: int, section: _Section) -> Step:
    return Step(
        number=number,
        title=section.title or "",
        html=markdown.render(section.body),
        text=markdown.plain_text(section.body),
        illustration=section.illustrations[0] if section.illustrations else None,
        boxes=tuple(box for box, _ in section.boxes),
        line=section.line,
    )
