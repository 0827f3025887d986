"""trainer: lessons, audio and certification for Vietnam's Community Digital Technology Teams."""

from __future__ import annotations

import os

from flask import Flask

from trainer import config, extensions, proxy, web


def create_app(test_config: dict | None = None) -> Flask:
    """Create the trainer web app."""
    instance = os.environ.get("TRAINER_INSTANCE_PATH")
    app = Flask(
        __name__,
        instance_path=instance and os.path.abspath(instance),
        instance_relative_config=True,
        static_folder=None,
        template_folder="web/templates",
    )
    app.config.from_object(config.Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("TRAINER")
    else:
        app.config.update(test_config)
    config.settle(app)
    proxy.init_app(app)

    extensions.init_app(app)
    web.load_catalog(app)
    web.register_blueprints(app)
    return app
