"""Packs of records arriving at the province: pushed by a commune server over HTTP(S), or
uploaded here from a file that came on a USB stick or through Zalo.

The push address needs no account and no form token: the pack's signature, by a key the
province registered, is what lets it in.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request
from werkzeug.exceptions import RequestEntityTooLarge

from trainer.extensions import csrf, db
from trainer.models import Role
from trainer.services.records import intake, servers
from trainer.services.records.pack_format import MAX_PACK_BYTES, NotAPack
from trainer.services.records.sending import RECEIVE_PATH
from trainer.web.core.access import role_required
from trainer.web.core.limits import largest_body

bp = Blueprint("province_packs", __name__)
province_staff = role_required(Role.PROVINCE, Role.ADMIN)
TOO_LARGE = f"Tệp quá lớn. Tối đa là {MAX_PACK_BYTES // 1024 // 1024} MB."


def _refused_push(**_):
    return jsonify(ok=False, error=TOO_LARGE), 413


@bp.post(RECEIVE_PATH)
@csrf.exempt  # a server, not a browser: the pack's signature is its credential
@largest_body(MAX_PACK_BYTES, _refused_push)
def receive():
    try:
        taken = intake.take(db.session, request.get_data())
    except NotAPack as error:
        return jsonify(ok=False, error=str(error)), 400
    return jsonify(ok=True, server=taken.server, records=taken.records, changed=taken.changed)


def _refused_upload(**_):
    return _page(error=TOO_LARGE), 413


@bp.route("/tinh/goi-so-lieu", methods=["GET", "POST"])
@province_staff
@largest_body(MAX_PACK_BYTES, _refused_upload)
def upload():
    """Take a pack file a commune sent; the page says what it changed, or why not."""
    if request.method == "GET":
        return _page()
    try:
        sent = request.files.get("goi")
        if sent is None or not sent.filename:
            return _page(error="Chưa chọn tệp gói số liệu.")
        taken = intake.take(db.session, sent.read(MAX_PACK_BYTES + 1))
    except RequestEntityTooLarge:
        return _page(error=TOO_LARGE), 413
    except NotAPack as error:
        return _page(error=str(error)), 400
    return _page(taken=taken)


def _page(taken=None, error=None):
    return render_template(
        "province/upload.html",
        taken=taken,
        error=error,
        servers=servers.registered(db.session),
    )
