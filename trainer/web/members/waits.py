"""Only for admins: who must wait before signing in again, and letting them try at once."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.services.common import clock, throttle
from trainer.services.common.throttle import Limits
from trainer.web.core.access import admin_required
from trainer.web.core.forms import PageForm

bp = Blueprint("waits", __name__, url_prefix="/quan-tri/dang-nhap-sai")


@bp.get("/")
@admin_required
def index():
    locks = throttle.current_locks(db.session, clock.now(), Limits.of(current_app.config))
    return render_template("waits/index.html", locks=locks)


@bp.post("/mo")
@admin_required
def clear():
    if PageForm().validate_on_submit():
        name, address = request.form.get("ten", "")[:64], request.form.get("dia_chi", "")[:64]
        throttle.clear(db.session, name, address)
        who = f"“{name}”" if name else "mọi tên"
        flash(f"Đã cho {who} từ địa chỉ {address} đăng nhập lại ngay.", "success")
    return redirect(url_for(".index"))
