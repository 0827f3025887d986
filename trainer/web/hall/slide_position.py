"""Which slide the hall sees: asked and moved by the projector and its joined presenters.

A presenter's phone is another device and may reach another server: it cannot share a
browser channel with the projector window, so both ask the database, through these two
addresses, about once a second. Only a browser that opened or joined the session may.
"""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, request

from trainer.extensions import db
from trainer.services.common import clock
from trainer.services.hall import presentations
from trainer.services.hall.hall_codes import CodesUsedUp
from trainer.web.hall.presenting import holds

bp = Blueprint("slide_position", __name__)
MAX_BODY = 1024  # {"at": 12, "blank": false} is some 25 bytes


@bp.get("/trinh-chieu/<int:presentation_id>/vi-tri")
def show(presentation_id: int):
    found = presentations.current(db.session, _held(presentation_id), clock.now()) or abort(404)
    return _no_store(jsonify(found.as_json()))


@bp.post("/trinh-chieu/<int:presentation_id>/vi-tri")
def move(presentation_id: int):
    asked = _asked()
    at, blank = asked.get("at"), asked.get("blank")
    if not (isinstance(at, int) and not isinstance(at, bool) and at >= 0):
        abort(400)
    if not isinstance(blank, bool):
        abort(400)
    found = presentations.current(db.session, _held(presentation_id), clock.now()) or abort(404)
    if at >= found.slides:
        abort(400)
    moved = presentations.move(db.session, presentation_id, at, blank, clock.now()) or abort(404)
    return _no_store(jsonify(moved.as_json()))


@bp.post("/trinh-chieu/<int:presentation_id>/ma-moi")
def new_code(presentation_id: int):
    """The laptop asks for a new code once a phone used the shown one up (M on the projector)."""
    try:
        renewed = presentations.renew_code(db.session, _held(presentation_id), clock.now())
    except CodesUsedUp:
        abort(503)
    renewed or abort(404)
    return _no_store(jsonify({"code": renewed.code, **renewed.as_json()}))


def _asked() -> dict:
    """The small JSON object the presenter sends; 400 for anything else."""
    if (request.content_length or 0) > MAX_BODY:
        abort(413)
    try:
        asked = request.get_json(silent=True)
    except RecursionError:  # nested deeper than any honest page sends
        abort(400)
    return asked if isinstance(asked, dict) else abort(400)


def _held(presentation_id: int) -> int:
    if not holds(presentation_id):
        abort(403)
    return presentation_id


def _no_store(response):
    response.cache_control.no_store = True
    return response
