"""Security headers on every response: no outside scripts, fonts or frames, ever (and
`X-Frame-Options` for older Android browsers that ignore `frame-ancestors`); with an https
public address, Strict-Transport-Security, so a phone that once reached the site securely is
never sent to a plain-HTTP copy on a hostile Wi-Fi; and nothing a signed-in person sees
(their pages, reports, certificates) kept by any cache."""

from __future__ import annotations

from flask import Flask, Response, current_app
from flask_login import current_user

POLICY = (
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


HSTS = "max-age=31536000"  # a year; no includeSubDomains: other names may still be plain HTTP


def init_app(app: Flask) -> None:
    app.after_request(add_security_headers)


def add_security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", POLICY)
    response.headers.setdefault("X-Frame-Options", "DENY")
    if current_app.config["PUBLIC_BASE_URL"].startswith("https:"):
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    cache = response.cache_control
    shared = cache.public or cache.immutable or cache.no_cache  # the same for everyone
    if not shared and current_user.is_authenticated:
        cache.private = True
        cache.no_store = True
    return response
