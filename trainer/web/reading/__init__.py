"""Reading, for everyone and without an account: topics, lessons, search, handouts and posters."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.reading import handouts, offline, pages, search, videos


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for blueprint in (pages.bp, search.bp, handouts.bp, offline.bp, videos.bp):
        app.register_blueprint(blueprint)
    search.init_app(app)
    pages.init_app(app)
    videos.init_app(app)
