"""Reading pages: home, a topic's lessons, and a lesson with every step."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, render_template
from markupsafe import Markup

from trainer import serving
from trainer.content.model import Lesson
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import chosen_language, in_language
from trainer.web.core.reader_cache import for_readers
from trainer.web.members.progress import my_progress

bp = Blueprint("pages", __name__)


def init_app(app: Flask) -> None:
    serving.before_fork(app, _read_once)


def _read_once() -> None:
    """The home page, a topic and a lesson asked for once in `trainer serve`'s master, so
    their templates are compiled (and their code imported) once for every worker."""
    catalog = current_catalog()
    first = next(iter(catalog.lessons_in(catalog.topics[0].slug)), None) if catalog.topics else None
    client = current_app.test_client()
    client.get("/")
    if first is not None:
        client.get(f"/chu-de/{first.topic}")
        client.get(f"/bai-hoc/{first.slug}")


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
    return render_template(
        "pages/topic.html",
        topic=found,
        lessons=catalog.lessons_in(slug),
        progress=my_progress(),
        has_quiz=slug in catalog.quizzes,
        has_guide=slug in catalog.guides,
    )


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
        progress=my_progress().get(slug),
    )


def rendered_article(lesson: Lesson) -> Markup:
    """The lesson's steps as HTML, rendered once and kept: content never changes at runtime."""
    cache = current_app.extensions.setdefault("rendered_articles", {})
    key = (lesson.slug, lesson.language)
    if key not in cache:
        cache[key] = Markup(render_template("pages/_article.html", lesson=lesson))
    return cache[key]
