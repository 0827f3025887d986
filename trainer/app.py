"""The web app factory: settings, extensions, the catalog `trainer build` made, the areas."""

from __future__ import annotations

import os

from flask import Flask

from trainer import config, extensions, proxy
from trainer.services.members import passwords
from trainer.web import certification, core, field, hall, listening, members, reading


def create_app(test_config: dict | None = None) -> Flask:
    """Create the trainer web app; it reads what `trainer build` made and writes nothing there."""
    app = settings_app(test_config)
    core.init_app(app)  # the catalog, files, links, display, guards, errors, headers
    reading.init_app(app)  # pages, search, handouts and posters
    listening.init_app(app)  # narration, listen mode, loudspeaker files, recorded voices
    hall.init_app(app)  # projector, presenter, slide position, class quiz
    members.init_app(app)  # sign-in, account, progress, teams, admin
    certification.init_app(app)  # quizzes, certificates, field guides, rosters, reports
    field.init_app(app)  # the visit log, villages and their targets
    return app


def settings_app(test_config: dict | None = None) -> Flask:
    """The app's settings and extensions only: for commands that need no content or pages."""
    instance = os.environ.get("TRAINER_INSTANCE_PATH")
    app = Flask(
        "trainer",
        instance_path=instance and os.path.abspath(instance),
        instance_relative_config=True,
        static_folder=None,
        template_folder=None,
    )
    app.config.from_object(config.Defaults)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("TRAINER")
    else:
        app.config.update(test_config)
    config.settle(app)
    passwords.configure(
        app.config["PASSWORD_MEMORY_KIB"],
        app.config["PASSWORD_TIME_COST"],
        app.config["PASSWORD_PARALLELISM"],
    )
    proxy.init_app(app)

    extensions.init_app(app)
    return app
