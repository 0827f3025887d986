"""Listening: narration for every step, listen mode, loudspeaker files, recorded voices."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.listening import narration, packs, plays, recordings, shared_voices


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for blueprint in (narration.bp, packs.bp, plays.bp, recordings.bp):
        app.register_blueprint(blueprint)
    narration.init_app(app)
    shared_voices.init_app(app)  # recordings other servers took, off the request path
