"""How pages look for each reader: bigger text (A−/A+) and a high-contrast theme.

The choice is kept in a cookie and applied by the server, so it works without JavaScript
on any phone, and the page arrives already at the right size.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Flask, Response, redirect, request, url_for

from trainer.web.core.links import safe_next

bp = Blueprint("display", __name__)
COOKIE = "hien_thi"
LARGEST = 4  # text size steps above normal; the largest is twice the normal size
YEAR = 365 * 24 * 3600
# The header's display settings (base.html): a change comes back to the page with them open,
# since browsers open a closed <details> holding the element an address's #fragment names.
PANEL = "hien-thi"


@dataclass(frozen=True)
class Display:
    size: int = 0
    contrast: bool = False

    @property
    def classes(self) -> str:
        return " ".join([f"chu-{self.size}"] + (["tuong-phan"] if self.contrast else []))

    def cookie(self) -> str:
        return f"{self.size}-{'cao' if self.contrast else 'thuong'}"


def init_app(app: Flask) -> None:
    app.after_request(_vary_on_cookie)


def current_display() -> Display:
    """The reader's choice, from their cookie; anything unreadable means the defaults."""
    size, _, contrast = request.cookies.get(COOKIE, "").partition("-")
    return Display(
        int(size) if size in {str(n) for n in range(LARGEST + 1)} else 0, contrast == "cao"
    )


@bp.app_context_processor
def display_helpers() -> dict:
    return {"display": current_display(), "display_url": display_url, "display_panel": PANEL}


def display_url(*, reopen: bool = False, **change: str) -> str:
    """A link that changes the display and comes back to this page, at the header's
    display settings when reopen, so A+ can be pressed again at once."""
    here = request.full_path.rstrip("?") if request.endpoint != "display.change" else "/"
    return url_for("display.change", tiep=here + (f"#{PANEL}" if reopen else ""), **change)


@bp.get("/hien-thi")
def change():
    now = current_display()
    size = now.size + {"to": 1, "nho": -1}.get(request.args.get("chu", ""), 0)
    contrast = {"cao": True, "thuong": False}.get(request.args.get("mau", ""), now.contrast)
    chosen = Display(max(0, min(LARGEST, size)), contrast)
    response = redirect(safe_next(request.args.get("tiep"), "/"), code=303)
    response.set_cookie(COOKIE, chosen.cookie(), max_age=YEAR, httponly=True, samesite="Lax")
    return response


def _vary_on_cookie(response: Response) -> Response:
    if response.mimetype == "text/html":
        response.vary.add("Cookie")
    return response
