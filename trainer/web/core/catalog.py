"""The content catalog, read once when the app starts and shared read-only by requests.

It comes from the checked catalog `trainer build` left in the build folder when that still
matches the content; otherwise the content is read and checked here (slower, and pictures
are then made on first request, outside the build folder: see `files.py`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app

from trainer.content import snapshot
from trainer.content.catalog import Catalog, load_catalog
from trainer.web.core import serving_state

log = logging.getLogger("trainer.content")


def init_app(app: Flask) -> None:
    """Give the catalog to the app's serving state; log each content problem, serve the rest."""
    root, built = Path(app.config["CONTENT_DIR"]), Path(app.config["BUILD_DIR"])
    found = snapshot.load(built, root)
    if found is None:
        log.info("No current build in %s: reading the content. Run `trainer build`.", built)
        found = load_catalog(root)
    catalog, problems = found
    for problem in problems:
        log.warning("%s", problem)
    if problems:
        log.warning(
            "%d content problem(s); the lessons that have them are not shown. "
            "Run `trainer check` for the list.",
            len(problems),
        )
    serving_state.init_app(app, catalog)
    app.extensions["catalog"] = catalog  # the same object, never replaced: for scripts and tests


def current_catalog() -> Catalog:
    return serving_state.serving(current_app).catalog
