"""Reading pages: home, a topic's lessons, and a lesson with every step."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, url_for
from markupsafe import Markup

from trainer.content.model import Lesson
from trainer.web.catalog import current_catalog
from trainer.web.reader_cache import for_readers

bp = Blueprint("pages", __name__)


@bp.app_context_processor
def language_helpers() -> dict:
    return {"lang": chosen_language(), "link": link, "in_language": in_language}


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


@bp.get("/")
@for_readers
def home():
    catalog = current_catalog()
    counts = {topic.slug: len(catalog.lessons_in(topic.slug)) for topic in catalog.topics}
    return render_template("pages/home.html", topics=catalog.topics, counts=counts)


@bp.get("/chu-de/<slug>")
@for_readers
def topic(slug: str):
    catalog = current_catalog()
    found = catalog.topic(slug) or abort(404)
    return render_template("pages/topic.html", topic=found, lessons=catalog.lessons_in(slug))


@bp.get("/bai-hoc/<slug>")
@for_readers
def lesson(slug: str):
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    shown = in_language(original)
    before, after = catalog.neighbours(original)
    missing = catalog.languages[chosen_language()] if shown.language != chosen_language() else None
    return render_template(
        "pages/lesson.html",
        lesson=shown,
        article=rendered_article(shown),
        topic=catalog.topic(original.topic),
        languages=catalog.languages_of(slug),
        missing=missing,
        before=before,
        after=after,
    )


def rendered_article(lesson: Lesson) -> Markup:
    """The lesson's steps as HTML, rendered once and kept: content never changes at runtime."""
    cache = current_app.extensions.setdefault("rendered_articles", {})
    key = (lesson.slug, lesson.language)
    if key not in cache:
        cache[key] = Markup(render_template("pages/_article.html", lesson=lesson))
    return cache[key]
