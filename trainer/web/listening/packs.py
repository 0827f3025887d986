"""Audio packs on the site: an admin takes in the voices another machine made.

The same checks as `trainer audio import`: every clip real audio, small and short enough,
reading the lessons' current words; stale clips are counted, refused ones listed, and a
person's recording is never replaced by a machine voice. An admin can also download this
server's voices as a pack, to carry to a laptop with no internet.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flask import Blueprint, after_this_request, current_app, render_template, request, send_file
from werkzeug.exceptions import RequestEntityTooLarge

from trainer.speech.engines import make_engines
from trainer.speech.pack_import import MAX_PACK_BYTES, NotAPack, import_pack
from trainer.speech.packs import export_pack
from trainer.speech.stage import AUDIO, Settings
from trainer.speech.text import read_pronunciations
from trainer.web.core.access import admin_required
from trainer.web.core.catalog import current_catalog
from trainer.web.core.limits import largest_body
from trainer.web.core.serving_state import serving

bp = Blueprint("packs", __name__, url_prefix="/giong-doc/goi-am-thanh")


def _places() -> tuple[Path, Path]:
    config = current_app.config
    return Path(config["CONTENT_DIR"]), Path(config["BUILD_DIR"]) / AUDIO


@bp.get("/")
@admin_required
def show():
    return render_template("recordings/packs.html", done=None, error=None)


def _too_large():
    return _page(error=f"Tệp quá lớn. Tối đa là {MAX_PACK_BYTES // 1024 // 1024} MB."), 413


@bp.post("/")
@largest_body(MAX_PACK_BYTES, refused=_too_large)
@admin_required
def take():
    """Check and add an uploaded pack; the page says what was added, skipped and refused."""
    root, folder = _places()
    try:
        sent = request.files.get("goi")
        if sent is None or not sent.filename:
            return _page(error="Chưa chọn tệp gói âm thanh (.zip).")
        table, _ = read_pronunciations(root)
        settings = Settings.of(current_app.config)
        done = import_pack(sent.stream, current_catalog(), root, folder, table, settings)
    except RequestEntityTooLarge:
        return _page(error=f"Tệp quá lớn. Tối đa là {MAX_PACK_BYTES // 1024 // 1024} MB.")
    except NotAPack as error:
        return _page(error=str(error))
    serving().reload()
    return _page(done=done)


@bp.get("/tai-ve.zip")
@admin_required
def download():
    """This server's built and recorded voices as one pack."""
    root, folder = _places()
    handle, name = tempfile.mkstemp(suffix=".zip")
    os.close(handle)
    table, _ = read_pronunciations(root)
    settings = Settings.of(current_app.config)
    engines = make_engines(["google", "espeak"])
    since = serving().taken_audio  # recordings taken in since the build go too
    export_pack(Path(name), current_catalog(), root, folder, table, engines, settings, since=since)

    @after_this_request
    def remove(response):
        Path(name).unlink(missing_ok=True)  # the open file stays readable until sent
        return response

    return send_file(
        name, mimetype="application/zip", as_attachment=True, download_name="giong-doc.zip"
    )


def _page(done=None, error=None):
    status = 400 if error else 200
    return render_template("recordings/packs.html", done=done, error=error), status
