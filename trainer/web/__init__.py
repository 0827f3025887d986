"""The web app: blueprints, and the catalog they read."""

from __future__ import annotations

from flask import Flask

import trainer.web.certification as certification
import trainer.web.membership as membership
import trainer.web.recordings as recordings
from trainer.web import (
    audio,
    class_quiz,
    display,
    errors,
    files,
    handouts,
    headers,
    pages,
    projector,
    search,
    slide_position,
)
from trainer.web.catalog import load_catalog

__all__ = ["load_catalog", "register_blueprints"]


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(pages.bp)
    app.register_blueprint(files.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(audio.bp)
    app.register_blueprint(recordings.bp)
    app.register_blueprint(projector.bp)
    app.register_blueprint(slide_position.bp)
    app.register_blueprint(class_quiz.bp)
    app.register_blueprint(handouts.bp)
    app.register_blueprint(display.bp)
    display.init_app(app)
    membership.init_app(app)
    certification.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    files.init_app(app)
    audio.init_app(app)
    search.init_app(app)
