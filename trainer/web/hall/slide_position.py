"""Which slide the hall sees, kept on the laptop so a phone can move and follow it.

A presenter's phone on the laptop's Wi-Fi is another device: it cannot share a browser
channel with the projector window, so both ask the server. The position is a small file
in the instance folder, so every server process of the laptop sees the same one.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, request

from trainer.web.core.catalog import current_catalog

bp = Blueprint("slide_position", __name__)
START = {"at": 0, "blank": False, "seq": 0}


@bp.get("/bai-hoc/<slug>/trinh-chieu/vi-tri")
def show(slug: str):
    _slide_count(slug)
    return _no_store(jsonify(_read(slug)))


@bp.post("/bai-hoc/<slug>/trinh-chieu/vi-tri")
def move(slug: str):
    count = _slide_count(slug)
    asked = request.get_json(silent=True) or {}
    at, blank = asked.get("at"), asked.get("blank")
    if not (isinstance(at, int) and not isinstance(at, bool) and 0 <= at < count):
        abort(400)
    if not isinstance(blank, bool):
        abort(400)
    state = {"at": at, "blank": blank, "seq": _read(slug)["seq"] + 1}
    _write(slug, state)
    return _no_store(jsonify(state))


def _slide_count(slug: str) -> int:
    """Opening slide, one per step, closing slide."""
    lesson = current_catalog().lesson(slug) or abort(404)
    return len(lesson.steps) + 2


def _path(slug: str) -> Path:
    return Path(current_app.instance_path) / "trinh-chieu" / f"{slug}.json"


def _read(slug: str) -> dict:
    try:
        return {**START, **json.loads(_path(slug).read_text())}
    except (OSError, ValueError):
        return dict(START)


def _write(slug: str, state: dict) -> None:
    path = _path(slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".json")
    with os.fdopen(handle, "w") as out:
        json.dump(state, out)
    os.replace(temp, path)


def _no_store(response):
    response.cache_control.no_store = True
    return response
