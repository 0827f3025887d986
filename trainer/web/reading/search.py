"""Search: a box on every page, results grouped by topic, each linking to the step it found."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Blueprint, Flask, current_app, render_template, request, url_for
from markupsafe import Markup

from trainer import serving
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import chosen_language

if TYPE_CHECKING:
    from trainer.content.search import Hit, SearchIndex

bp = Blueprint("search", __name__)


class LazyIndex:
    """The app's index, opened on first search.

    The one `trainer build` made for these lessons; if there is none, one is made then,
    outside the build folder.
    """

    def __init__(self, built: Path, unbuilt: Path):
        self._built, self._unbuilt = built, unbuilt
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> SearchIndex:
        # Whoosh is imported on the first search, not by every process that never searches.
        from whoosh import index

        from trainer.content.search import SearchIndex
        from trainer.content.search_index import ensure_index, index_dir

        with self._lock:
            if self._index is None:
                lessons = list(current_catalog().lessons.values())
                path = index_dir(self._built, lessons)
                if not index.exists_in(path):
                    path, _ = ensure_index(self._unbuilt, lessons)
                self._index = SearchIndex(path)
            return self._index


def init_app(app: Flask) -> None:
    app.extensions["search"] = LazyIndex(
        Path(app.config["BUILD_DIR"]) / "search", Path(app.instance_path) / "unbuilt" / "search"
    )
    # `trainer serve` opens it in the master: Whoosh and the stored steps, once for every
    # worker, instead of a copy in each worker after its first search.
    serving.before_fork(app, lambda: app.extensions["search"].get().warm("mật khẩu"))


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
