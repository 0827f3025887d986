"""`trainer serve`: gunicorn in this very process, serving the app made once here.

Workers are forked from this process after the app is made (gunicorn's preload), so they
share its memory and none of them reads the catalog again. Before they fork, `warm` loads
here what each worker would otherwise load for itself on its first requests (the search
index, the templates and code of the pages read most), so they share that too. Running
gunicorn here rather than exec'ing `gunicorn "trainer:create_app()"` saves a second
interpreter start.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable

from flask import Flask

from trainer.extensions import db

log = logging.getLogger("trainer.serving")
BEFORE_FORK = "before_fork"  # app.extensions key: what an area loads in the master


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


def serve(app: Flask, host: str, port: int, workers: int, threads: int) -> None:
    """Serve app until stopped (Ctrl+C or SIGTERM)."""
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
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": "-",
        "control_socket_disable": True,  # several servers on one machine must not share one
        "preload_app": True,
    }
    warm(app)
    gc.freeze()  # what the app made stays untouched by the collector: shared, not copied
    Server(app, options).run()
