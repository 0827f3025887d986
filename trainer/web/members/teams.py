"""Teams for the people who manage them: an instructor sees their own, an admin every one.

One list of teams answers at `/to/` and at `/giang-vien/` (the certification side);
each team links to its members page here and to its certificate grid in `roster.py`.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for

from trainer.extensions import db
from trainer.models import Role, User
from trainer.services.members import accounts, joining, people, teams
from trainer.services.members.progress import finished_counts
from trainer.web.core.access import current_user, instructor_required, managed_team_or_404

bp = Blueprint("teams", __name__)


@bp.get("/to/")
@bp.get("/giang-vien/", endpoint="roster")
@instructor_required
def index():
    return render_template(
        "teams/index.html", teams=teams.teams_managed_by(db.session, current_user)
    )


@bp.get("/to/<int:team_id>")
@instructor_required
def show(team_id: int):
    team = managed_team_or_404(team_id)
    members = team.approved_members
    return render_template(
        "teams/show.html",
        team=team,
        members=members,
        pending=joining.pending_members(db.session, team.id),
        finished=finished_counts(db.session, [member.id for member in members]),
        instructors=people.instructors(db.session) if current_user.is_admin else [],
    )


@bp.post("/to/<int:team_id>/ma-vao-to")
@instructor_required
def renew_code(team_id: int):
    """A new join code for the team: the old one (shared too widely, say) stops working."""
    team = managed_team_or_404(team_id)
    code = joining.renew_code(db.session, team.id)
    flash(f"Mã vào tổ mới: {code}. Mã cũ không dùng được nữa.", "success")
    return redirect(url_for(".show", team_id=team_id))


@bp.post("/to/<int:team_id>/cho-duyet/<int:user_id>/<any(duyet, 'khong-nhan'):choice>")
@instructor_required
def decide(team_id: int, user_id: int, choice: str):
    """Approve someone who registered without the join code, or remove their account."""
    managed_team_or_404(team_id)
    try:
        if choice == "duyet":
            name = joining.approve(db.session, team_id, user_id).full_name
            flash(f"{name} đã vào tổ.", "success")
        else:
            flash(f"Đã xóa đăng ký của {joining.decline(db.session, team_id, user_id)}.", "info")
    except accounts.AccountError as error:
        flash(error.message, "error")
    return redirect(url_for(".show", team_id=team_id))


@bp.post("/to/<int:team_id>/thanh-vien/<int:user_id>/mat-khau")
@instructor_required
def reset_password(team_id: int, user_id: int):
    """A member forgot their password: their instructor gives them a temporary one."""
    team = managed_team_or_404(team_id)
    member = db.session.get(User, user_id)
    if member is None or member.team_id != team.id or member.role != Role.MEMBER:
        abort(404)
    password = accounts.reset_password(db.session, member.id)
    return render_template("teams/new_password.html", team=team, member=member, password=password)
