"""Settings. Each can be overridden in instance/config.py or by a TRAINER_<NAME> variable."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
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
    # How many reverse proxies (nginx) stand in front of the app. Each appends the address
    # it was reached from to X-Forwarded-For and says http or https in X-Forwarded-Proto;
    # the app believes that many entries, no more. 0: the connection's own address.
    PROXY_COUNT = 0
    # The host names the site answers to (a list, or a comma list), e.g. the public name;
    # a request for any other Host gets 400, so a forged Host never reaches a QR code or a
    # kept page. Empty: any name, as a laptop on a hall's Wi-Fi needs.
    TRUSTED_HOSTS: list[str] | None = None
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
    # Sign-in: after this many wrong passwords for one name from one address, each further
    # try from there waits twice as long (30 s, 1 min, 2 min ...) up to LOGIN_LOCK_MINUTES;
    # other addresses are not held back. LOGIN_ADDRESS_MAX_FAILURES wrong passwords from one
    # address (any names) within LOGIN_LOCK_MINUTES hold that address back.
    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    LOGIN_ADDRESS_MAX_FAILURES = 100
    # Registering: at most this many tries from one address within REGISTER_WINDOW_MINUTES
    # (each is a slow password hash, and extra accounts must not come cheap). A hall
    # registering a whole class behind one Wi-Fi raises it for the day.
    REGISTER_ADDRESS_MAX = 20
    REGISTER_WINDOW_MINUTES = 60
    # Session cookies: never readable by scripts; not sent on cross-site posts. "Secure"
    # (sent over HTTPS only): None means on exactly when PUBLIC_BASE_URL starts https:
    # (the remember-me cookie follows the session cookie).
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = None
    REMEMBER_COOKIE_SECURE = None
    # Members' passwords are hashed with Argon2id at this cost: memory in KiB, passes,
    # lanes. The floor is OWASP's minimum, m = 19 MiB (19456 KiB), t = 2, p = 1: a lower
    # setting stops the app at start. Each sign-in costs one check at this cost (about
    # 0.05 s of one core at the floor), so raising it makes a class's sign-ins queue longer.
    # Older hashes (scrypt) are still accepted and hashed again at the next sign-in.
    PASSWORD_MEMORY_KIB = 19 * 1024
    PASSWORD_TIME_COST = 2
    PASSWORD_PARALLELISM = 1
    # "Ghi nhớ trên điện thoại này" keeps a member signed in this long.
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    # The largest request body (bytes): a CSV import of 2 MB and its form. A recording's
    # route takes its own 5 MB. Larger requests get a 413 before any of them is read.
    MAX_CONTENT_LENGTH = 3 * 1024 * 1024
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
    # Plays of a step are added up in each server process and written every this many
    # seconds (one short write for a burst of presses).
    PLAYS_WRITTEN_EVERY = 10.0
    # When a period's report is due at the Department: this day of the month after the
    # period ("after", Điện Biên: the 10th), or of the period's own last month ("last",
    # Đồng Nai: the 5th of the quarter's last month).
    REPORT_DEADLINE_DAY = 10
    REPORT_DEADLINE_MONTH = "after"
    # A commune server: the province's address (https://tinh.example.vn) its records are
    # sent to by `trainer records push`, and by `trainer serve` every RECORDS_PUSH_MINUTES.
    RECORDS_PROVINCE_URL = ""
    RECORDS_PUSH_MINUTES = 60


def settle(app: Flask) -> None:
    """Fill in the settings that derive from the instance folder."""
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config["CONTENT_DIR"] = str(Path(app.config["CONTENT_DIR"]).resolve())
    app.config["BUILD_DIR"] = str(Path(app.config["BUILD_DIR"] or instance / "build").resolve())
    app.config["DATABASE_URL"] = (
        app.config["DATABASE_URL"] or f"sqlite:///{instance / 'trainer.sqlite'}"
    )
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = app.config["PUBLIC_BASE_URL"].startswith("https:")
    if app.config["REMEMBER_COOKIE_SECURE"] is None:
        app.config["REMEMBER_COOKIE_SECURE"] = app.config["SESSION_COOKIE_SECURE"]
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret(instance / "secret_key")


def _instance_secret(path: Path) -> str:
    """A random key made once per installation, so every app process signs alike.

    Readable by its owner only; when two processes start at once, the first key stays.
    """
    if not path.exists():
        temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(32))
        try:
            os.link(temp, path)  # fails if another process made the key first
        except FileExistsError:
            pass
        finally:
            temp.unlink()
    return path.read_text().strip()
