"""`trainer serve`: gunicorn in this very process, serving the app made once here.

Workers are forked from this process after the app is made (gunicorn's preload), so they
share its memory and none of them reads the catalog again. Before they fork, `warm` loads
here what each worker would otherwise load for itself on its first requests (the search
index, the templates and code of the pages read most), so they share that too. Running
gunicorn here rather than exec'ing `gunicorn "trainer:create_app()"` saves a second
interpreter start.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
from collections.abc import Callable
from contextlib import suppress

from flask import Flask

from trainer.extensions import db

log = logging.getLogger("trainer.serving")
BEFORE_FORK = "before_fork"  # app.extensions key: what an area loads in the master
M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter
LARGE_BLOCK = 128 * 1024  # glibc's default threshold, kept from moving up


def before_fork(app: Flask, load: Callable[[], object]) -> None:
    """Have `warm` call load() (in an app context) before the workers fork."""
    app.extensions.setdefault(BEFORE_FORK, []).append(load)


def warm(app: Flask) -> None:
    """Load what the areas registered, once, here; a failure is logged, never fatal (the
    worker then loads it on first use). No database connection is left open to be forked."""
    for load in app.extensions.get(BEFORE_FORK, []):
        try:
            with app.app_context():
                load()
        except Exception:  # the site still serves; that part loads in each worker instead
            log.exception("Could not load %s before the workers start", load)
    db.engine(app).dispose()


def give_back_large_blocks() -> None:
    """Have every block of 128 KiB or more mapped for its use and returned when freed.

    glibc starts so, then raises the threshold to the largest block freed: after the first
    password check (Argon2id's 19 MiB) each thread would keep 19 MiB it no longer uses,
    about 150 MB over 2 workers of 4 threads. Nothing changes where there is no glibc.
    """
    with suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)


def serve(app: Flask, binds: list[str], workers: int, threads: int) -> None:
    """Serve app on each "host:port" of binds until stopped (Ctrl+C or SIGTERM)."""
    from gunicorn.app.base import BaseApplication  # only the server needs gunicorn

    class Server(BaseApplication):
        def __init__(self, app: Flask, options: dict):
            self.application, self.options = app, options
            super().__init__()

        def load_config(self) -> None:
            for key, value in self.options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return self.application

    options = {
        "bind": binds,
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": "-",
        "control_socket_disable": True,  # several servers on one machine must not share one
        "preload_app": True,
    }
    give_back_large_blocks()  # set in the master, so every worker forked from it has it too
    warm(app)
    gc.freeze()  # what the app made stays untouched by the collector: shared, not copied
    Server(app, options).run()
