"""The reader's language: asked for with ?lang=, kept by every link the pages make."""

from __future__ import annotations

from flask import Flask, request, url_for

from trainer.content.model import Lesson
from trainer.web.core.catalog import current_catalog


def init_app(app: Flask) -> None:
    app.context_processor(
        lambda: {"lang": chosen_language(), "link": link, "in_language": in_language}
    )


def chosen_language() -> str:
    """The reading language asked for with ?lang=, if lessons exist in it; else Vietnamese."""
    code = request.args.get("lang", "vi")
    return code if code in current_catalog().languages else "vi"


def link(endpoint: str, **values) -> str:
    """url_for that keeps the reader's language."""
    language = chosen_language()
    return url_for(endpoint, **values, **({"lang": language} if language != "vi" else {}))


def in_language(lesson: Lesson) -> Lesson:
    """The lesson in the reader's language where a translation exists."""
    return current_catalog().lesson(lesson.slug, chosen_language()) or lesson
