"""Recordings another server received: copied here a few seconds later, then played.

Never inside a page request: every few seconds the process's watcher thread (see
trainer.web.core.serving_state) asks the database for the newest recording's id; only when
it is newer than what this server copied does the copying run
(trainer.services.listening.shared_voices), and the serving state reads the audio again.
The upload itself copies at once, so the server that took it plays it on the next page.
"""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from trainer.extensions import db
from trainer.services.listening import shared_voices
from trainer.speech.stage import Settings
from trainer.web.core.serving_state import serving

MARKER = "giong-doc-da-chep"  # in the instance folder: the newest recording copied here
log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    serving(app).every_few_seconds(copy_new_recordings)


def local_copy(app: Flask) -> shared_voices.LocalCopy:
    state = serving(app)
    return shared_voices.LocalCopy(
        root=Path(app.config["CONTENT_DIR"]),
        built=state.built_audio,
        folder=state.taken_audio,
        marker=Path(app.instance_path) / MARKER,
        settings=Settings.of(app.config),
        lessons=state.catalog.lessons,
    )


def copy_new_recordings(app: Flask) -> None:
    """Copy recordings stored since this server last did, and play them from now on."""
    copy = local_copy(app)
    try:
        with db.sessionmaker(app)() as session:
            if shared_voices.newest(session) > shared_voices.copied(copy):
                shared_voices.catch_up(session, copy)
                serving(app).reload()
    except sa.exc.SQLAlchemyError as error:  # a voice that waits never fails anything else
        log.warning("could not look for recordings other servers received: %s", error)
