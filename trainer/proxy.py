"""Behind a reverse proxy: whose address a request comes from, and which names to answer to.

With PROXY_COUNT set, Werkzeug's ProxyFix takes the client's address and scheme from that
many X-Forwarded-For / X-Forwarded-Proto entries, so sign-in throttling, the access log and
full addresses see the person, not nginx. A client can add entries of its own, but only
the ones the proxies appended are believed.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    count = int(app.config["PROXY_COUNT"] or 0)
    if count > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config["TRUSTED_HOSTS"])


def trusted_hosts(setting: str | list[str] | None) -> list[str] | None:
    """The setting as Flask wants it: a list of names, or None for any name."""
    if isinstance(setting, str):
        setting = setting.split(",")
    names = [name.strip() for name in setting or [] if name.strip()]
    return names or None
