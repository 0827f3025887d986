"""Addresses: full ones for QR codes and shared links, and where a redirect may go."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import current_app, request

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_NEXT = 2000  # longer is no address a page of this site links to
# Where `make run` serves; what a certificate names as its issuer when nothing is configured.
UNCONFIGURED_BASE_URL = "http://127.0.0.1:5000"


def public_url(path: str) -> str:
    """path on the address people reach the site at.

    PUBLIC_BASE_URL when set (behind a proxy, or a public name); otherwise the address this
    page was asked at, so a laptop at the Nhà văn hóa prints QR codes that phones on its
    Wi-Fi can open without any setting.
    """
    base = current_app.config["PUBLIC_BASE_URL"] or request.url_root
    return base.rstrip("/") + path


def configured_base_url() -> str:
    """The site's address from configuration alone, for what must not change with who asks:
    a certificate's issuer and verify addresses. PUBLIC_BASE_URL; else the first of
    TRUSTED_HOSTS over http; else UNCONFIGURED_BASE_URL. Never the request's Host."""
    names = current_app.config.get("TRUSTED_HOSTS") or []  # a list, once proxy.py read it
    hosts = [name for name in names if not name.startswith(".")]  # ".x.vn": any under x.vn
    base = current_app.config["PUBLIC_BASE_URL"] or (f"http://{hosts[0]}" if hosts else "")
    return (base or UNCONFIGURED_BASE_URL).rstrip("/")


def safe_next(target: str | None, default: str) -> str:
    """target when it is a path on this site; default for anything else: another host,
    "//host", "/\\host" (which browsers read like "//host"), a tab, CR or LF anywhere
    ("/\t/host" is "//host" once a browser drops the tab; CR LF would break the header)."""
    target = target or ""
    on_site = (
        target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not CONTROL.search(target)
        and len(target) <= MAX_NEXT
    )
    return target if on_site and not urlsplit(target).netloc else default
