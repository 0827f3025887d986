"""A team's villages (thôn, bản), kept by its instructors and admins for the visit log."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.services.field import villages
from trainer.services.members.accounts import AccountError
from trainer.web.core.access import instructor_required, managed_team_or_404
from trainer.web.core.forms import PageForm

bp = Blueprint("villages", __name__, url_prefix="/to/<int:team_id>/thon-ban")


@bp.get("/")
@instructor_required
def index(team_id: int, error: str = "", typed: str = "", status: int = 200):
    team = managed_team_or_404(team_id)
    listed = villages.villages_of(db.session, [team.id])
    page = render_template(
        "field/villages.html", team=team, villages=listed, error=error, typed=typed
    )
    return page, status


@bp.post("/")
@instructor_required
def add(team_id: int):
    team = managed_team_or_404(team_id)
    if not PageForm().validate_on_submit():
        return redirect(url_for("villages.index", team_id=team.id))
    typed = request.form.get("ten", "")
    try:
        village = villages.add_village(db.session, team.id, typed)
    except AccountError as error:
        return index(team.id, error.message, typed, 422)
    flash(f"Đã thêm “{village.name}” vào danh sách của tổ.", "success")
    return redirect(url_for("villages.index", team_id=team.id))


@bp.post("/<int:village_id>/bo")
@instructor_required
def retire(team_id: int, village_id: int):
    team = managed_team_or_404(team_id)
    if PageForm().validate_on_submit():
        try:
            village = villages.retire_village(db.session, team.id, village_id)
        except AccountError as error:
            flash(error.message, "error")
        else:
            flash(f"Đã bỏ “{village.name}” khỏi danh sách; các buổi đã ghi vẫn giữ.", "success")
    return redirect(url_for("villages.index", team_id=team.id))
