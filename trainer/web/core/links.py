"""Full addresses for QR codes and shared links."""

from __future__ import annotations

from flask import current_app, request


def public_url(path: str) -> str:
    """path on the address people reach the site at.

    PUBLIC_BASE_URL when set (behind a proxy, or a public name); otherwise the address this
    page was asked at, so a laptop at the Nhà văn hóa prints QR codes that phones on its
    Wi-Fi can open without any setting.
    """
    base = current_app.config["PUBLIC_BASE_URL"] or request.url_root
    return base.rstrip("/") + path
