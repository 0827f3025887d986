"""Search: a box on every page, results grouped by topic, each linking to the step it found."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Blueprint, Flask, current_app, render_template, request, url_for
from markupsafe import Markup

from trainer.content.search import Hit, SearchIndex
from trainer.content.search_index import ensure_index
from trainer.web.catalog import current_catalog
from trainer.web.pages import chosen_language

bp = Blueprint("search", __name__)


class LazyIndex:
    """The app's index, opened on first search; built then if `trainer build` has not."""

    def __init__(self, folder: Path):
        self._folder = folder
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> SearchIndex:
        with self._lock:
            if self._index is None:
                path, _ = ensure_index(self._folder, current_catalog().lessons.values())
                self._index = SearchIndex(path)
            return self._index


def init_app(app: Flask) -> None:
    app.extensions["search"] = LazyIndex(Path(app.config["BUILD_DIR"]) / "search")


@bp.get("/tim-kiem")
def results():
    query = request.args.get("q", "").strip()
    index = current_app.extensions["search"].get() if query else None
    found = index.search(query, language=chosen_language()) if index else []
    catalog = current_catalog()
    return render_template(
        "search/results.html",
        query=query,
        groups=[(catalog.topic(group.topic), group.hits) for group in found],
        hit_url=hit_url,
        marked=Markup,  # the search module escaped the lesson text and added only <mark>
    )


def hit_url(hit: Hit) -> str:
    """The lesson in the language that matched, scrolled to the step that matched."""
    language = hit.language if hit.language != "vi" else None
    anchor = f"buoc-{hit.step}" if hit.step else None
    return url_for("pages.lesson", slug=hit.slug, lang=language, _anchor=anchor)
