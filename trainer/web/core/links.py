"""Addresses: full ones for QR codes and shared links, and where a redirect may go."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import current_app, has_request_context, request

from trainer.services.hall.hall_network import is_loopback, own_addresses

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_NEXT = 2000  # longer is no address a page of this site links to
# Where `make run` serves; what a certificate names as its issuer when nothing is configured.
UNCONFIGURED_BASE_URL = "http://127.0.0.1:5000"


def configured_public_base_url(config: Mapping | None = None) -> str:
    """The address the site was told people reach it at, without a trailing "/"; "" if none.

    TRAINER_PUBLIC_BASE_URL, or the address `trainer serve --hall` chose on the laptop's
    Wi-Fi. Needs no request: for what is made away from one (a certificate's issuer).
    """
    config = current_app.config if config is None else config
    return (config.get("PUBLIC_BASE_URL") or "").rstrip("/")


def public_base_url() -> str:
    """The configured public base URL, else the address this page was asked at (no "/")."""
    return configured_public_base_url() or request.url_root.rstrip("/")


def public_url(path: str) -> str:
    """path on the address people reach the site at.

    PUBLIC_BASE_URL when set (behind a proxy, a public name, or by hall mode); otherwise the
    address this page was asked at, so a laptop at the Nhà văn hóa prints QR codes that
    phones on its Wi-Fi can open without any setting.
    """
    return public_base_url() + path


def asked_at_own_address() -> bool:
    """True when the configured address is used, or this page was asked at a name this
    server really has (a trusted host, loopback, or one of the machine's own addresses on
    the port it listens on): never a Host header a visitor made up."""
    if configured_public_base_url():
        return True
    host = request.host.lower()
    trusted = current_app.config.get("TRUSTED_HOSTS") or []
    name, _, port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name or "]" in port:
        name, port = host, ""
    if name in trusted:
        return True
    default = "443" if request.scheme == "https" else "80"
    served = str(request.environ.get("SERVER_PORT") or default)
    own = is_loopback(name) or name.strip("[]") in own_addresses()
    return own and (port or default) == served


def unreachable_by_phones(url: str) -> bool:
    """True when url names this machine only (127.0.0.1, localhost): a phone opens nothing."""
    return is_loopback(urlsplit(url).hostname or "")


def issuer_base_url() -> str:
    """The site's address for what must not change with who asks: a certificate's issuer
    and verify addresses (no "/" at the end). The configured one (PUBLIC_BASE_URL, or hall
    mode's); else the address this page was asked at when this machine really has it
    (`asked_at_own_address`: never a Host a visitor made up); else the first of
    TRUSTED_HOSTS over http; else UNCONFIGURED_BASE_URL."""
    if configured := configured_public_base_url():
        return configured
    if has_request_context() and asked_at_own_address():
        return request.url_root.rstrip("/")
    names = current_app.config.get("TRUSTED_HOSTS") or []  # a list, once proxy.py read it
    hosts = [name for name in names if not name.startswith(".")]  # ".x.vn": any under x.vn
    return f"http://{hosts[0]}" if hosts else UNCONFIGURED_BASE_URL


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
