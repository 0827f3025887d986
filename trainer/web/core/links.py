"""Addresses: full ones for QR codes and shared links, and where a redirect may go."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, request


def public_url(path: str) -> str:
    """path on the address people reach the site at.

    PUBLIC_BASE_URL when set (behind a proxy, or a public name); otherwise the address this
    page was asked at, so a laptop at the Nhà văn hóa prints QR codes that phones on its
    Wi-Fi can open without any setting.
    """
    base = current_app.config["PUBLIC_BASE_URL"] or request.url_root
    return base.rstrip("/") + path


def safe_next(target: str | None, default: str) -> str:
    """target when it is a path on this site; default for anything else (another host,
    "//host", or "/\\host", which browsers read like "//host")."""
    target = target or ""
    on_site = target.startswith("/") and not target.startswith("//") and "\\" not in target
    return target if on_site and not urlsplit(target).netloc else default
