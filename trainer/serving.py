"""`trainer serve`: gunicorn in this very process, serving the app made once here.

Workers are forked from this process after the app is made (gunicorn's preload), so they
share its memory and none of them reads the catalog again. Running gunicorn here rather
than exec'ing `gunicorn "trainer:create_app()"` saves a second interpreter start.
"""

from __future__ import annotations

import gc

from flask import Flask
from gunicorn.app.base import BaseApplication


class Server(BaseApplication):
    def __init__(self, app: Flask, options: dict):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def serve(app: Flask, binds: list[str], workers: int, threads: int) -> None:
    """Serve app on each "host:port" of binds until stopped (Ctrl+C or SIGTERM)."""
    options = {
        "bind": binds,
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": "-",
        "control_socket_disable": True,  # several servers on one machine must not share one
        "preload_app": True,
    }
    gc.freeze()  # what the app made stays untouched by the collector: shared, not copied
    Server(app, options).run()
