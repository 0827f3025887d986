"""Static files and built pictures, under names that change when their content does."""

from __future__ import annotations

import hashlib
import mimetypes
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request, url_for
from werkzeug.security import safe_join

from trainer.web.catalog import current_catalog

STATIC_DIR = Path(__file__).parent / "static"
# A drawing opened on its own must not run anything, whatever is inside it.
MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

bp = Blueprint("files", __name__)


def init_app(app: Flask) -> None:
    app.add_template_global(asset_url)
    app.add_template_global(picture)


@cache
def _static_hash(name: str) -> str:
    return hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:10]


def asset_url(name: str) -> str:
    """URL of a file in web/static/, with its content hash in the path."""
    return url_for("files.static", version=_static_hash(name), name=name)


def picture(src: str):
    """The built picture for a media path, or None."""
    return current_catalog().pictures.get(src)


@bp.get("/static/<version>/<path:name>")
def static(version: str, name: str):
    response = _send(STATIC_DIR, name)
    return _cache(response, immutable=version == _static_hash(name))


@bp.get("/media/<name>")
def media(name: str):
    response = _send(Path(current_app.config["BUILD_DIR"]) / "media", name)
    response.headers["Content-Security-Policy"] = MEDIA_POLICY
    return _cache(response, immutable=True)


def _send(folder: Path, name: str) -> Response:
    """A small file, whole in memory so it can be compressed, with an ETag for revalidation."""
    path = safe_join(str(folder), name)
    if path is None or name.startswith(".") or not Path(path).is_file():
        abort(404)
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = Response(Path(path).read_bytes(), mimetype=mimetype)
    response.add_etag()
    return response.make_conditional(request)


def _cache(response, *, immutable: bool):
    if immutable:
        response.cache_control.public = True
        response.cache_control.max_age = current_app.config["IMMUTABLE_MAX_AGE"]
        response.cache_control.immutable = True
    else:
        response.cache_control.no_cache = True
    return response
