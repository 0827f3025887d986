"""Static files and built pictures, under names that change when their content does.

Pictures come from the build folder. A server started before `trainer build` makes each one
on its first request, into `<instance>/unbuilt/media/`: never into the build folder.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, request, url_for
from werkzeug.security import safe_join

from trainer.content.media import build_picture
from trainer.web.core.catalog import current_catalog
from trainer.web.core.serving_state import serving

STATIC_DIR = Path(__file__).parent.parent / "static"
# A drawing opened on its own must not run anything, whatever is inside it.
MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

bp = Blueprint("files", __name__)
_making = threading.Lock()


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
    folder = Path(current_app.config["BUILD_DIR"]) / "media"
    if not _is_file(folder / name):
        folder = _unbuilt_picture(name)
    response = _send(folder, name)
    response.headers["Content-Security-Policy"] = MEDIA_POLICY
    return _cache(response, immutable=True)


def _is_file(path: Path) -> bool:
    """False, not an error, for a name too long for the disk or holding a NUL byte."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def picture_size(name: str) -> int | None:
    """Bytes of a built picture (made now if the server started before any build), or None."""
    folder = Path(current_app.config["BUILD_DIR"]) / "media"
    if not (folder / name).is_file():
        folder = _unbuilt_picture(name)
    try:
        return (folder / name).stat().st_size
    except OSError:
        return None


def unbuilt_folder() -> Path:
    """Where a server that was started before any build makes the pictures it is asked for."""
    return Path(current_app.instance_path) / "unbuilt" / "media"


def _unbuilt_picture(name: str) -> Path:
    """The folder holding the picture named name, made now if the catalog knows it."""
    folder = unbuilt_folder()
    sources = serving().picture_sources
    if name in sources and not _is_file(folder / name):
        src = sources[name]
        with _making:
            source = Path(current_app.config["CONTENT_DIR"]) / "media" / src
            opaque = current_catalog().pictures[src].opaque
            build_picture(source, Path("media") / src, folder, opaque=opaque)
    return folder


def _send(folder: Path, name: str) -> Response:
    """A small file, whole in memory so it can be compressed, with an ETag for revalidation."""
    path = safe_join(str(folder), name)
    if path is None or name.startswith(".") or not _is_file(Path(path)):
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
