"""Error pages in Vietnamese that always lead back home."""

from __future__ import annotations

from flask import Flask, render_template


def init_app(app: Flask) -> None:
    app.register_error_handler(404, not_found)
    app.register_error_handler(500, server_error)


def not_found(error):
    return render_template("errors/404.html"), 404


def server_error(error):
    return render_template("errors/500.html"), 500
