"""Reading one lesson file into a Lesson, with every problem found on the way."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from trainer.content import markdown
from trainer.content.fields import Fields
from trainer.content.lesson_rules import check_sections, sentence_advice
from trainer.content.model import Lesson, Problem, Source
from trainer.content.sections import read_sections, to_step

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


def read_lesson(
    path: Path, shown: Path, language: str, province: dict[str, str] | None = None
) -> tuple[Lesson | None, list[Problem]]:
    """Parse a lesson file written in `language`, with the province's names put in for its
    `{{tinh.key}}` (see province.py); None if it is too broken to show at all."""
    document, problems = markdown.read_document(path, shown, province)
    if document is None:
        return None, problems
    fields = Fields(document.front)
    meta = _read_meta(fields, language)
    intro, steps = read_sections(document.body, shown, problems)
    problems += fields.problems + check_sections(intro, steps, shown)
    if meta["slug"] is None or meta["title"] is None:
        return None, problems
    lesson = Lesson(
        intro_html=markdown.render(intro.body),
        intro_text=markdown.plain_text(intro.body),
        steps=tuple(to_step(number, section) for number, section in enumerate(steps, 1)),
        path=shown,
        advice=tuple(sentence_advice(intro, steps, shown)),
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
        "sources": read_sources(fields, required=original),
        "status": status or "draft",
        "reviewer": reviewer,
    }


HOME_PAGES = ("", "/", "/index.html", "/index.htm", "/index.php", "/vi", "/vi/", "/home")


def is_home_page(url: str) -> bool:
    """True for a bare domain (or its index page): nothing a reviewer could trace a fact to."""
    parts = urlsplit(url)
    return parts.path.lower() in HOME_PAGES and not parts.query and not parts.fragment


def read_sources(fields: Fields, required: bool) -> tuple[Source, ...]:
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
        elif url is not None and is_home_page(url):
            source.problems.append(
                fields.doc.problem(
                    f"source `{url}` is a home page: cite the page the fact is on, "
                    "so a reviewer can find it",
                    "sources",
                    index,
                    "url",
                )
            )
        fields.problems += source.problems
        if title and url:
            sources.append(Source(title, url))
    return tuple(sources)
