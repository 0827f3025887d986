"""The web app: blueprints, and the catalog they read."""

from __future__ import annotations

from flask import Flask

from trainer.web import (
    audio,
    certification,
    class_quiz,
    display,
    errors,
    files,
    handouts,
    headers,
    membership,
    pages,
    projector,
    recordings,
    search,
    slide_position,
)
from trainer.web.catalog import load_catalog

__all__ = ["load_catalog", "register_blueprints"]


def register_blueprints(app: Flask) -> None:
    """Every part of the site; each module wires its own blueprints and helpers."""
    # Reading, for everyone, no account needed.
    app.register_blueprint(pages.bp)
    app.register_blueprint(files.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(display.bp)
    display.init_app(app)
    files.init_app(app)
    search.init_app(app)
    # Listening: narration, listen mode, loudspeaker files, recorded voices.
    app.register_blueprint(audio.bp)
    app.register_blueprint(recordings.bp)
    audio.init_app(app)
    # At the Nhà văn hóa: projector, presenter, class quiz, handouts and posters.
    app.register_blueprint(projector.bp)
    app.register_blueprint(slide_position.bp)
    app.register_blueprint(class_quiz.bp)
    app.register_blueprint(handouts.bp)
    # Members: accounts, progress, teams; then quizzes, certificates, rosters, reports.
    membership.init_app(app)
    certification.init_app(app)
    # Every response.
    errors.init_app(app)
    headers.init_app(app)
