"""The content catalog, loaded once when the app starts and shared read-only by requests."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, current_app

from trainer.content.catalog import Catalog
from trainer.content.catalog import load_catalog as read_catalog

log = logging.getLogger("trainer.content")


def load_catalog(app: Flask) -> None:
    """Parse, check and render all content; log each problem and serve what is valid."""
    catalog, problems = read_catalog(
        Path(app.config["CONTENT_DIR"]), Path(app.config["BUILD_DIR"]) / "media"
    )
    for problem in problems:
        log.warning("%s", problem)
    if problems:
        log.warning(
            "%d content problem(s); the lessons that have them are not shown. "
            "Run `trainer check` for the list.",
            len(problems),
        )
    app.extensions["catalog"] = catalog
    app.extensions["content_problems"] = problems


def current_catalog() -> Catalog:
    return current_app.extensions["catalog"]
