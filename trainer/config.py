"""Settings. Each can be overridden in instance/config.py or by a TRAINER_<NAME> variable."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

REPOSITORY = Path(__file__).resolve().parent.parent


class Defaults:
    # Where lessons/, topics, media/ and quizzes/ are read from.
    CONTENT_DIR = str(REPOSITORY)
    # Where built files (pictures, audio, search index) go; empty means <instance>/build.
    BUILD_DIR = ""
    # The database; empty means SQLite at <instance>/trainer.sqlite.
    DATABASE_URL = ""
    # The address people reach the site at, for QR codes and shared links; empty means the
    # address each page was asked at (right for a laptop on the culture house's Wi-Fi).
    PUBLIC_BASE_URL = ""
    # Signs sessions; empty means a random key kept in <instance>/secret_key.
    SECRET_KEY = ""
    # Compression of pages, styles and drawings for slow 3G.
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
    ]
    COMPRESS_ALGORITHM = ["br", "gzip"]
    COMPRESS_BR_LEVEL = 5
    # Sign-in: after this many wrong passwords for one name (or 4x from one address)
    # within LOGIN_LOCK_MINUTES, further tries wait until the window has passed.
    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    # Session cookies: never readable by scripts; not sent on cross-site posts. Set
    # SESSION_COOKIE_SECURE = True when the site is served over HTTPS.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # A form's hidden anti-forgery token stays valid this long (seconds): a whole class day.
    WTF_CSRF_TIME_LIMIT = 12 * 3600
    # Files named by content hash never change, so browsers may keep them a year.
    IMMUTABLE_MAX_AGE = 365 * 24 * 3600
    # Voices for `trainer build`, tried in order; a recorded voice always comes first.
    # "google" (gTTS, needs internet) and "espeak" (espeak-ng, offline, built in).
    SPEECH_ENGINES = ["google", "espeak"]
    # Seconds to wait for Google's voice before falling back for the rest of the build.
    GTTS_TIMEOUT = 5.0
    # MP3 bitrate in kbps (mono): 24 gives about 30 KB per 10 seconds of speech.
    SPEECH_BITRATE = 24
    # The slow version's speed, for elderly listeners.
    SPEECH_SLOW = 0.8


def settle(app: Flask) -> None:
    """Fill in the settings that derive from the instance folder."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config["CONTENT_DIR"] = str(Path(app.config["CONTENT_DIR"]).resolve())
    app.config["BUILD_DIR"] = str(Path(app.config["BUILD_DIR"] or instance / "build").resolve())
    app.config["DATABASE_URL"] = (
        app.config["DATABASE_URL"] or f"sqlite:///{instance / 'trainer.sqlite'}"
    )
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret(instance / "secret_key")


def _instance_secret(path: Path) -> str:
    """A random key made once per installation, so every app process signs alike."""
    if not path.exists():
        temp = path.with_suffix(".tmp")
        temp.write_text(secrets.token_urlsafe(32))
        temp.replace(path)
    return path.read_text().strip()
