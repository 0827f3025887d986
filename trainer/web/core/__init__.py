"""What every page shares: the catalog, files, links, display settings, guards, errors, headers."""

from __future__ import annotations

from flask import Flask

from trainer.services.common import clock
from trainer.web.core import (
    access,
    catalog,
    display,
    errors,
    files,
    headers,
    ids,
    language,
    limits,
    names,
    templates,
)


def init_app(app: Flask) -> None:
    ids.init_app(app)  # first: every route with an id is bound to its converter
    limits.init_app(app)
    templates.add_folder(app, __file__)
    catalog.init_app(app)
    for blueprint in (files.bp, display.bp):
        app.register_blueprint(blueprint)
    files.init_app(app)
    display.init_app(app)
    language.init_app(app)
    access.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    app.add_template_filter(clock.shown_day, "day")
    app.add_template_filter(clock.shown_time, "moment")
    app.add_template_filter(names.short_name, "short_name")
