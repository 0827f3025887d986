"""Recordings another server received: copied here a few seconds later, then played.

Before a request, at most every CHECK_EVERY seconds per process, one small query asks for
the newest recording's id; only when it is newer than what this server copied does the
copying run (trainer.services.listening.shared_voices), and the lesson pages pick the audio up.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from trainer.extensions import db
from trainer.services.listening import shared_voices
from trainer.speech.stage import AUDIO, Settings
from trainer.web.core.catalog import current_catalog
from trainer.web.listening.narration import refresh_audio

CHECK_EVERY = 2.0
MARKER = "giong-doc-da-chep"  # in the instance folder: the newest recording copied here
log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    app.before_request(lambda: copy_new_recordings(app))


def local_copy(app: Flask) -> shared_voices.LocalCopy:
    return shared_voices.LocalCopy(
        root=Path(app.config["CONTENT_DIR"]),
        folder=Path(app.config["BUILD_DIR"]) / AUDIO,
        marker=Path(app.instance_path) / MARKER,
        settings=Settings.of(app.config),
        lessons=current_catalog().lessons,
    )


def copy_new_recordings(app: Flask, force: bool = False) -> None:
    """Copy recordings stored since this server last did, and play them from now on."""
    seen = app.extensions.setdefault("shared_voices_checked", {"at": 0.0})
    now = time.monotonic()
    if not force and now - seen["at"] < CHECK_EVERY:
        return
    seen["at"] = now
    copy = local_copy(app)
    try:
        with db.sessionmaker(app)() as session:
            if shared_voices.newest(session) > shared_voices.copied(copy):
                shared_voices.catch_up(session, copy)
                refresh_audio(app, force=True)
    except sa.exc.SQLAlchemyError as error:  # a page never fails for want of a new voice
        log.warning("could not look for recordings other servers received: %s", error)
