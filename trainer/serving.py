"""`trainer serve`: gunicorn in this very process, serving the app made once here.

Workers are forked from this process after the app is made (gunicorn's preload), so they
share its memory and none of them reads the catalog again. Running gunicorn here rather
than exec'ing `gunicorn "trainer:create_app()"` saves a second interpreter start.
"""

from __future__ import annotations

import errno
import gc
import socket

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


def serve(app: Flask, host: str, port: int, workers: int, threads: int) -> None:
    """Serve app until stopped (Ctrl+C or SIGTERM)."""
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": "-",
        "control_socket_disable": True,  # several servers on one machine must not share one
        "preload_app": True,
    }
    gc.freeze()  # what the app made stays untouched by the collector: shared, not copied
    Server(app, options).run()


def why_not_bindable(host: str, port: int) -> str | None:
    """Why the server could not listen at host:port (another program holds it, no such
    address), in one line; None when it can. Asked before anything says it serves."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
            probe.bind(address)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return (
                f"cổng {port} trên {host} đang có chương trình khác dùng; chọn cổng khác (--port)."
            )
        if error.errno == errno.EACCES:
            return f"không được dùng cổng {port} (cổng dưới 1024 cần quyền root); chọn cổng khác."
        return f"không nghe được tại {host}:{port}: {error.strerror or error}."
    return None
